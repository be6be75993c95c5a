// /api/openapi.json, generated from the declarations, plus a browsable page at /api/docs.
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
  const paths: Record<string, unknown> = {
    '/api/health': { get: { summary: 'Liveness and database check', security: [], responses: { 200: { description: 'OK' } } } },
    '/api/meta': { get: { summary: 'Registers, fields, forms and plugin screens for the console', security: [], responses: { 200: { description: 'Metadata' } } } },
    '/api/openapi.json': { get: { summary: 'This document', security: [], responses: { 200: { description: 'OpenAPI 3.1' } } } },
    ...extraPaths,
  };
  for (const resource of resources) {
    const name = schemaName(resource);
    const fields = allFields(resource);
    const properties = Object.fromEntries(Object.entries(fields).map(([f, field]) => [f, {
      ...fieldJsonSchema(field),
      description: `${field.label.zh} / ${field.label.en}`,
      ...(field.readOnly ? { readOnly: true } : {}),
    }]));
    schemas[name] = {
      type: 'object',
      properties,
      required: Object.entries(resource.fields).filter(([, f]) => f.required).map(([f]) => f),
    };
    const ref = { $ref: `#/components/schemas/${name}` };
    const one = { 'application/json': { schema: ref } };
    const tag = [resource.name];
    const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'integer' } };
    paths[`/api/${resource.name}`] = {
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
    paths[`/api/${resource.name}/{id}`] = {
      parameters: [idParam],
      get: { tags: tag, summary: 'Read one', responses: { 200: { description: 'The record', content: one }, 404: errorResponse } },
      put: {
        tags: tag,
        summary: 'Update (send `version` to guard against lost updates: a stale one answers 409)',
        requestBody: { content: one },
        responses: { 200: { description: 'Updated', content: one }, 400: errorResponse, 404: errorResponse, 409: errorResponse },
      },
      delete: { tags: tag, summary: 'Delete; answers the deleted record', responses: { 200: { description: 'Deleted', content: one }, 404: errorResponse, 409: errorResponse } },
    };
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

export const docsPage = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>法援 API</title>
<link rel="stylesheet" href="/api/docs/swagger-ui.css"></head>
<body><div id="ui"></div><script src="/api/docs/swagger-ui-bundle.js"></script>
<script>SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#ui' });</script></body></html>`;
