import { DEMO_SERVICE_ITEMS } from './demo-catalog';
import { demoDirectory } from './demo-directory';
import { UnifiedSocialCreditCode } from './unified-social-credit-code.value-object';

describe('demoDirectory', () => {
  const firms = demoDirectory(300);

  it('makes firms with valid, distinct credit codes, the same on every call', () => {
    expect(new Set(firms.map((f) => f.creditCode)).size).toBe(300);
    for (const f of firms) expect(UnifiedSocialCreditCode.parse(f.creditCode).value).toBe(f.creditCode);
    expect(demoDirectory(300)).toEqual(firms);
  });

  it('qualifies each firm for items of the catalog at or above their minimum grade, never for the curated demo items', () => {
    const items = new Map(DEMO_SERVICE_ITEMS.map((i) => [i.code, i]));
    for (const f of firms) {
      expect(f.qualifications.length).toBeGreaterThanOrEqual(1);
      for (const q of f.qualifications) {
        expect(items.has(q.serviceItemCode)).toBe(true);
        expect(q.level).toBeLessThanOrEqual(items.get(q.serviceItemCode)!.minimumLevel);
        expect(['EIA-REPORT', 'SURVEY-MAPPING', 'COST-CONSULT']).not.toContain(q.serviceItemCode);
      }
    }
    expect(new Set(firms.flatMap((f) => f.qualifications.map((q) => q.serviceItemCode))).size).toBeGreaterThan(30);
  });
});
