import { isLoopbackHost } from './session-cookies';

describe('isLoopbackHost', () => {
  it('takes localhost, its subdomains, 127.0.0.0/8 and [::1], with or without a port, as loopback', () => {
    for (const host of ['localhost', 'LOCALHOST:3000', 'ui.localhost:5173', '127.0.0.1', '127.1.2.3:3000', '[::1]', '[::1]:3000']) expect(isLoopbackHost(host)).toBe(true);
  });

  it('takes every other name, and names that only look like loopback, as public', () => {
    for (const host of ['zhongjie.example.gov.cn', '192.168.1.5:3000', '127.0.0.1.example.com', 'localhost.example.com', '[::2]:3000', '']) expect(isLoopbackHost(host)).toBe(false);
  });
});
