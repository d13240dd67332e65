/** @module What the routes depend on, built once per server and passed to each router. */
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { SessionStore } from './auth/sessions.js';
import type { Config } from './config.js';
import type { Database } from './db/database.js';
import type { DB } from './db/types.js';
import type { EvaluationCache } from './evaluations/cache.js';
import type { RateLimiter } from './http/rate-limit.js';
import type { JobQueue } from './jobs/queue.js';
import type { LibraryCache } from './library/store.js';

export interface Deps {
  database: Database;
  db: Kysely<DB>;
  config: Config;
  log: Logger;
  sessions: SessionStore;
  /** This replica's copies of evaluations, for the read path. */
  evaluations: EvaluationCache;
  /** This replica's indicator library of each region (computed from the documents, curation replayed). */
  library: LibraryCache;
  limiters: { login: RateLimiter; loginUser: RateLimiter; public: RateLimiter; api: RateLimiter };
  /** The job queue, once started; routes that need it answer `not-ready` before. */
  jobs: { current?: JobQueue | undefined };
  state: { ready: boolean; shuttingDown: boolean };
}
