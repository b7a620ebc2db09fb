// Preloaded (`node -r`) into a compiled service in tests: a require that resolves into a package that
// package-lock.json marks `dev` throws, because `npm ci --omit=dev` — what the images install — leaves it out.
const Module = require('node:module');
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '../..');
const lockedPackages = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')).packages;
const resolveFilename = Module._resolveFilename;

Module._resolveFilename = function resolveProductionOnly(request, ...rest) {
  const resolved = resolveFilename.call(this, request, ...rest);
  const key = packageKeyOf(resolved);
  if (key && lockedPackages[key]?.dev === true) {
    throw new Error(`require('${request}') resolves to ${key}, a dev dependency the production image does not install`);
  }
  return resolved;
};

/** `node_modules/a/node_modules/@b/c` for a file inside that package: the package-lock.json key. */
function packageKeyOf(file) {
  if (!file.startsWith(root)) return null;
  const parts = file.slice(root.length + 1).split('/');
  const key = [];
  for (let i = 0; i < parts.length; i++) {
    if (parts[i] !== 'node_modules') break;
    const scoped = parts[i + 1]?.startsWith('@');
    key.push('node_modules', ...(scoped ? parts.slice(i + 1, i + 3) : [parts[i + 1]]));
    i += scoped ? 2 : 1;
  }
  return key.length > 0 ? key.join('/') : null;
}
