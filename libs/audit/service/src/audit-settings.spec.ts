import { DRAW_TOPIC, DRAW_TOPICS } from '@mkt/draw/contracts';
import { PROJECT_TOPIC, PROJECTS_TOPICS } from '@mkt/projects/contracts';
import { AGENCY_TOPIC, REGISTRY_TOPICS } from '@mkt/registry/contracts';
import { AUDITED_TOPICS, auditLogSettings, DEFAULT_LOG_ORIGIN, ocdsSettings } from './audit-settings';

const KEY = 'PRIVATE+KEY+audit.city.example/log+0a1b2c3d+AUhS+/fake';

describe('auditLogSettings', () => {
  it('defaults to the example origin, a key kept in the database, and a checkpoint a minute', () => {
    expect(auditLogSettings({}, {})).toEqual({ origin: DEFAULT_LOG_ORIGIN, signingKey: null, checkpointIntervalMs: 60_000 });
  });

  it('reads the key, origin and interval from the environment', () => {
    const env = { AUDIT_SIGNING_KEY: ` ${KEY}\n`, AUDIT_LOG_ORIGIN: 'audit.city.example/log', AUDIT_CHECKPOINT_INTERVAL_SECONDS: '300' };
    expect(auditLogSettings({}, env)).toEqual({ origin: 'audit.city.example/log', signingKey: KEY, checkpointIntervalMs: 300_000 });
  });

  it("takes a configured key's name as the origin when none is set", () => {
    expect(auditLogSettings({}, { AUDIT_SIGNING_KEY: KEY }).origin).toBe('audit.city.example/log');
  });

  it('lets the composition root override the environment, including with no key at all', () => {
    expect(auditLogSettings({ signingKey: null, origin: 'x/log', checkpointIntervalMs: 5000 }, { AUDIT_SIGNING_KEY: KEY })).toEqual({ origin: 'x/log', signingKey: null, checkpointIntervalMs: 5000 });
  });

  it('refuses an interval that is not a number of seconds', () => {
    expect(() => auditLogSettings({}, { AUDIT_CHECKPOINT_INTERVAL_SECONDS: 'often' })).toThrow(/AUDIT_CHECKPOINT_INTERVAL_SECONDS/);
    expect(() => auditLogSettings({}, { AUDIT_CHECKPOINT_INTERVAL_SECONDS: '0.5' })).toThrow(/at least 1/);
  });
});

describe('AUDITED_TOPICS', () => {
  it('covers every topic the registry, projects and draw services publish', () => {
    // Every topic each producer's contracts declare, so a new topic (say, the catalog's) is audited from the start.
    expect(AUDITED_TOPICS).toEqual(expect.arrayContaining([AGENCY_TOPIC, PROJECT_TOPIC, DRAW_TOPIC, ...REGISTRY_TOPICS, ...PROJECTS_TOPICS, ...DRAW_TOPICS]));
  });
});

describe('ocdsSettings', () => {
  it('uses the placeholder prefix until a registered one is configured', () => {
    expect(ocdsSettings({}).ocidPrefix).toBe('ocds-mkt000');
    expect(ocdsSettings({ AUDIT_OCID_PREFIX: 'ocds-zj2017', AUDIT_OCDS_PUBLISHER: '市政务服务中心' })).toEqual({ ocidPrefix: 'ocds-zj2017', publisherName: '市政务服务中心' });
  });

  it('refuses a prefix OCDS would not accept', () => {
    expect(() => ocdsSettings({ AUDIT_OCID_PREFIX: 'mkt-1' })).toThrow(/AUDIT_OCID_PREFIX/);
  });
});
