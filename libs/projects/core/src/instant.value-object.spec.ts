import { calendarDateAt, daysBetween, parseCalendarDate, parseInstant } from './instant.value-object';

describe('parseInstant', () => {
  it('normalises an instant with an offset to UTC', () => {
    expect(parseInstant('2024-03-01T09:00+08:00', 'f')).toBe('2024-03-01T01:00:00.000Z');
    expect(parseInstant('2024-02-29T23:59:59.5Z', 'f')).toBe('2024-02-29T23:59:59.500Z');
  });

  it.each(['2024-03-01T09:00:00', '2024-02-30T09:00:00Z', '2023-02-29T00:00:00Z', '2024-03-01T24:00:00Z', '2024-03-01', 'tomorrow', 42])(
    'refuses %p rather than guess',
    (raw) => {
      expect(() => parseInstant(raw, 'signUp.closesAt')).toThrow(expect.objectContaining({ code: 'PROJECTS.INVALID_INSTANT', field: 'signUp.closesAt' }));
    },
  );
});

describe('calendar dates', () => {
  it('refuses a day that does not exist', () => {
    expect(parseCalendarDate('2024-02-29', 'd')).toBe('2024-02-29');
    expect(() => parseCalendarDate('2023-02-29', 'startDate')).toThrow(expect.objectContaining({ code: 'PROJECTS.INVALID_DATE', field: 'startDate' }));
  });

  it('reads the civil date at the marketplace offset', () => {
    expect(calendarDateAt('2024-03-01T16:30:00.000Z', 480)).toBe('2024-03-02');
    expect(calendarDateAt('2024-03-01T15:59:59.999Z', 480)).toBe('2024-03-01');
  });

  it('counts days across a month end and a leap day', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2024-03-01', '2024-02-28')).toBe(-2);
  });
});
