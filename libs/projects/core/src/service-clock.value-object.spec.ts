import { readServiceClock, serviceDueDate } from './service-clock.value-object';

describe('the service clock', () => {
  it('does not count the starting day (PRC Civil Code art. 201)', () => {
    expect(serviceDueDate('2024-03-01', 10)).toBe('2024-03-11');
    expect(serviceDueDate('2024-02-20', 10)).toBe('2024-03-01');
  });

  it('is on time up to and including the due date, and counts the days late after it', () => {
    expect(readServiceClock('2024-03-01', 10, '2024-03-11')).toEqual({ dueDate: '2024-03-11', daysTaken: 10, daysLate: 0, onTime: true });
    expect(readServiceClock('2024-03-01', 10, '2024-03-02')).toMatchObject({ daysTaken: 1, onTime: true });
    expect(readServiceClock('2024-03-01', 10, '2024-03-14')).toEqual({ dueDate: '2024-03-11', daysTaken: 13, daysLate: 3, onTime: false });
  });
});
