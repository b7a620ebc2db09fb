import { refusalOf } from '@mkt/shared/kernel/testing';
import { Agency } from './agency.entity';
import { statusTransitionMustBeAllowed } from './agency-status';
import { creditCodeCheckCharacter, UnifiedSocialCreditCode } from './unified-social-credit-code.value-object';

const body = '91330100MA2AYE8B0';
const T0 = new Date('2026-03-02T02:00:00.000Z');
const validCode = body + creditCodeCheckCharacter(body);

describe('UnifiedSocialCreditCode', () => {
  it('accepts a code whose check character matches, in any case', () => {
    expect(UnifiedSocialCreditCode.parse(validCode.toLowerCase()).value).toBe(validCode);
  });

  it('computes the GB 32100 check character of a published example', () => {
    // 91350100M000100Y43 is the standard's worked example.
    expect(creditCodeCheckCharacter('91350100M000100Y4')).toBe('3');
  });

  it('refuses a wrong check character, a forbidden letter and a wrong length, naming the field', () => {
    const wrongCheck = body + (validCode[17] === '0' ? '1' : '0');
    expect(refusalOf(() => UnifiedSocialCreditCode.parse(wrongCheck))).toBe('REGISTRY.INVALID_CREDIT_CODE@creditCode');
    expect(refusalOf(() => UnifiedSocialCreditCode.parse('91330100MA2AYE8BO' + '1'))).toBe('REGISTRY.INVALID_CREDIT_CODE@creditCode');
    expect(refusalOf(() => UnifiedSocialCreditCode.parse('123'))).toBe('REGISTRY.INVALID_CREDIT_CODE@creditCode');
  });
});

describe('Agency', () => {
  const register = () => Agency.register({ id: 'a-1', name: ' 浙江测绘院 ', creditCode: validCode, region: '330100' }).agency;

  it('registers as PENDING and says so', () => {
    const { agency, event } = Agency.register({ id: 'a-1', name: '浙江测绘院', creditCode: validCode, region: '330100' });
    expect(agency.snapshot.status).toBe('PENDING');
    expect(event).toEqual({ kind: 'registered', agencyId: 'a-1', name: '浙江测绘院', creditCode: validCode, region: '330100' });
  });

  it('refuses an empty name', () => {
    expect(refusalOf(() => Agency.register({ id: 'a', name: ' ', creditCode: validCode, region: 'x' }))).toBe('REGISTRY.NAME_REQUIRED@name');
  });

  it('approves and withdraws, numbering each change', () => {
    const agency = register();
    expect(agency.changeStatus('ACTIVE', '')).toMatchObject({ from: 'PENDING', to: 'ACTIVE', sequence: 1 });
    expect(agency.changeStatus('WITHDRAWN', 'firm closed')).toMatchObject({ from: 'ACTIVE', to: 'WITHDRAWN', sequence: 2 });
  });

  it('refuses a transition the rules do not allow', () => {
    const agency = register();
    expect(refusalOf(() => agency.changeStatus('WITHDRAWN', ' '))).toBe('REGISTRY.REASON_REQUIRED@reason');
    agency.changeStatus('WITHDRAWN', 'registration abandoned');
    expect(refusalOf(() => agency.changeStatus('ACTIVE', ''))).toBe('REGISTRY.STATUS_TRANSITION_NOT_ALLOWED@status');
    expect(refusalOf(() => register().changeStatus('PENDING', ''))).toBe('REGISTRY.STATUS_TRANSITION_NOT_ALLOWED@status');
  });

  it('refuses to suspend or blacklist without a period, and to reinstate without lifting the sanction', () => {
    const agency = register();
    agency.changeStatus('ACTIVE', '');
    expect(refusalOf(() => agency.changeStatus('SUSPENDED', 'late delivery'))).toBe('REGISTRY.SANCTION_NEEDS_PERIOD@until');
    expect(refusalOf(() => agency.changeStatus('BLACKLISTED', 'collusion'))).toBe('REGISTRY.SANCTION_NEEDS_PERIOD@until');
    agency.impose({ id: 's-1', kind: 'SUSPENSION', reason: 'late delivery', until: '2026-04-01T00:00:00+08:00' }, T0);
    expect(refusalOf(() => agency.changeStatus('ACTIVE', 'period over'))).toBe('REGISTRY.LIFT_SANCTIONS_INSTEAD@status');
  });

  it('grants a qualification and refuses an impossible one', () => {
    const agency = register();
    const q = { id: 'q-1', serviceItemCode: 'EIA-REPORT', level: 2, validFrom: '2026-01-01', validUntil: '2028-12-31' };
    expect(agency.grantQualification(q)).toEqual({ kind: 'qualification-granted', agencyId: 'a-1', ...q });
    expect(refusalOf(() => agency.grantQualification(q))).toBe('REGISTRY.DUPLICATE_QUALIFICATION@id');
    expect(refusalOf(() => agency.grantQualification({ ...q, id: 'q-2', level: 0 }))).toBe('REGISTRY.INVALID_LEVEL@level');
    expect(refusalOf(() => agency.grantQualification({ ...q, id: 'q-3', validUntil: '2025-01-01' }))).toBe('REGISTRY.INVALID_VALIDITY@validUntil');
  });
});

describe('agency status machine', () => {
  const all = ['PENDING', 'ACTIVE', 'SUSPENDED', 'BLACKLISTED', 'WITHDRAWN'] as const;
  const allowed = new Set(['PENDING>ACTIVE', 'PENDING>WITHDRAWN', 'ACTIVE>SUSPENDED', 'ACTIVE>BLACKLISTED', 'ACTIVE>WITHDRAWN', 'SUSPENDED>ACTIVE', 'SUSPENDED>BLACKLISTED', 'SUSPENDED>WITHDRAWN', 'BLACKLISTED>ACTIVE', 'BLACKLISTED>SUSPENDED']);
  const pairs = all.flatMap((from) => all.map((to) => [from, to] as const));

  it.each(pairs)('%s → %s is allowed only when listed', (from, to) => {
    const verdict = refusalOf(() => statusTransitionMustBeAllowed(from, to));
    expect(verdict).toBe(allowed.has(`${from}>${to}`) ? undefined : 'REGISTRY.STATUS_TRANSITION_NOT_ALLOWED@status');
  });
});

describe('Agency sanctions', () => {
  const at = (iso: string) => new Date(iso);
  const active = () => {
    const agency = Agency.register({ id: 'a-1', name: '浙江测绘院', creditCode: validCode, region: '330100' }).agency;
    agency.changeStatus('ACTIVE', '');
    return agency;
  };
  const suspension = { id: 's-1', kind: 'SUSPENSION' as const, reason: '逾期交付', until: '2026-04-01T00:00:00+08:00' };

  it('suspends at once with the reason, recording the period in UTC', () => {
    const agency = active();
    const events = agency.impose(suspension, T0);
    expect(events).toEqual([
      { kind: 'sanction-imposed', agencyId: 'a-1', sanction: { id: 's-1', kind: 'SUSPENSION', reason: '逾期交付', startsAt: T0.toISOString(), endsAt: '2026-03-31T16:00:00.000Z', imposedAt: T0.toISOString(), liftedAt: null, liftReason: null } },
      { kind: 'status-changed', agencyId: 'a-1', from: 'ACTIVE', to: 'SUSPENDED', reason: '逾期交付', sequence: 2 },
    ]);
  });

  it('ends by itself: before the end instant nothing changes, at it the firm is ACTIVE again with the next sequence', () => {
    const agency = active();
    agency.impose(suspension, T0);
    expect(agency.followSanctions(at('2026-03-31T15:59:59.999Z'))).toEqual([]);
    expect(agency.followSanctions(at('2026-03-31T16:00:00.000Z'))).toEqual([{ kind: 'status-changed', agencyId: 'a-1', from: 'SUSPENDED', to: 'ACTIVE', reason: 'sanction period ended', sequence: 3 }]);
    expect(agency.followSanctions(at('2026-04-02T00:00:00.000Z'))).toEqual([]);
  });

  it('starts a future sanction only when its period starts', () => {
    const agency = active();
    expect(agency.impose({ ...suspension, from: '2026-03-10T00:00:00+08:00' }, T0).map((e) => e.kind)).toEqual(['sanction-imposed']);
    expect(agency.snapshot.status).toBe('ACTIVE');
    expect(agency.followSanctions(at('2026-03-09T16:00:00.000Z'))).toMatchObject([{ to: 'SUSPENDED', reason: '逾期交付' }]);
  });

  it('lets a blacklisting outweigh a suspension, and falls back to the suspension when the blacklisting ends first', () => {
    const agency = active();
    agency.impose({ ...suspension, until: '2026-06-01T00:00:00+08:00' }, T0);
    expect(agency.impose({ id: 's-2', kind: 'BLACKLIST', reason: '串通投标', until: '2026-05-01T00:00:00+08:00' }, T0)).toMatchObject([{ kind: 'sanction-imposed' }, { from: 'SUSPENDED', to: 'BLACKLISTED', reason: '串通投标' }]);
    expect(agency.impose({ ...suspension, id: 's-3' }, T0)).toMatchObject([{ kind: 'sanction-imposed' }]);
    expect(agency.followSanctions(at('2026-04-30T16:00:00.000Z'))).toMatchObject([{ from: 'BLACKLISTED', to: 'SUSPENDED', reason: '逾期交付' }]);
    expect(agency.followSanctions(at('2026-05-31T16:00:00.000Z'))).toMatchObject([{ from: 'SUSPENDED', to: 'ACTIVE' }]);
  });

  it('lifts every outstanding sanction early with a reason; their later ends change nothing', () => {
    const agency = active();
    agency.impose(suspension, T0);
    agency.impose({ id: 's-2', kind: 'BLACKLIST', reason: 'x', from: '2026-05-01T00:00:00+08:00', until: '2026-06-01T00:00:00+08:00' }, T0);
    const later = at('2026-03-05T00:00:00.000Z');
    expect(refusalOf(() => agency.liftSanctions(' ', later))).toBe('REGISTRY.REASON_REQUIRED@reason');
    expect(agency.liftSanctions('异议成立', later)).toEqual([
      { kind: 'sanction-lifted', agencyId: 'a-1', sanctionId: 's-1', reason: '异议成立' },
      { kind: 'sanction-lifted', agencyId: 'a-1', sanctionId: 's-2', reason: '异议成立' },
      { kind: 'status-changed', agencyId: 'a-1', from: 'SUSPENDED', to: 'ACTIVE', reason: 'sanction lifted: 异议成立', sequence: 3 },
    ]);
    expect(agency.followSanctions(at('2026-05-01T00:00:00.000Z'))).toEqual([]);
    expect(refusalOf(() => agency.liftSanctions('again', later))).toBe('REGISTRY.NOTHING_TO_LIFT@status');
  });

  it('leaves a withdrawn firm withdrawn when its sanction ends', () => {
    const agency = active();
    agency.impose(suspension, T0);
    agency.changeStatus('WITHDRAWN', 'firm closed');
    expect(agency.followSanctions(at('2026-04-01T00:00:00.000Z'))).toEqual([]);
  });

  it('refuses a sanction without a reason, on a firm under review, or with a period that is not one', () => {
    const pending = Agency.register({ id: 'a-2', name: '浙江测绘院', creditCode: validCode, region: '330100' }).agency;
    expect(refusalOf(() => pending.impose(suspension, T0))).toBe('REGISTRY.NOT_SANCTIONABLE@status');
    const agency = active();
    expect(refusalOf(() => agency.impose({ ...suspension, reason: ' ' }, T0))).toBe('REGISTRY.REASON_REQUIRED@reason');
    expect(refusalOf(() => agency.impose({ ...suspension, until: null }, T0))).toBe('REGISTRY.SANCTION_NEEDS_PERIOD@until');
    expect(refusalOf(() => agency.impose({ ...suspension, until: '2026-04-01' }, T0))).toBe('REGISTRY.INVALID_INSTANT@until');
    expect(refusalOf(() => agency.impose({ ...suspension, until: '2026-02-30T00:00:00+08:00' }, T0))).toBe('REGISTRY.INVALID_INSTANT@until');
    expect(refusalOf(() => agency.impose({ ...suspension, from: 'tomorrow' }, T0))).toBe('REGISTRY.INVALID_INSTANT@from');
    expect(refusalOf(() => agency.impose({ ...suspension, until: '2026-03-01T00:00:00+08:00' }, T0))).toBe('REGISTRY.INVALID_SANCTION_PERIOD@until');
    expect(refusalOf(() => agency.impose({ ...suspension, from: '2026-05-01T00:00:00+08:00' }, T0))).toBe('REGISTRY.INVALID_SANCTION_PERIOD@until');
    expect(agency.snapshot.sanctions).toEqual([]);
  });
});
