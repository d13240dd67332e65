/** @module The Hono environment shared by every route: request-scoped variables and the signed-in user. */
import type { Logger } from 'pino';
import type { OrgKind, Role } from '../db/types.js';

/** The signed-in user as every permission check sees it. */
export interface AuthUser {
  region: string;
  id: string;
  username: string;
  displayName: string;
  role: Role;
  orgId: string;
  /** '/<bureau>/<department>/<unit>/' of the user's organisation. */
  orgPath: string;
  orgKind: OrgKind;
  mustChangePassword: boolean;
}

export interface SessionInfo {
  /** SHA-256 of the cookie secret: the sessions table key. */
  id: string;
  region: string;
  csrfToken: string;
  expiresAt: Date;
}

export interface AppVariables {
  requestId: string;
  log: Logger;
  user: AuthUser;
  session: SessionInfo;
}

export interface AppEnv {
  Variables: AppVariables;
}
