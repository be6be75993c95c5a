import crypto from 'node:crypto';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../http/app-env.js';
import type { Auth } from './auth.js';
import type { AuthEpoch } from './auth-epoch.js';
import { ApiError } from '../rest/errors.js';
import type { Actor } from '../resources/define.js';

const MAX_ENTRIES = 10_000;
/** A backstop only: the auth epoch (auth-epoch.ts) is what ends an entry when something changes. */
const TTL_MS = 60_000;

interface Entry {
  actor: Actor;
  epoch: number;
  until: number;
}

/**
 * The signed-in, unbanned user behind a request. better-auth reads it with two SELECTs; this
 * keeps what it answered per session cookie (by hash, bounded, least recently used dropped) for
 * as long as the auth epoch stays where it was when the entry was read — so a ban, role change,
 * password change or revoked session applies on the next request, in this process and others.
 */
export class Sessions {
  private readonly entries = new Map<string, Entry>();
  private readonly cookieName: Promise<string>;

  constructor(private readonly auth: Auth, private readonly epoch: AuthEpoch, private readonly cached: boolean) {
    this.cookieName = auth.$context.then((c) => c.authCookies.sessionToken.name);
  }

  async actorOf(headers: Headers): Promise<Actor | null> {
    const token = this.cached ? this.tokenOf(headers.get('cookie') ?? '', await this.cookieName) : undefined;
    if (!token) return this.read(headers);
    const key = crypto.createHash('sha256').update(token).digest('base64url');
    // Read before the session: an entry is stamped with an epoch no later than its data.
    const epoch = await this.epoch.current();
    const hit = this.entries.get(key);
    if (hit && hit.epoch === epoch && hit.until > Date.now()) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit.actor;
    }
    this.entries.delete(key);
    const found = await this.readSession(headers);
    if (!found) return null;
    this.entries.set(key, { actor: found.actor, epoch, until: Math.min(Date.now() + TTL_MS, found.expiresAt) });
    if (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    return found.actor;
  }

  /** The session cookie's value, if it is there exactly once (else better-auth decides alone, uncached). */
  private tokenOf(cookieHeader: string, name: string): string | undefined {
    const values = cookieHeader.split(';').map((part) => part.trim()).filter((part) => part.startsWith(`${name}=`));
    return values.length === 1 ? values[0].slice(name.length + 1) : undefined;
  }

  private async read(headers: Headers) {
    return (await this.readSession(headers))?.actor ?? null;
  }

  private async readSession(headers: Headers): Promise<{ actor: Actor; expiresAt: number } | null> {
    const session = await this.auth.api.getSession({ headers });
    if (!session || session.user.banned) return null;
    const user = session.user as typeof session.user & { role?: string | null; lawyerId?: number | null };
    return {
      actor: { id: user.id, email: user.email, role: user.role ?? 'lawyer', lawyerId: user.lawyerId ?? null },
      expiresAt: new Date(session.session.expiresAt).getTime(),
    };
  }
}

/** Every data route needs a session: 401 otherwise. */
export function sessionGuard(sessions: Sessions) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const actor = await sessions.actorOf(c.req.raw.headers);
    if (!actor) throw new ApiError(401, { zh: '请先登录', en: 'Please sign in' });
    c.set('actor', actor);
    await next();
  });
}
