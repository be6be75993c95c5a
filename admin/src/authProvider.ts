// better-auth through the console's one HTTP client: email and password sign-in, a session
// cookie, the role as permissions.
import type { AuthProvider, HttpError, UserIdentity } from 'react-admin';
import { createHttpClient } from './apiClient.js';

export interface SessionUser {
  id: string;
  name: string;
  email: string;
  role?: string | null;
  lawyerId?: number | null;
}
interface Session {
  session: unknown;
  user: SessionUser;
}

export interface AuthOptions {
  /** The console's language, for the server's messages. */
  getLocale: () => string;
  /** Called after signing in, before react-admin moves on (the console reloads /api/meta). */
  onSessionChange?: () => Promise<void>;
}

/** Sign-in refusals the server did not word: message keys the login form translates. */
function signInError(status: number, message: string | undefined): Error {
  if (message) return new Error(message);
  if (status === 429) return new Error('fayuan.auth.too_many_attempts');
  if (status === 401 || status === 400) return new Error('fayuan.auth.invalid_credentials');
  return new Error('ra.auth.sign_in_error');
}

export function createAuthProvider({ getLocale, onSessionChange = async () => {} }: AuthOptions): AuthProvider {
  const http = createHttpClient(getLocale);
  const authFetch = (path: string, init: RequestInit = {}) => http(`/api/auth/${path}`, init);

  // One get-session request serves the checks that follow each other on a page change.
  let cached: { at: number; session: Promise<Session | null> } | null = null;
  const REUSE_MS = 5_000;
  const currentSession = (): Promise<Session | null> => {
    if (cached && Date.now() - cached.at < REUSE_MS) return cached.session;
    const session = authFetch('get-session')
      .then(({ json }) => (json ?? null) as Session | null)
      .catch(() => null);
    cached = { at: Date.now(), session };
    return session;
  };
  const forgetSession = () => {
    cached = null;
  };

  return {
    async login({ username, email, password }: { username?: string; email?: string; password: string }) {
      forgetSession();
      await authFetch('sign-in/email', {
        method: 'POST',
        body: JSON.stringify({ email: (email ?? username ?? '').trim(), password }),
      }).catch((error: HttpError) => {
        throw signInError(error.status, (error.body as { message?: string } | null)?.message);
      });
      await onSessionChange();
    },

    async logout() {
      // The console keeps the last user's /api/meta until the next sign-in reloads it: reloading
      // now would redraw the page being left, and its requests would all answer 401.
      forgetSession();
      await authFetch('sign-out', { method: 'POST', body: '{}' }).catch(() => undefined);
    },

    async checkAuth() {
      if (!(await currentSession())) throw new Error('ra.auth.auth_check_error');
    },

    /** Only a lost session (401) signs the user out; a refusal (403) is shown where it happened. */
    async checkError(error: { status?: number }) {
      if (error?.status === 401) {
        forgetSession();
        throw new Error('ra.notification.logged_out');
      }
    },

    async getIdentity(): Promise<UserIdentity> {
      const session = await currentSession();
      if (!session) throw new Error('ra.auth.auth_check_error');
      const { user } = session;
      return { ...user, id: user.id, fullName: user.name || user.email };
    },

    async getPermissions() {
      const session = await currentSession();
      return session?.user.role ?? null;
    },
  };
}
