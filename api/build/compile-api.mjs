// The API as plain JavaScript for `npm start`. Loading every module through tsx's loader made
// start-up take seconds; Node loads the compiled tree in a fraction of it. Each TypeScript module of
// api/, forms/ and the plugins' server parts is transpiled one to one (esbuild, the transform tsx
// applies) into api/dist/<stamp>/, and the other files are copied beside them, so relative paths
// hold; the forms' schema check is precompiled (see forms/definition-check.ts). The stamp hashes the
// sources' names, sizes and times: an edited source gives a new build, and a build is renamed into
// place whole, so concurrent starts never see half of one.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const distDir = path.join(root, 'api', 'dist');
const SKIPPED_DIRS = new Set(['dist', 'node_modules', 'admin', 'test']);

function sourcesUnder(dir, out = []) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name)) sourcesUnder(full, out);
    } else if (!entry.name.includes('.test.')) out.push(full);
  }
  return out;
}

function sources() {
  const plugins = path.join(root, 'plugins');
  const pluginDirs = fs.existsSync(plugins)
    ? fs.readdirSync(plugins, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => path.join(plugins, e.name))
    : [];
  return [path.join(root, 'api'), path.join(root, 'forms'), ...pluginDirs].flatMap((dir) => sourcesUnder(dir)).sort();
}

function stampOf(files) {
  const hash = crypto.createHash('sha256');
  for (const file of files) {
    const { size, mtimeMs } = fs.statSync(file);
    hash.update(`${path.relative(root, file)}\0${size}\0${mtimeMs}\n`);
  }
  return hash.digest('hex').slice(0, 16);
}

const isTypeScript = (file) => /\.tsx?$/.test(file);

async function compileInto(dir, files) {
  const { build } = await import('esbuild');
  await build({
    entryPoints: files.filter(isTypeScript),
    outdir: dir,
    outbase: root,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // `with { type: 'json' }` as written: esbuild would drop it for node20, Node 20.10 and later need it.
    supported: { 'import-attributes': true },
    jsx: 'automatic',
    logLevel: 'warning',
  });
  for (const file of files.filter((f) => !isTypeScript(f))) {
    const target = path.join(dir, path.relative(root, file));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(file, target);
  }
  await precompileDefinitionCheck(path.join(dir, 'forms', 'definition-check.js'));
}

/** forms/definition-check as ajv's standalone code: the same check, without compiling it at each start. */
async function precompileDefinitionCheck(file) {
  const [{ definitionAjv }, { default: schema }, { default: standalone }] = await Promise.all([
    import(pathToFileURL(file).href),
    import(pathToFileURL(path.join(path.dirname(file), 'form-definition.schema.json')).href, { with: { type: 'json' } }),
    import('ajv/dist/standalone/index.js'),
  ]);
  const ajv = definitionAjv();
  const code = standalone(ajv, ajv.compile(schema)).replace(/^"use strict";/, '');
  // ajv's ESM output still requires its runtime helpers.
  const preamble = "import { createRequire } from 'node:module';\nconst require = createRequire(import.meta.url);\n";
  fs.writeFileSync(file, `${preamble}${code}\nexport const definitionCheck = () => validate;\n`);
}

/** The directory of the current build (api/, forms/ and plugins/ inside), compiled first if the sources changed. */
export async function compiledApi() {
  const files = sources();
  const built = path.join(distDir, stampOf(files));
  if (fs.existsSync(path.join(built, 'api', 'main.js'))) return built;
  const partial = path.join(distDir, `.partial-${process.pid}-${crypto.randomBytes(4).toString('hex')}`);
  await compileInto(partial, files);
  try {
    fs.renameSync(partial, built);
  } catch (error) {
    fs.rmSync(partial, { recursive: true, force: true });
    if (!fs.existsSync(path.join(built, 'api', 'main.js'))) throw error;
  }
  removeOldBuilds(path.basename(built));
  return built;
}

/** Older builds, and partial ones left by a start that was killed (an hour old: nobody is writing them). */
function removeOldBuilds(current) {
  for (const name of fs.readdirSync(distDir)) {
    const full = path.join(distDir, name);
    const removable = name.startsWith('.partial-') ? Date.now() - fs.statSync(full).mtimeMs > 3_600_000 : name !== current;
    if (removable) fs.rmSync(full, { recursive: true, force: true });
  }
}
