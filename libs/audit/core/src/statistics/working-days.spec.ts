import { beijingMonthOf, workingDaysBetween } from './working-days';

describe('workingDaysBetween', () => {
  it('counts Monday to Friday, both ends included', () => {
    expect(workingDaysBetween('2026-02-02', '2026-02-13')).toBe(10); // Mon .. Fri of the next week
    expect(workingDaysBetween('2026-02-02', '2026-02-02')).toBe(1);
    expect(workingDaysBetween('2026-02-07', '2026-02-08')).toBe(0); // a weekend
    expect(workingDaysBetween('2026-02-06', '2026-02-09')).toBe(2); // Fri .. Mon
  });

  it('agrees with a day-by-day count over a long span', () => {
    let count = 0;
    for (let d = new Date('2026-01-01T00:00:00Z'); d <= new Date('2026-12-31T00:00:00Z'); d = new Date(d.getTime() + 86_400_000)) {
      if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) count++;
    }
    expect(workingDaysBetween('2026-01-01', '2026-12-31')).toBe(count);
  });

  it('refuses an end before the start and malformed dates', () => {
    expect(workingDaysBetween('2026-02-13', '2026-02-02')).toBeNull();
    expect(workingDaysBetween('soon', '2026-02-02')).toBeNull();
  });
});

describe('beijingMonthOf', () => {
  it("puts an instant in Beijing's month", () => {
    expect(beijingMonthOf('2026-01-31T16:00:00.000Z')).toBe('2026-02');
    expect(beijingMonthOf('2026-01-31T15:59:59.999Z')).toBe('2026-01');
    expect(beijingMonthOf('not a time')).toBeNull();
  });
});
