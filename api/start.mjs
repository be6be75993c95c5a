// `npm start`: the API compiled to JavaScript (again only when a source changed), run by Node itself.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { compiledApi } from './build/compile-api.mjs';

const build = await compiledApi();
await import(pathToFileURL(path.join(build, 'api', 'main.js')).href);
