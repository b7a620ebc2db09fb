import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { ESLint } from 'eslint';

const root = join(__dirname, '../..');

// Lints fixture sources as if they lived inside a library, proving the workspace rules bite.
async function lintAs(file: string, code: string, rule = '@nx/enforce-module-boundaries'): Promise<string[]> {
  const eslint = new ESLint({ cwd: root });
  const [result] = await eslint.lintText(code, { filePath: join(root, file) });
  return result.messages.filter((m) => m.ruleId === rule).map((m) => m.message);
}

describe('module boundaries', () => {
  beforeAll(() => {
    // The rule reads the cached project graph; make sure it exists.
    execFileSync('npx', ['nx', 'show', 'projects'], { cwd: root, stdio: 'ignore' });
  }, 60000);

  it("refuses a service library importing another service's service library", async () => {
    const errors = await lintAs('libs/draw/service/src/fixture.ts', `import { x } from '@mkt/registry/service';\nexport const y = x;\n`);
    expect(errors).toEqual([expect.stringContaining('A project tagged with "scope:draw" can only depend on libs tagged with')]);
  });

  it("refuses a service library importing another service's domain core", async () => {
    const errors = await lintAs('libs/bidding/service/src/fixture.ts', `import { x } from '@mkt/draw/core';\nexport const y = x;\n`);
    expect(errors).toHaveLength(1);
  });

  it("allows a service library to use another service's published contracts", async () => {
    const errors = await lintAs('libs/draw/service/src/fixture.ts', `import { AGENCY_TOPIC } from '@mkt/registry/contracts';\nexport const t = AGENCY_TOPIC;\n`);
    expect(errors).toEqual([]);
  });

  it('keeps Node built-ins out of domain cores and contracts, but not out of their tests', async () => {
    const code = `import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n`;
    expect(await lintAs('libs/projects/core/src/fixture.ts', code, 'no-restricted-imports')).toHaveLength(1);
    expect(await lintAs('libs/draw/contracts/src/fixture.ts', `import { createHash } from 'crypto';\nexport const h = createHash;\n`, 'no-restricted-imports')).toHaveLength(1);
    expect(await lintAs('libs/projects/core/src/fixture.spec.ts', code, 'no-restricted-imports')).toEqual([]);
  });

  it('keeps framework and I/O imports out of a domain core', async () => {
    const errors = await lintAs('libs/draw/core/src/fixture.ts', `import { Injectable } from '@nestjs/common';\nexport const i = Injectable;\n`);
    expect(errors).toEqual([expect.stringContaining('@nestjs/common')]);
  });
});
