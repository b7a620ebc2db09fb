import { logDestinationFromEnv, logLevelFromEnv } from './platform-logger';

describe('logLevelFromEnv', () => {
  it('takes LOG_LEVEL when set, in any case', () => {
    expect(logLevelFromEnv({ LOG_LEVEL: 'DEBUG' })).toBe('debug');
    expect(logLevelFromEnv({ LOG_LEVEL: 'silent', JEST_WORKER_ID: '1' })).toBe('silent');
    expect(logLevelFromEnv({ LOG_LEVEL: 'warn', JEST_WORKER_ID: '1' })).toBe('warn');
  });

  it('is silent inside jest and info elsewhere when LOG_LEVEL is unset', () => {
    expect(logLevelFromEnv({ JEST_WORKER_ID: '3' })).toBe('silent');
    expect(logLevelFromEnv({})).toBe('info');
  });

  it('refuses a level pino does not know, naming the variable', () => {
    expect(() => logLevelFromEnv({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL must be one of/);
  });
});

describe('logDestinationFromEnv', () => {
  it('refuses a buffer size that is not a whole number of bytes up to 64 KiB, naming the variable', () => {
    for (const LOG_BUFFER_BYTES of ['-1', '1.5', 'lots', '70000']) {
      expect(() => logDestinationFromEnv({ LOG_BUFFER_BYTES })).toThrow(/LOG_BUFFER_BYTES must be a whole number from 0 to 65536/);
    }
  });
});
