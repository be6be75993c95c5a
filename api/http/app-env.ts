import type { Actor } from '../rest/audit.js';
import type { Locale } from '../rest/errors.js';

/** What middleware puts on every request's context. */
export type AppEnv = { Variables: { actor: Actor; locale: Locale } };
