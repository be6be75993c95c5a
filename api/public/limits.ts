// Rate limits of the public routes, counted in the database (better-auth's rateLimit table, like
// the sign-in throttle), so every process serving the site shares them.
import type { Kysely } from 'kysely';
import { consume } from '../http/sign-in-throttle.js';
import { ApiError } from '../rest/errors.js';

export const PUBLIC_LIMITS = {
  /** Challenges fetched per address. */
  challenge: { window: 600, max: 60 },
  /** Applications submitted per address (an office or a family may share one). */
  applicationPerIp: { window: 3600, max: 10 },
  /** Applications submitted per applicant phone. */
  applicationPerPhone: { window: 86_400, max: 3 },
  /** Status look-ups per address: guessing codes is slow. */
  statusPerIp: { window: 600, max: 30 },
} as const;

export type PublicLimit = keyof typeof PUBLIC_LIMITS;

const tooMany = { zh: '操作过于频繁，请稍后再试', en: 'Too many requests; please try again later' };

export function publicLimiter(db: Kysely<any>, enabled: boolean) {
  return async (limit: PublicLimit, key: string): Promise<void> => {
    if (!enabled) return;
    if (!(await consume(db, `public:${limit}:${key}`, PUBLIC_LIMITS[limit]))) throw new ApiError(429, tooMany);
  };
}
