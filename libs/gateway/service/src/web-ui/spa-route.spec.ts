import { isSpaRoute } from './spa-route';

describe('isSpaRoute', () => {
  it('treats the root and client-side routes as pages of the app', () => {
    expect(isSpaRoute('/')).toBe(true);
    expect(isSpaRoute('/projects/123')).toBe(true);
    expect(isSpaRoute('/draws/42/verify?seed=abc.def')).toBe(true);
  });

  it('leaves API and health paths to their own handlers', () => {
    expect(isSpaRoute('/api')).toBe(false);
    expect(isSpaRoute('/api/registry/agencies')).toBe(false);
    expect(isSpaRoute('/API/registry')).toBe(false);
    expect(isSpaRoute('/health')).toBe(false);
    expect(isSpaRoute('/health?verbose=1')).toBe(false);
  });

  it('still serves pages whose path merely starts like api or health', () => {
    expect(isSpaRoute('/apiary')).toBe(true);
    expect(isSpaRoute('/healthcare-projects')).toBe(true);
  });

  it('lets a missing asset 404 instead of answering it with HTML', () => {
    expect(isSpaRoute('/assets/index-3f2a.js')).toBe(false);
    expect(isSpaRoute('/favicon.ico')).toBe(false);
  });
});
