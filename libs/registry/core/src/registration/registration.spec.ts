import { refusalOf } from '@mkt/shared/kernel/testing';
import type { ItemRequirement } from '../certificate.value-object';
import { creditCodeCheckCharacter } from '../unified-social-credit-code.value-object';
import { RegistrationApplication } from './registration-application.entity';
import { registrationMustBeComplete, type RegistrationContent, type RegistrationContext } from './registration-content';

const body = '91330100MA2AYE8B0';
const creditCode = body + creditCodeCheckCharacter(body);
// 2026-03-02 10:00 in Beijing.
const NOW = new Date('2026-03-02T02:00:00.000Z');

const requirements = new Map<string, ItemRequirement>([
  ['EIA-REPORT', { code: 'EIA-REPORT', active: true, qualificationType: 'ENVIRONMENTAL_IMPACT_ASSESSMENT', minimumLevel: 2 }],
  ['EIA-FORM', { code: 'EIA-FORM', active: true, qualificationType: 'ENVIRONMENTAL_IMPACT_ASSESSMENT', minimumLevel: 3 }],
  ['SURVEY-MAPPING', { code: 'SURVEY-MAPPING', active: true, qualificationType: 'SURVEYING_AND_MAPPING', minimumLevel: 2 }],
  ['OLD-ITEM', { code: 'OLD-ITEM', active: false, qualificationType: 'ENVIRONMENTAL_IMPACT_ASSESSMENT', minimumLevel: 3 }],
]);
const context: RegistrationContext = { requirements, scanBelongsToApplicant: (id) => id === 'scan-1' || id === 'scan-2', now: NOW };

const content = (overrides: Partial<RegistrationContent> = {}): RegistrationContent => ({
  name: ' 之江环评咨询有限公司 ',
  creditCode: creditCode.toLowerCase(),
  legalRepresentative: '王立',
  contacts: [{ name: '李敏', phone: '0571-8888 1234', email: 'limin@example.cn' }],
  region: '330100',
  qualifications: [
    { qualificationType: 'environmental_impact_assessment', level: 2, certificateNumber: 'HP-2026-001', issuer: '浙江省生态环境厅', validFrom: '2025-01-01', validUntil: '2028-12-31', scanId: 'scan-1' },
  ],
  serviceItems: ['EIA-REPORT', 'eia-form'],
  ...overrides,
});
const withQualification = (q: Partial<RegistrationContent['qualifications'][number]>) => content({ qualifications: [{ ...content().qualifications[0], ...q }] });

describe('registrationMustBeComplete', () => {
  it('normalises a complete application: trimmed name, upper-case credit code, type and item codes', () => {
    const checked = registrationMustBeComplete(content(), context);
    expect(checked).toMatchObject({ name: '之江环评咨询有限公司', creditCode, serviceItems: ['EIA-REPORT', 'EIA-FORM'] });
    expect(checked.qualifications[0].qualificationType).toBe('ENVIRONMENTAL_IMPACT_ASSESSMENT');
  });

  it.each([
    ['an invalid credit code', content({ creditCode: body + (creditCode[17] === '0' ? '1' : '0') }), 'REGISTRY.INVALID_CREDIT_CODE@creditCode'],
    ['no legal representative', content({ legalRepresentative: ' ' }), 'REGISTRY.TEXT_REQUIRED@legalRepresentative'],
    ['a region that is no division code', content({ region: 'Hangzhou' }), 'REGISTRY.INVALID_REGION@region'],
    ['no contact', content({ contacts: [] }), 'REGISTRY.CONTACT_REQUIRED@contacts'],
    ['a contact without a phone number', content({ contacts: [{ name: '李敏', phone: 'call me', email: null }] }), 'REGISTRY.INVALID_PHONE@contacts.0.phone'],
    ['a malformed e-mail', content({ contacts: [{ name: '李敏', phone: '13800000000', email: 'nope' }] }), 'REGISTRY.INVALID_EMAIL@contacts.0.email'],
    ['no qualification', content({ qualifications: [] }), 'REGISTRY.QUALIFICATION_REQUIRED@qualifications'],
    ['a qualification type that is no type name', withQualification({ qualificationType: '环评 甲级' }), 'REGISTRY.INVALID_QUALIFICATION_TYPE@qualifications.0.qualificationType'],
    ['a level outside 1–9', withQualification({ level: 0 }), 'REGISTRY.INVALID_LEVEL@qualifications.0.level'],
    ['no issuer', withQualification({ issuer: '' }), 'REGISTRY.TEXT_REQUIRED@qualifications.0.issuer'],
    ['an impossible date', withQualification({ validUntil: '2028-02-30' }), 'REGISTRY.INVALID_DATE@qualifications.0.validUntil'],
    ['a validity ending before it starts', withQualification({ validFrom: '2027-01-01', validUntil: '2026-12-31' }), 'REGISTRY.INVALID_VALIDITY@qualifications.0.validUntil'],
    ['a certificate already expired', withQualification({ validUntil: '2026-03-01' }), 'REGISTRY.QUALIFICATION_EXPIRED@qualifications.0.validUntil'],
    ['no scan', withQualification({ scanId: null }), 'REGISTRY.SCAN_REQUIRED@qualifications.0.scanId'],
    ["another firm's scan", withQualification({ scanId: 'scan-of-someone-else' }), 'REGISTRY.UNKNOWN_SCAN@qualifications.0.scanId'],
    ['no service item', content({ serviceItems: [] }), 'REGISTRY.NO_SERVICE_ITEMS@serviceItems'],
    ['an item named twice', content({ serviceItems: ['EIA-REPORT', 'EIA-REPORT'] }), 'REGISTRY.DUPLICATE_ITEM@serviceItems.1'],
    ['an item not in the catalog', content({ serviceItems: ['NO-SUCH'] }), 'REGISTRY.UNKNOWN_ITEM@serviceItems.0'],
    ['a retired item', content({ serviceItems: ['OLD-ITEM'] }), 'REGISTRY.ITEM_RETIRED@serviceItems.0'],
    ['an item no certificate covers (wrong type)', content({ serviceItems: ['EIA-REPORT', 'SURVEY-MAPPING'] }), 'REGISTRY.ITEM_NOT_COVERED@serviceItems.1'],
    ['an item needing a better grade', withQualification({ level: 3 }), 'REGISTRY.ITEM_NOT_COVERED@serviceItems.0'],
    ['an item whose certificate has not started', withQualification({ validFrom: '2026-04-01' }), 'REGISTRY.ITEM_NOT_COVERED@serviceItems.0'],
  ])('refuses %s, naming the field', (_what, input, refusal) => {
    expect(refusalOf(() => registrationMustBeComplete(input, context))).toBe(refusal);
  });

  it('refuses the same certificate number twice', () => {
    const q = content().qualifications[0];
    expect(refusalOf(() => registrationMustBeComplete(content({ qualifications: [q, { ...q, scanId: 'scan-2' }] }), context))).toBe(
      'REGISTRY.DUPLICATE_CERTIFICATE@qualifications.1.certificateNumber',
    );
  });
});

describe('RegistrationApplication', () => {
  const T1 = new Date('2026-03-03T02:00:00.000Z');
  const submitted = () => RegistrationApplication.submit({ id: 'app-1', agencyId: 'org-1', content: content(), actorUserId: 'firm-user', now: NOW });

  it('starts SUBMITTED at revision 1 with the submission on record', () => {
    expect(submitted().snapshot).toMatchObject({ status: 'SUBMITTED', revision: 1, history: [{ sequence: 1, action: 'SUBMITTED', actorUserId: 'firm-user', revision: 1 }] });
  });

  it('goes back to the firm with a reason, and returns for review as the next revision', () => {
    const app = submitted();
    app.requestChanges('请补充资质证书副本', 'admin-1', T1);
    expect(app.snapshot.status).toBe('CHANGES_REQUESTED');
    app.resubmit(content({ legalRepresentative: '王立新' }), 'firm-user', T1);
    expect(app.snapshot).toMatchObject({ status: 'SUBMITTED', revision: 2, content: { legalRepresentative: '王立新' } });
    expect(app.snapshot.history.map((h) => [h.sequence, h.action, h.reason, h.revision])).toEqual([
      [1, 'SUBMITTED', null, 1],
      [2, 'CHANGES_REQUESTED', '请补充资质证书副本', 1],
      [3, 'RESUBMITTED', null, 2],
    ]);
  });

  it('is approved once, with an event naming the future agency', () => {
    const app = submitted();
    expect(app.approve(null, 'admin-1', T1)).toEqual({ kind: 'approved', applicationId: 'app-1', agencyId: 'org-1', revision: 1 });
    expect(refusalOf(() => app.approve(null, 'admin-1', T1))).toBe('REGISTRY.APPLICATION_NOT_REVIEWABLE@status');
    expect(refusalOf(() => app.reject('late', 'admin-1', T1))).toBe('REGISTRY.APPLICATION_NOT_REVIEWABLE@status');
  });

  it('is rejected only with a reason, and then nothing more happens to it', () => {
    const app = submitted();
    expect(refusalOf(() => app.reject('  ', 'admin-1', T1))).toBe('REGISTRY.REASON_REQUIRED@reason');
    expect(app.reject('信用代码与营业执照不符', 'admin-1', T1)).toEqual({ kind: 'rejected', applicationId: 'app-1', agencyId: 'org-1', reason: '信用代码与营业执照不符', revision: 1 });
    expect(refusalOf(() => app.resubmit(content(), 'firm-user', T1))).toBe('REGISTRY.APPLICATION_NOT_REVIEWABLE@status');
    expect(refusalOf(() => app.requestChanges('x', 'admin-1', T1))).toBe('REGISTRY.APPLICATION_NOT_REVIEWABLE@status');
  });

  it('refuses a request for changes without a reason, a resubmission nobody asked for, and a decision while the firm is editing', () => {
    const app = submitted();
    expect(refusalOf(() => app.requestChanges('', 'admin-1', T1))).toBe('REGISTRY.REASON_REQUIRED@reason');
    expect(refusalOf(() => app.resubmit(content(), 'firm-user', T1))).toBe('REGISTRY.APPLICATION_NOT_REVIEWABLE@status');
    app.requestChanges('补充联系人', 'admin-1', T1);
    expect(refusalOf(() => app.approve(null, 'admin-1', T1))).toBe('REGISTRY.APPLICATION_NOT_REVIEWABLE@status');
    expect(refusalOf(() => app.requestChanges('再补充', 'admin-1', T1))).toBe('REGISTRY.APPLICATION_NOT_REVIEWABLE@status');
  });

  it('can be rejected while the firm is asked for changes, so an uncorrected application does not hold its credit code', () => {
    const app = submitted();
    app.requestChanges('补充联系人', 'admin-1', T1);
    expect(app.reject('逾期未补正', 'admin-1', T1)).toMatchObject({ kind: 'rejected', revision: 1 });
    expect(app.snapshot.history.map((h) => h.action)).toEqual(['SUBMITTED', 'CHANGES_REQUESTED', 'REJECTED']);
  });

  it('lets only the applying organisation change it', () => {
    expect(refusalOf(() => submitted().applicantMustBe('org-2'))).toBe('REGISTRY.NOT_YOUR_APPLICATION@null');
    expect(refusalOf(() => submitted().applicantMustBe(null))).toBe('REGISTRY.NOT_YOUR_APPLICATION@null');
    expect(refusalOf(() => submitted().applicantMustBe('org-1'))).toBeUndefined();
  });
});
