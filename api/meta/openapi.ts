// /api/openapi.json: the registers' CRUD paths from their declarations, merged with the hand-written
// routes' own descriptions (describeRoute, payload schemas from their zod validators); /api/docs browses it.
import type { Hono } from 'hono';
import { generateSpecs } from 'hono-openapi';
import { accessOf, type Verb } from '../access/enforce.js';
import { allFields, type ResourceDefinition } from '../resources/define.js';
import { fieldJsonSchema } from '../rest/validator.js';

const errorResponse = { description: 'Bad input', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };

function schemaName(resource: ResourceDefinition) {
  return resource.name.split('-').map((p) => p[0].toUpperCase() + p.slice(1)).join('');
}

export function buildOpenApi(resources: ResourceDefinition[], extraPaths: Record<string, unknown> = {}) {
  const schemas: Record<string, unknown> = {
    Error: {
      type: 'object',
      required: ['message', 'errors'],
      properties: { message: { type: 'string' }, errors: { type: 'object', additionalProperties: { type: 'string' } } },
    },
  };
  const paths: Record<string, Record<string, unknown>> = { ...(extraPaths as Record<string, Record<string, unknown>>) };
  for (const resource of resources) {
    const name = schemaName(resource);
    const fields = allFields(resource);
    const properties = Object.fromEntries(Object.entries(fields).map(([f, field]) => [f, {
      ...fieldJsonSchema(field),
      description: `${field.label.zh} / ${field.label.en}`,
      ...(field.readOnly ? { readOnly: true } : {}),
    }]));
    for (const [key, label] of Object.entries(resource.presented ?? {})) {
      properties[key] = { type: 'object', readOnly: true, description: `${label.zh} / ${label.en}` } as (typeof properties)[string];
    }
    schemas[name] = {
      type: 'object',
      properties,
      required: Object.entries(resource.fields).filter(([, f]) => f.required).map(([f]) => f),
    };
    const ref = { $ref: `#/components/schemas/${name}` };
    const one = { 'application/json': { schema: ref } };
    const tag = [resource.name];
    const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'integer' } };
    // A verb no role is granted answers 403 to everyone: it is not offered as if it worked.
    const granted = (verb: Verb) => Object.keys(accessOf(resource)[verb]).length > 0;
    const list = {
      get: {
        tags: tag,
        summary: `List ${resource.label.en} (${resource.label.zh})`,
        parameters: [
          { name: 'sort', in: 'query', schema: { type: 'string' }, example: JSON.stringify(resource.list.sort), description: 'JSON ["field","ASC|DESC"]' },
          { name: 'range', in: 'query', schema: { type: 'string' }, example: '[0,24]', description: 'JSON [start, end], inclusive, at most 1000 rows' },
          {
            name: 'filter', in: 'query', schema: { type: 'string' }, example: '{}',
            description: `JSON object: field equality, arrays as IN, "q" searches ${resource.list.search.join(', ')}, field_gte / field_lte / field_gt / field_lt / field_neq; {"id":[…]} fetches several by id`,
          },
        ],
        responses: {
          200: { description: 'The page', headers: { 'Content-Range': { schema: { type: 'string' }, description: `${resource.name} 0-24/600` } }, content: { 'application/json': { schema: { type: 'array', items: ref } } } },
          400: errorResponse,
        },
      },
      post: { tags: tag, summary: `Create`, requestBody: { content: one }, responses: { 201: { description: 'Created', content: one }, 400: errorResponse, 409: errorResponse } },
    };
    const single = {
      get: { tags: tag, summary: 'Read one', responses: { 200: { description: 'The record', content: one }, 404: errorResponse } },
      put: {
        tags: tag,
        summary: 'Update (send `version` to guard against lost updates: a stale one answers 409)',
        requestBody: { content: one },
        responses: { 200: { description: 'Updated', content: one }, 400: errorResponse, 404: errorResponse, 409: errorResponse },
      },
      delete: { tags: tag, summary: 'Delete; answers the deleted record', responses: { 200: { description: 'Deleted', content: one }, 404: errorResponse, 409: errorResponse } },
    };
    const offered = (operations: Record<string, unknown>, verbs: Record<string, Verb>) =>
      Object.fromEntries(Object.entries(operations).filter(([method]) => granted(verbs[method])));
    paths[`/api/${resource.name}`] = offered(list, { get: 'read', post: 'create' });
    paths[`/api/${resource.name}/{id}`] = { parameters: [idParam], ...offered(single, { get: 'read', put: 'update', delete: 'delete' }) };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Fayuan 法援 API', version: '1', description: 'ra-data-simple-rest protocol. Sign in at /api/auth/sign-in/email; the session cookie authorises every other call.' },
    servers: [{ url: '/' }],
    components: { schemas, securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'better-auth.session_token' } } },
    security: [{ session: [] }],
    paths,
  };
}

/**
 * The whole document: the declarations' CRUD paths and every route of the app that describes
 * itself (hono-openapi's describeRoute), walked from the mounted app once it is complete.
 */
export async function openApiDocument(app: Hono<any>, resources: ResourceDefinition[], extraPaths: Record<string, unknown> = {}) {
  const declared = buildOpenApi(resources, extraPaths);
  const described = await generateSpecs(app, { documentation: {}, defaultValidationErrorResponse: false, excludeStaticFile: false });
  const paths: Record<string, Record<string, unknown>> = { ...declared.paths };
  for (const [path, operations] of Object.entries(described.paths)) paths[path] = { ...paths[path], ...operations };
  return { ...declared, paths, components: { ...declared.components, schemas: { ...described.components?.schemas, ...declared.components.schemas } } };
}

export const docsPage = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>法援 API</title>
<link rel="stylesheet" href="/api/docs/swagger-ui.css"></head>
<body><div id="ui"></div><script src="/api/docs/swagger-ui-bundle.js"></script>
<script>SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#ui' });</script></body></html>`;
