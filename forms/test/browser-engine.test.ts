// The engine is one module for the server and the console: it must bundle for the browser with no
// Node built-in and work there the same as on the server.
import { builtinModules } from 'node:module';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { build, type Plugin, type Rollup } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../test/support/browser.js';
import { scoreSheet, validateDefinition } from '../engine.js';
import { formsDir, shippedForm } from './sample-forms.js';

const nodeBuiltins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));

/** Fails the bundle on any import of a Node built-in, where Vite would only warn and stub it. */
function refuseNodeBuiltins(imported: string[]): Plugin {
  return {
    name: 'refuse-node-builtins',
    enforce: 'pre',
    resolveId(id, importer) {
      if (nodeBuiltins.has(id)) imported.push(`${id} (from ${importer})`);
      return null;
    },
  };
}

async function bundleForBrowser(imported: string[]): Promise<string> {
  const output = (await build({
    configFile: false,
    logLevel: 'silent',
    root: formsDir,
    plugins: [refuseNodeBuiltins(imported)],
    build: {
      write: false,
      minify: false,
      lib: { entry: path.join(formsDir, 'engine.ts'), formats: ['iife'], name: 'FormsEngine', fileName: 'engine' },
    },
  })) as Rollup.RollupOutput[] | Rollup.RollupOutput;
  const [first] = Array.isArray(output) ? output : [output];
  return first.output.map((chunk) => (chunk.type === 'chunk' ? chunk.code : '')).join('\n');
}

describe('the forms engine in the browser', () => {
  let browser: Browser;
  let bundle: string;
  const imported: string[] = [];

  beforeAll(async () => {
    bundle = await bundleForBrowser(imported);
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());

  it('bundles for the browser without any Node built-in', () => {
    expect(imported).toEqual([]);
    expect(bundle.length).toBeGreaterThan(1000);
  });

  it('validates and scores in Chromium exactly as on the server', async () => {
    const page = await browser.newPage();
    try {
      await page.addScriptTag({ content: bundle });
      const form = shippedForm('return-visit');
      const answers = { preparation: true, investigation: true, onTime: true, gifts: true, fees: false, opinionsAdopted: true, satisfaction: 'satisfied' };
      const inBrowser = await page.evaluate(([def, sheet]) => {
        const engine = (window as unknown as { FormsEngine: typeof import('../engine.js') }).FormsEngine;
        const broken = structuredClone(def) as { scoring: { bands: { min: number }[] } };
        broken.scoring.bands[3].min = 10;
        return { valid: engine.validateDefinition(def).ok, broken: engine.validateDefinition(broken), scored: engine.scoreSheet(def as never, sheet as never) };
      }, [form, answers] as const);
      expect(inBrowser.valid).toBe(true);
      expect(inBrowser.broken).toEqual(validateDefinition({ ...form, scoring: { ...form.scoring, bands: form.scoring.bands.map((b, i) => (i === 3 ? { ...b, min: 10 } : b)) } }));
      expect(inBrowser.broken.ok).toBe(false);
      expect(inBrowser.scored).toEqual(scoreSheet(form, answers));
      expect(inBrowser.scored).toMatchObject({ score: 85, grade: 'fail' });
    } finally {
      await page.close();
    }
  });
});
