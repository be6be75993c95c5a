// The console shares some zod schemas with the server. zod compiles its parsers with
// `Function(…)` after probing whether it may, and the probe alone is reported as a violation of
// the console's Content-Security-Policy (script-src 'self', no 'unsafe-eval'): parse without it.
import { config } from 'zod';

config({ jitless: true });
