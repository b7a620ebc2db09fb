// The few API steps the first-run demo seeds share: JSON calls that fail loudly, sign-in as a demo user, polling.
const DEMO_PASSWORD = 'demo-2026-zhongjie';

function demoApi(baseUrl) {
  const call = async (method, path, auth, body) => {
    const res = await fetch(`${baseUrl}${path}`, { method, headers: { 'content-type': 'application/json', ...(auth ? { authorization: `Bearer ${auth}` } : {}) }, body: body && JSON.stringify(body) });
    const json = await res.json().catch(() => null);
    if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}: ${JSON.stringify(json)}`);
    return json;
  };
  // Signed in as the demo users the app seeds (apps/marketplace/src/demo-users.seeder.ts), as a person would be.
  const signIn = (username) => call('POST', '/api/identity/login', null, { username, password: DEMO_PASSWORD });
  const poll = async (probe, what, attempts = 150) => {
    for (let i = 0; i < attempts; i++) {
      const value = await probe().catch(() => null);
      if (value) return value;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`demo: timed out waiting for ${what}`);
  };
  return { call, signIn, poll };
}

module.exports = { demoApi };
