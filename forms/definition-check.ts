// The JSON Schema check of form definitions, compiled by ajv on first use. ajv generates code with
// `new Function`, which the console's Content-Security-Policy forbids, so importing the engine (to
// score) must not compile it. The API's build (api/build/compile-api.mjs) puts ajv's standalone code
// for the same schema and options in this module's place: compiling took a few hundred ms of each start.
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import definitionSchema from './form-definition.schema.json' with { type: 'json' };
import type { FormDefinition } from './engine.js';

/** ajv as the check is compiled with (also by the build, which asks for the generated source). */
export const definitionAjv = () => new Ajv2020({ allErrors: true, discriminator: true, strict: true, strictRequired: false, code: { source: true, esm: true } });

let compiled: ValidateFunction<FormDefinition> | undefined;
export function definitionCheck(): ValidateFunction<FormDefinition> {
  compiled ??= definitionAjv().compile<FormDefinition>(definitionSchema);
  return compiled;
}
