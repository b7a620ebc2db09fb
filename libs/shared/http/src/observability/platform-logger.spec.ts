import { logLevelFromEnv } from './platform-logger';

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
