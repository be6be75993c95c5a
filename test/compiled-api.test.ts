// `npm start` runs the API compiled to JavaScript (api/build/compile-api.mjs). The compiled tree
// must hold everything the sources do (every module, every plugin's entry and data files), find
// the project's own files from where it lives, and run the batch export's worker threads without
// tsx. The servers of the other HTTP specs (test/support/server.ts) run this build too.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compiledApi } from '../api/build/compile-api.mjs';
import { validateDefinition } from '../forms/engine.js';
import { mixedForm, shippedForm, shippedFormFiles } from '../forms/test/sample-forms.js';
import { sampleCaseFile } from '../plugins/case-file-pdf/test/sample-case-file.js';
import { filesUnder } from '../plugins/case-files/test/support.js';
import { ROOT } from './support/server.js';


describe('the compiled API', () => {
  it('is built once per version of the sources, and holds a module for each of them', async () => {
    const build = await compiledApi();
    expect(path.dirname(build)).toBe(path.join(ROOT, 'api', 'dist'));
    const builtAt = fs.statSync(path.join(build, 'api', 'main.js')).mtimeMs;
    expect(await compiledApi()).toBe(build);
    expect(fs.statSync(path.join(build, 'api', 'main.js')).mtimeMs).toBe(builtAt);

    const sources = ['api', 'forms', 'plugins']
      .flatMap((dir) => filesUnder(path.join(ROOT, dir)).map((file) => path.join(dir, file)))
      // The build's sources: not the build itself, the console's screens, tests, or the plugins' README.
      .filter((file) => !file.startsWith('api/dist/') && !/(^|\/)(admin|test)\//.test(file) && !file.includes('.test.') && !/^plugins\/[^/]+$/.test(file));
    expect(sources.length).toBeGreaterThan(200);
    for (const source of sources) {
      const built = source.replace(/\.tsx?$/, '.js');
      expect(fs.existsSync(path.join(build, built)), built).toBe(true);
    }
  });

  it('finds the project from the build: its forms, plugins and console', async () => {
    const build = await compiledApi();
    const paths = await import(pathToFileURL(path.join(build, 'api', 'paths.js')).href);
    expect(paths.projectRoot).toBe(ROOT);
    expect(paths.codeRoot).toBe(build);
    const { loadPlugins, pluginsDir } = await import(pathToFileURL(path.join(build, 'api', 'plugins', 'load.js')).href);
    expect(pluginsDir).toBe(path.join(build, 'plugins'));
    const names = fs.readdirSync(path.join(ROOT, 'plugins')).filter((name) => fs.existsSync(path.join(ROOT, 'plugins', name, 'server', 'index.ts')));
    const plugins = await loadPlugins(names);
    expect(plugins.map((p: { name: string }) => p.name)).toEqual(names);
    const { loadForms } = await import(pathToFileURL(path.join(build, 'api', 'meta', 'forms.js')).href);
    expect(loadForms().length).toBe(fs.readdirSync(path.join(ROOT, 'forms')).filter((f) => f.endsWith('.json') && !f.includes('schema')).length);
  });

  it('checks form definitions with the precompiled schema exactly as the sources do', async () => {
    const build = await compiledApi();
    expect(fs.readFileSync(path.join(build, 'forms', 'definition-check.js'), 'utf8')).not.toContain('new Ajv');
    const compiled = await import(pathToFileURL(path.join(build, 'forms', 'engine.js')).href);
    type Mutable = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    const broken: ((form: Mutable) => void)[] = [
      () => {},
      (f) => { delete f.sections[0].items[0].max; delete f.title.en; },
      (f) => { f.key = 'Not A Key'; f.sections[0].items[1].weight = 0; f.scoring.unanswered = 'zero'; },
      (f) => { f.sections[1].items[0].colour = 'red'; f.sections[1].items[1].kind = 'ranking'; },
      (f) => { f.sections[1].items[0].consequences[0].when = 'yes'; f.scoring.bands[3].min = -5; },
      (f) => { f.sections = []; },
    ];
    const definitions: unknown[] = [null, 42, [], {}, ...shippedFormFiles.map((file) => shippedForm(file.replace(/\.json$/, ''))), ...broken.map((breakIt) => {
      const form = mixedForm() as Mutable;
      breakIt(form);
      return form;
    })];
    for (const definition of definitions) expect(compiled.validateDefinition(definition)).toEqual(validateDefinition(definition));
    expect(definitions.filter((d) => validateDefinition(d).ok).length).toBe(shippedFormFiles.length + 1);
  });

  it('renders case files in the batch export\'s worker threads, from the build', async () => {
    const build = await compiledApi();
    const { RenderPool } = await import(pathToFileURL(path.join(build, 'plugins', 'case-file-pdf', 'server', 'exports', 'render-pool.js')).href);
    const pool = new RenderPool(1);
    try {
      const pdf = Buffer.from(await pool.render(sampleCaseFile(), []));
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      expect(pdf.length).toBeGreaterThan(10_000);
    } finally {
      await pool.close();
    }
  });
});
