/**
 * @module Configuration: one validated module for the environment and the command line. `loadConfig`
 * never throws; it returns the configuration or the full list of what is wrong, so the server fails
 * at start-up with every problem at once.
 */
import { z } from 'zod';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
const bool = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off'])
  .transform((v) => v === '1' || v === 'true' || v === 'yes' || v === 'on');

/** Every environment variable the server reads, with its default and what it is for. */
const EnvSchema = z.object({
  PORT: int(0, 65535).default(8080).describe('HTTP port'),
  HOST: z.string().min(1).default('127.0.0.1').describe('address to listen on; 0.0.0.0 in a container'),
  DATA_DIR: z.string().min(1).default('./data').describe('PGlite data directory (embedded default)'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional()
    .describe('PostgreSQL connection URL; when set, PGlite is not used'),
  DATABASE_POOL_SIZE: int(1, 200).default(20),
  REGION_CODE: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,31}$/, 'lower-case letters, digits and "-", at most 32 characters')
    .default('000000')
    .describe('region (tenant) key of the first region created on an empty database'),
  REGION_NAME: z.string().min(1).max(100).default('本级').describe('name of that region'),
  WEB_DIR: z.string().min(1).optional().describe("the built web app to serve at /; default packages/web/dist when built; 'off' serves none"),
  DEMO_PASSWORD: z.string().min(8, 'at least 8 characters').max(200).default('jixiao-demo'),
  DEMO_LIBRARY_DOCUMENTS: int(0, 200_000)
    .default(40_000)
    .describe("with demo data: documents of core's province-scale generated set added to the demo region's indicator library (in memory only, never stored); 0 for none"),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  COOKIE_SECURE: z.enum(['auto', 'true', 'false']).default('auto').describe('auto: Secure when the request came over HTTPS'),
  TRUST_PROXY: bool.default(false).describe('trust X-Forwarded-For / X-Forwarded-Proto from a reverse proxy'),
  SESSION_TTL_HOURS: int(1, 24 * 30).default(12),
  SESSION_CACHE_SECONDS: int(0, 300).default(5).describe('how long a replica may reuse a session lookup'),
  READ_CACHE: bool.default(true).describe('cache evaluations per replica, invalidated by LISTEN/NOTIFY (turn off on Citus, see docs/deployment.md)'),
  PASSWORD_HASH_COST: int(10, 20).default(15).describe('scrypt cost as log2(N); 15 = 32 MiB per hash'),
  LOGIN_MAX_ATTEMPTS: int(1, 100).default(5),
  LOGIN_LOCK_MINUTES: int(1, 24 * 60).default(15),
  RATE_LIMIT_LOGIN_PER_MINUTE: int(0, 1_000_000).default(10).describe('per client address; 0 turns it off'),
  RATE_LIMIT_PUBLIC_PER_MINUTE: int(0, 1_000_000).default(120).describe('per client address; 0 turns it off'),
  RATE_LIMIT_API_PER_MINUTE: int(0, 10_000_000).default(6000).describe('per user; 0 turns it off'),
  MAX_JSON_BYTES: int(1024, 100 * 1024 * 1024).default(4 * 1024 * 1024),
  MAX_EVIDENCE_BYTES: int(1024, 200 * 1024 * 1024).default(20 * 1024 * 1024),
  MAX_IMPORT_FILE_BYTES: int(1024, 200 * 1024 * 1024).default(50 * 1024 * 1024),
  MAX_IMPORT_BATCH_BYTES: int(1024, 2 * 1024 * 1024 * 1024).default(200 * 1024 * 1024),
  MAX_IMPORT_BATCH_FILES: int(1, 10_000).default(500),
  JOB_EXPIRE_SECONDS: int(1, 24 * 3600).default(120).describe('an import item running longer than this is retried'),
  JOB_MAINTENANCE_SECONDS: int(1, 3600).default(30),
  JOB_POLL_SECONDS: z.coerce.number().min(0.5).max(60).default(1),
  JOB_RETRY_LIMIT: int(0, 20).default(2),
  SHUTDOWN_TIMEOUT_SECONDS: int(1, 600).default(10),
  DAILY_JOB: bool.default(true).describe('run the daily job (monitoring cases opened as time passes, reminders by e-mail)'),
  DAILY_JOB_HOUR: int(0, 23).default(7).describe('hour of the day (China time) the daily job runs'),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^\s]+$/, 'must look like smtp://host:25 or smtps://user:password@host:465')
    .optional()
    .describe('mail server for reminders by e-mail; unset: no e-mail is sent'),
  MAIL_FROM: z.string().min(3).max(200).default('绩效管理系统 <noreply@localhost>').describe('sender of the reminder e-mails'),
  PUBLIC_URL: z
    .string()
    .regex(/^https?:\/\/[^\s]+$/, 'must start with http:// or https://')
    .optional()
    .describe('the address users open the app at, to make the links in e-mails absolute'),
});

export type Env = z.infer<typeof EnvSchema>;

export interface Config extends Env {
  /** Seed the demo organisations, users and evaluations on an empty database. */
  demo: boolean;
  /** `pglite` when no DATABASE_URL is given. */
  storage: 'pglite' | 'postgres';
}

export type ConfigResult = { ok: true; config: Config } | { ok: false; errors: string[] };

const FLAGS = ['--demo', '--no-demo'] as const;

/**
 * Reads the environment and the command-line flags. Demo data is created on the embedded default
 * unless `--no-demo` is given, and on PostgreSQL only with an explicit `--demo`.
 */
export function loadConfig(env: Record<string, string | undefined>, argv: readonly string[] = []): ConfigResult {
  const errors: string[] = [];
  for (const arg of argv) {
    if (!(FLAGS as readonly string[]).includes(arg)) errors.push(`未知的命令行参数 ${arg}（可用：${FLAGS.join('、')}）`);
  }
  // Empty strings count as unset, as in most deployment tools.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([k, v]) => k in EnvSchema.shape && v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const name = String(issue.path[0] ?? '?');
      errors.push(`环境变量 ${name}=${JSON.stringify(env[name] ?? '')} 无效：${issue.message}`);
    }
  }
  if (errors.length > 0 || !parsed.success) return { ok: false, errors };
  const storage = parsed.data.DATABASE_URL ? 'postgres' : 'pglite';
  const demo = argv.includes('--demo') || (storage === 'pglite' && !argv.includes('--no-demo'));
  return { ok: true, config: { ...parsed.data, storage, demo } };
}

/** A configuration for tests and tools: defaults, then overrides. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  const r = loadConfig({});
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return {
    ...r.config,
    PASSWORD_HASH_COST: 10,
    LOG_LEVEL: 'silent',
    RATE_LIMIT_API_PER_MINUTE: 0,
    RATE_LIMIT_LOGIN_PER_MINUTE: 10_000,
    RATE_LIMIT_PUBLIC_PER_MINUTE: 10_000,
    SESSION_CACHE_SECONDS: 0,
    WEB_DIR: 'off',
    DAILY_JOB: false,
    demo: false,
    ...overrides,
  };
}

/** Names and descriptions of the environment variables, for documentation. */
export function describeEnv(): Array<{ name: string; description: string }> {
  return Object.entries(EnvSchema.shape).map(([name, schema]) => ({ name, description: schema.description ?? '' }));
}
