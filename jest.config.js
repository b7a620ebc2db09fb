// Two suites: `unit` (pure, fast, no servers) and `integration` (real Postgres and a real Kafka broker).
const preset = require('./jest.preset');

const roots = ['<rootDir>/libs', '<rootDir>/apps', '<rootDir>/tools'];
const ignored = ['/node_modules/', '/dist/', '/tools/kafka/.cache/'];

module.exports = {
  projects: [
    { ...preset, displayName: 'unit', roots, testMatch: ['**/*.spec.ts'], testPathIgnorePatterns: ignored, setupFilesAfterEnv: ['<rootDir>/tools/jest/unit-timeout.js'] },
    { ...preset, displayName: 'integration', roots, testMatch: ['**/*.int-spec.ts'], testPathIgnorePatterns: ignored, setupFilesAfterEnv: ['<rootDir>/tools/jest/integration-timeout.js'] },
  ],
};
