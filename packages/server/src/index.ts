/** @module @jixiao/server — the HTTP API on PGlite or PostgreSQL: start it, or build the app for tests and tools. */
export { createApp, API_VERSION } from './app.js';
export { startServer, createDeps, bootstrap, startupText } from './server.js';
export type { RunningServer, StartOptions, Bootstrap } from './server.js';
export { loadConfig, testConfig, describeEnv } from './config.js';
export type { Config, ConfigResult } from './config.js';
export { openPglite, openPostgres } from './db/database.js';
export type { Database } from './db/database.js';
export { migrate, loadMigrations, MIGRATIONS_DIR } from './db/migrate.js';
export { ERROR_CODES, AppError } from './http/errors.js';
export type { ErrorCode } from './http/errors.js';
export { allow, readScope } from './permissions/policy.js';
