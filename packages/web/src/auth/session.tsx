/** @module The signed-in user for the whole app: read once on start-up, set by login, cleared by logout or an expired session. */
import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { api, onUnauthenticated, setCsrfToken } from '../api/client.js';
import type { Session } from '../api/types.js';

/** `undefined` while the session is being read, `null` when nobody is signed in. */
export type SessionState = Session | null | undefined;

interface SessionContextValue {
  session: SessionState;
  /** Set after a successful login. */
  signedIn: (session: Session) => void;
  signOut: () => Promise<void>;
  /** True when the last session ended because it expired (the login page says so). */
  expired: boolean;
}

/** The server's readable "signed in from this browser" cookie (no secret in it; the session cookie is HttpOnly). */
const HINT = 'jixiao_signed_in';

function hasSignedInHint(): boolean {
  return typeof document !== 'undefined' && document.cookie.split(';').some((c) => c.trim().startsWith(`${HINT}=`));
}

/** The session it pointed at has ended (expired, ended elsewhere): forget it. */
function clearSignedInHint(): void {
  if (typeof document !== 'undefined') document.cookie = `${HINT}=; Max-Age=0; Path=/; SameSite=Lax`;
}

const SessionContext = createContext<SessionContextValue | undefined>(undefined);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<SessionState>(undefined);
  const [expired, setExpired] = useState(false);

  useEffect(() => {
    let live = true;
    if (!hasSignedInHint()) {
      // Nobody signed in from this browser: no session to ask for (and no refused request to log).
      setSession(null);
    } else {
      api
        .session()
        .then((s) => {
          if (!live) return;
          if (!s) clearSignedInHint();
          setCsrfToken(s?.csrfToken);
          setSession(s ?? null);
        })
        .catch(() => live && setSession(null));
    }
    const off = onUnauthenticated(() => {
      clearSignedInHint();
      setCsrfToken(undefined);
      setExpired(true);
      setSession(null);
    });
    return () => {
      live = false;
      off();
    };
  }, []);

  const signedIn = useCallback((s: Session) => {
    setCsrfToken(s.csrfToken);
    setExpired(false);
    setSession(s);
  }, []);

  const signOut = useCallback(async () => {
    try {
      await api.logout();
    } finally {
      setCsrfToken(undefined);
      setExpired(false);
      setSession(null);
    }
  }, []);

  const value = useMemo(() => ({ session, signedIn, signOut, expired }), [session, signedIn, signOut, expired]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const v = useContext(SessionContext);
  if (!v) throw new Error('useSession outside SessionProvider');
  return v;
}

/** The signed-in user's session; only for pages behind `RequireAuth`. */
export function useUser(): Session {
  const { session } = useSession();
  if (!session) throw new Error('useUser without a session');
  return session;
}
