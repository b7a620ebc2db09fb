import { matchPath } from './match-path';

describe('matchPath', () => {
  it('names the segments a pattern marks with a colon, decoded', () => {
    expect(matchPath('/projects/:id', '/projects/abc%20d')).toEqual({ id: 'abc d' });
    expect(matchPath('/supervisor/projects/:id/record', '/supervisor/projects/p-1/record')).toEqual({ id: 'p-1' });
  });

  it('matches fixed paths exactly, a trailing slash aside', () => {
    expect(matchPath('/', '/')).toEqual({});
    expect(matchPath('/owner/projects', '/owner/projects/')).toEqual({});
    expect(matchPath('/owner/projects', '/owner/projects/new')).toBeNull();
    expect(matchPath('/owner/projects/new', '/owner/projects/42')).toBeNull();
  });
});
