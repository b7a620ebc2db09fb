/** A clock that stands still until told to move (satisfies the messaging `Clock`). */
export class FixedClock {
  constructor(private current: Date = new Date('2026-01-05T08:00:00.000Z')) {}

  now(): Date {
    return new Date(this.current);
  }

  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }

  set(to: Date): void {
    this.current = new Date(to);
  }
}
