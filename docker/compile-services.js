// `npm run build:services`: compiles the service apps and every lib to plain CommonJS under dist/node, so a
// container runs `node dist/node/apps/<app>/src/main.js` with production dependencies only. Development runs
// the same sources through @swc-node/register; this uses the same SWC transform as the tests (jest.preset.js):
// legacy decorators with decorator metadata, which Nest's dependency injection reads. A bundler would be
// smaller but esbuild emits no decorator metadata, and one file per source keeps stack traces readable.
// The tsconfig path aliases (`@mkt/...`) become relative requires at compile time.
const { transformFile } = require('@swc/core');
const { mkdir, readdir, rm, writeFile, copyFile } = require('node:fs/promises');
const { dirname, join, relative, resolve } = require('node:path');

const root = join(__dirname, '..');
// `--out-dir <dir>` for tests that compile to a folder of their own.
const outDirArg = process.argv.indexOf('--out-dir');
const outDir = outDirArg > 0 ? resolve(process.argv[outDirArg + 1]) : join(root, 'dist/node');
const APPS = ['identity', 'registry', 'projects', 'draw', 'bidding', 'audit', 'gateway', 'marketplace'];
const SKIPPED = /\.(int-)?spec\.ts$|\.d\.ts$/;

async function main() {
  const { compilerOptions } = require(join(root, 'tsconfig.base.json'));
  const options = {
    swcrc: false,
    jsc: {
      baseUrl: root,
      paths: compilerOptions.paths,
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
    sourceMaps: true,
  };
  const sources = [...APPS.map((app) => join(root, 'apps', app, 'src')), ...(await libSourceFolders())];
  const files = (await Promise.all(sources.map(filesUnder))).flat();
  await rm(outDir, { recursive: true, force: true });
  for (const file of files) {
    const target = join(outDir, relative(root, file));
    await mkdir(dirname(target), { recursive: true });
    if (file.endsWith('.json')) {
      await copyFile(file, target);
      continue;
    }
    const js = target.replace(/\.ts$/, '.js');
    const { code, map } = await transformFile(file, { ...options, filename: file, sourceFileName: relative(dirname(js), file) });
    await writeFile(js, `${code}\n//# sourceMappingURL=${js.split('/').pop()}.map\n`);
    if (map) await writeFile(`${js}.map`, map);
  }
  console.log(`compiled ${files.length} files of ${APPS.length} apps and their libs to ${relative(root, outDir)}`);
}

/** libs/<scope>/<kind>/src for every lib in the workspace. */
async function libSourceFolders() {
  const folders = [];
  for (const scope of await readdir(join(root, 'libs'))) {
    for (const kind of await readdir(join(root, 'libs', scope))) folders.push(join(root, 'libs', scope, kind, 'src'));
  }
  return folders;
}

async function filesUnder(folder) {
  const entries = await readdir(folder, { withFileTypes: true, recursive: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile() && (e.name.endsWith('.ts') || e.name.endsWith('.json')) && !SKIPPED.test(e.name))
    .map((e) => join(e.parentPath ?? e.path, e.name));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
