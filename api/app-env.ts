import type { Actor } from './audit.js';
import type { Locale } from './rest/errors.js';

/** What middleware puts on every request's context. */
export type AppEnv = { Variables: { actor: Actor; locale: Locale } };
