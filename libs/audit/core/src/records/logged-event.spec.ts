import { loggedEventOf, projectIdOf } from './logged-event';

describe('loggedEventOf', () => {
  it('reads the envelope, with the instant in UTC whatever offset the producer wrote', () => {
    const event = loggedEventOf(7, { id: 'e1', type: 'projects.ProjectPublished', occurredAt: '2026-03-01T09:00:00+08:00', aggregateId: 'p1', payload: { projectId: 'p1' } });
    expect(event).toEqual({ position: 7, eventId: 'e1', type: 'projects.ProjectPublished', occurredAt: '2026-03-01T01:00:00.000Z', aggregateId: 'p1', payload: { projectId: 'p1' } });
  });

  it('reads a payload that is not an object as empty, and keeps an unreadable time as it was', () => {
    expect(loggedEventOf(0, { type: 'x.Y', occurredAt: 'later', payload: [1, 2] })).toMatchObject({ payload: {}, occurredAt: 'later' });
  });
});

describe('projectIdOf', () => {
  it("takes the payload's projectId, else the aggregate of a projects event, else none", () => {
    expect(projectIdOf(loggedEventOf(0, { type: 'draw.DrawRevealed', aggregateId: 'd1', payload: { projectId: 'p1' } }))).toBe('p1');
    expect(projectIdOf(loggedEventOf(0, { type: 'projects.ProjectCancelled', aggregateId: 'p2', payload: {} }))).toBe('p2');
    expect(projectIdOf(loggedEventOf(0, { type: 'registry.AgencyRegistered', aggregateId: 'a1', payload: { agencyId: 'a1' } }))).toBeNull();
  });
});
