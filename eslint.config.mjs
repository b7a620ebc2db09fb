import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

const services = ['identity', 'registry', 'projects', 'draw', 'bidding', 'audit'];

// The domain and contracts layers must run unchanged in a browser and in CLIs:
// no framework, ORM, broker or driver imports.
const frameworkAndIo = ['@nestjs/*', 'typeorm', 'kafkajs', 'pg', '@electric-sql/*', 'express', 'pino', 'fs', 'node:fs', 'net', 'node:net'];

export default [
  { ignores: ['**/node_modules/**', '**/dist/**', '**/tmp/**', '**/.data/**', '**/.nx/**', 'tools/kafka/.cache/**', 'apps/web/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    plugins: { '@nx': nx },
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            // A service sees only itself, the shared platform, and other services' published contracts.
            ...services.map((s) => ({
              sourceTag: `scope:${s}`,
              onlyDependOnLibsWithTags: [`scope:${s}`, 'scope:shared', 'type:contracts'],
            })),
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util'], bannedExternalImports: frameworkAndIo },
            { sourceTag: 'scope:gateway', onlyDependOnLibsWithTags: ['scope:gateway', 'scope:shared', 'type:contracts'] },
            { sourceTag: 'scope:composition', onlyDependOnLibsWithTags: ['type:service', 'scope:shared', 'type:contracts'] },
            { sourceTag: 'scope:e2e', onlyDependOnLibsWithTags: ['*'] },
            { sourceTag: 'scope:web', onlyDependOnLibsWithTags: ['type:domain', 'type:contracts'] },
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:service', 'type:platform', 'type:contracts', 'type:util', 'type:testing'] },
            { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['*'] },
            { sourceTag: 'type:service', onlyDependOnLibsWithTags: ['type:service', 'type:domain', 'type:contracts', 'type:platform', 'type:util', 'type:testing'] },
            {
              sourceTag: 'type:domain',
              onlyDependOnLibsWithTags: ['type:domain', 'type:util'],
              bannedExternalImports: frameworkAndIo,
            },
            {
              sourceTag: 'type:contracts',
              onlyDependOnLibsWithTags: ['type:contracts', 'type:util'],
              bannedExternalImports: frameworkAndIo,
            },
            { sourceTag: 'type:platform', onlyDependOnLibsWithTags: ['type:platform', 'type:contracts', 'type:util', 'type:testing'] },
            { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:contracts', 'type:util', 'type:testing'] },
          ],
        },
      ],
    },
  },
  {
    // Domain cores and contracts run in the browser too: no Node built-ins outside their tests.
    files: ['libs/*/core/src/**/*.ts', 'libs/*/contracts/src/**/*.ts', 'libs/shared/kernel/src/**/*.ts', 'libs/shared/contracts/src/**/*.ts'],
    ignores: ['**/*.spec.ts', '**/*.int-spec.ts', '**/testing.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [{ group: ['node:*'], message: 'domain and contracts code must run in a browser: no Node built-ins' }],
          paths: ['fs', 'fs/promises', 'path', 'crypto', 'os', 'net', 'http', 'https', 'child_process', 'stream', 'util', 'zlib', 'worker_threads'].map((name) => ({
            name,
            message: 'domain and contracts code must run in a browser: no Node built-ins',
          })),
        },
      ],
    },
  },
  {
    // Plain CommonJS scripts (tools, Jest configuration).
    files: ['**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable', process: 'readonly', __dirname: 'readonly', console: 'readonly', jest: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Tools and cross-service end-to-end suites compose several services on purpose.
    files: ['tools/**/*.ts'],
    rules: { '@nx/enforce-module-boundaries': 'off' },
  },
];
