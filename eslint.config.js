// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** The domain core must stay pure: no database, file system, network, clock or randomness. */
const impureModules = [
  'fs', 'fs/promises', 'path', 'os', 'net', 'http', 'https', 'http2', 'dgram', 'dns', 'tls', 'child_process',
  'cluster', 'worker_threads', 'crypto', 'process', 'stream', 'readline', 'vm', 'perf_hooks', 'timers',
  'pg', '@electric-sql/pglite', 'kysely', 'exceljs', 'docx', 'hono',
];

export default tseslint.config(
  {
    ignores: ['**/dist/**', '**/node_modules/**', '**/coverage/**', 'artifacts/**', 'data/**', '**/*.d.ts'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        console: 'readonly', process: 'readonly', URL: 'readonly', TextEncoder: 'readonly', TextDecoder: 'readonly',
        setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly',
        performance: 'readonly', Buffer: 'readonly', structuredClone: 'readonly', globalThis: 'readonly',
        AbortController: 'readonly', fetch: 'readonly', queueMicrotask: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: ['packages/core/src/**/*.ts'],
    ignores: ['packages/core/src/**/*.test.ts', 'packages/core/src/**/*.bench.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: impureModules.flatMap((name) => [
            { name, message: 'packages/core is pure: no I/O, clock or randomness (see ARCHITECTURE.md).' },
            { name: `node:${name}`, message: 'packages/core is pure: no I/O, clock or randomness (see ARCHITECTURE.md).' },
          ]),
          patterns: [{ group: ['node:*'], message: 'packages/core is pure: no Node built-ins.' }],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...['process', 'fetch', 'XMLHttpRequest', 'WebSocket', 'setTimeout', 'setInterval', 'performance', 'Buffer', 'crypto', 'require', 'localStorage', 'indexedDB'].map(
          (name) => ({ name, message: 'packages/core is pure: no I/O, clock or randomness.' }),
        ),
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'No clock in core: pass the time in.' },
        { selector: "MemberExpression[object.name='Date'][property.name='now']", message: 'No clock in core: pass the time in.' },
        { selector: "MemberExpression[object.name='Math'][property.name='random']", message: 'No randomness in core.' },
        { selector: "ImportExpression", message: 'No dynamic imports in core.' },
      ],
    },
  },
);
