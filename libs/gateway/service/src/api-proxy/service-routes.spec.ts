import { serviceNameOf, serviceRoutesFromEnv } from './service-routes';

describe('serviceRoutesFromEnv', () => {
  it('routes every service to its local default port, identity 3101 through audit 3106, when nothing is set', () => {
    expect(serviceRoutesFromEnv({})).toEqual({
      identity: 'http://127.0.0.1:3101',
      registry: 'http://127.0.0.1:3102',
      projects: 'http://127.0.0.1:3103',
      draw: 'http://127.0.0.1:3104',
      bidding: 'http://127.0.0.1:3105',
      audit: 'http://127.0.0.1:3106',
    });
  });

  it('takes a service base URL from its <SERVICE>_URL variable and keeps the defaults for the rest', () => {
    const routes = serviceRoutesFromEnv({ REGISTRY_URL: 'http://registry.internal:8080', AUDIT_URL: ' https://audit:9443 ' });

    expect(routes['registry']).toBe('http://registry.internal:8080');
    expect(routes['audit']).toBe('https://audit:9443');
    expect(routes['draw']).toBe('http://127.0.0.1:3104');
  });

  it('treats an empty variable as unset', () => {
    expect(serviceRoutesFromEnv({ DRAW_URL: '' })['draw']).toBe('http://127.0.0.1:3104');
  });

  it('refuses a value that is not an absolute URL, naming the variable', () => {
    expect(() => serviceRoutesFromEnv({ BIDDING_URL: 'bidding:3105' })).toThrow(/BIDDING_URL/);
    expect(() => serviceRoutesFromEnv({ PROJECTS_URL: '127.0.0.1:3103' })).toThrow(/PROJECTS_URL/);
  });

  it('refuses a non-http scheme', () => {
    expect(() => serviceRoutesFromEnv({ IDENTITY_URL: 'ftp://identity' })).toThrow(/IDENTITY_URL must be an http or https URL/);
  });
});

describe('serviceNameOf', () => {
  it('reads the service from the first segment after /api', () => {
    expect(serviceNameOf('/api/registry/agencies/7')).toBe('registry');
    expect(serviceNameOf('/api/bidding')).toBe('bidding');
  });

  it('ignores the query string', () => {
    expect(serviceNameOf('/api/draw?round=1')).toBe('draw');
  });

  it('finds no service in a bare /api or outside /api', () => {
    expect(serviceNameOf('/api')).toBeNull();
    expect(serviceNameOf('/api/')).toBeNull();
    expect(serviceNameOf('/apix/registry')).toBeNull();
    expect(serviceNameOf('/projects/123')).toBeNull();
  });
});
