// The pieces the hand-written routes' OpenAPI descriptions share (describeRoute from hono-openapi).
export { describeRoute, resolver } from 'hono-openapi';

const refusals: Record<number, string> = {
  400: 'Bad input',
  403: 'Not allowed for this role',
  404: 'No such record (or not visible to this user)',
  409: 'Conflict: the record changed meanwhile, or is in the wrong state',
  413: 'Too large',
  415: 'Not an accepted file type',
  422: 'Refused by a rule',
};

/** Refusal responses ({message, errors}) for the statuses given. */
export function refusalsOf(...statuses: (keyof typeof refusals)[]) {
  return Object.fromEntries(statuses.map((status) => [status, {
    description: refusals[status],
    content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
  }]));
}

/** A JSON body of one of the registers' schemas (components/schemas, built from the declarations). */
export function jsonOfSchema(name: string, many = false) {
  const ref = { $ref: `#/components/schemas/${name}` };
  return { 'application/json': { schema: many ? { type: 'array' as const, items: ref } : ref } };
}

export const idParameter = { name: 'id', in: 'path' as const, required: true, schema: { type: 'integer' as const } };
