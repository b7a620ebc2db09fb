import 'reflect-metadata';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication, NestApplicationOptions } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { GATEWAY_APP_OPTIONS, GatewayModule, type GatewayOptions } from './gateway.module';

interface Received {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A stand-in service: records what reached it and answers 201 with its own name. */
async function startUpstream(name: string): Promise<{ server: Server; url: string; received: Received[] }> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(201, { 'Content-Type': 'application/json', 'X-Upstream': name });
      res.end(JSON.stringify({ answeredBy: name }));
    });
  });
  const url = await listen(server);
  return { server, url, received };
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** A base URL that refuses connections: a port that was just free and is closed again. */
async function closedPortUrl(): Promise<string> {
  const server = createServer();
  const url = await listen(server);
  await new Promise((done) => server.close(done));
  return url;
}

/** Prometheus text exposition as samples: `name`, labels and value per line. */
function samplesOf(text: string): { name: string; labels: Record<string, string>; value: number }[] {
  return text
    .split('\n')
    .map((line) => /^([a-zA-Z_:][\w:]*)(?:\{([^}]*)\})? (\S+)$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ name: m[1], labels: Object.fromEntries([...(m[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((l) => [l[1], l[2]])), value: Number(m[3]) }));
}

function sampleValue(samples: ReturnType<typeof samplesOf>, name: string, labels: Record<string, string>): number {
  const found = samples.find((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v));
  return found?.value ?? 0;
}

async function startGateway(options: GatewayOptions, appOptions: NestApplicationOptions): Promise<{ app: INestApplication; url: string }> {
  const app = await NestFactory.create(GatewayModule.forRoot(options), { ...appOptions, logger: false });
  await app.listen(0, '127.0.0.1');
  return { app, url: await app.getUrl() };
}

describe('gateway', () => {
  let registry: Awaited<ReturnType<typeof startUpstream>>;
  let draw: Awaited<ReturnType<typeof startUpstream>>;
  let staticDir: string;
  let gateway: { app: INestApplication; url: string };

  beforeAll(async () => {
    registry = await startUpstream('registry');
    draw = await startUpstream('draw');
    staticDir = mkdtempSync(join(tmpdir(), 'gateway-web-'));
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>marketplace</title><div id="root"></div>');
    mkdirSync(join(staticDir, 'assets'));
    writeFileSync(join(staticDir, 'assets', 'index-abc123.js'), 'console.log("ui")');
    gateway = await startGateway(
      { routes: { registry: registry.url, draw: draw.url, bidding: await closedPortUrl() }, staticDir },
      GATEWAY_APP_OPTIONS,
    );
  });

  afterAll(async () => {
    await gateway?.app.close();
    await Promise.all([registry, draw].map(({ server }) => new Promise((done) => server.close(done))));
    rmSync(staticDir, { recursive: true, force: true });
  });

  beforeEach(() => {
    registry.received.length = 0;
    draw.received.length = 0;
  });

  it('forwards a request to its service with path, query, method, body and headers intact', async () => {
    const body = '{"name":  "Acme Consulting"}'; // odd spacing: the bytes must arrive as sent, not re-serialised
    const res = await fetch(`${gateway.url}/api/registry/x?y=1`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: 'Bearer t0ken', 'Idempotency-Key': 'key-42' },
      body,
    });

    expect(res.status).toBe(201);
    expect(res.headers.get('x-upstream')).toBe('registry');
    await expect(res.json()).resolves.toEqual({ answeredBy: 'registry' });
    expect(registry.received).toHaveLength(1);
    const [request] = registry.received;
    expect(request).toMatchObject({ method: 'POST', url: '/api/registry/x?y=1', body });
    expect(request.headers).toMatchObject({
      authorization: 'Bearer t0ken',
      'idempotency-key': 'key-42',
      'content-type': 'application/json',
      'x-forwarded-for': '127.0.0.1',
      'x-forwarded-proto': 'http',
      'x-forwarded-host': new URL(gateway.url).host,
    });
  });

  it('sends each service only its own requests', async () => {
    await fetch(`${gateway.url}/api/draw/rounds/7`);

    expect(draw.received.map((r) => `${r.method} ${r.url}`)).toEqual(['GET /api/draw/rounds/7']);
    expect(registry.received).toEqual([]);
  });

  it('replaces X-Forwarded-For a client made up instead of passing it on', async () => {
    await fetch(`${gateway.url}/api/registry/agencies`, { headers: { 'X-Forwarded-For': '6.6.6.6' } });

    expect(registry.received[0].headers['x-forwarded-for']).toBe('127.0.0.1');
  });

  it('answers 404 GATEWAY.UNKNOWN_SERVICE for a service it has no route to', async () => {
    const res = await fetch(`${gateway.url}/api/nope/x`);

    expect(res.status).toBe(404);
    await expect(res.json()).resolves.toMatchObject({ code: 'GATEWAY.UNKNOWN_SERVICE', field: null });
  });

  it('answers 404 GATEWAY.UNKNOWN_SERVICE for a bare /api rather than the web UI', async () => {
    const res = await fetch(`${gateway.url}/api`);

    expect(res.status).toBe(404);
    await expect(res.json()).resolves.toMatchObject({ code: 'GATEWAY.UNKNOWN_SERVICE' });
  });

  it('answers 502 GATEWAY.UPSTREAM_UNAVAILABLE when the service does not accept connections', async () => {
    const res = await fetch(`${gateway.url}/api/bidding/rounds`, { method: 'POST', body: '{}' });

    expect(res.status).toBe(502);
    await expect(res.json()).resolves.toEqual({
      code: 'GATEWAY.UPSTREAM_UNAVAILABLE',
      message: expect.stringContaining('bidding'),
      field: null,
    });
  });

  it('exposes Prometheus /metrics counting and timing forwarded requests per upstream service', async () => {
    const scrape = async () => samplesOf(await (await fetch(`${gateway.url}/metrics`)).text());
    const before = await scrape();
    await fetch(`${gateway.url}/api/registry/agencies`, { method: 'POST', body: '{}' });
    await fetch(`${gateway.url}/api/registry/agencies`, { method: 'POST', body: '{}' });
    await fetch(`${gateway.url}/api/draw/rounds/9`);
    await fetch(`${gateway.url}/api/bidding/rounds`);
    await fetch(`${gateway.url}/api/made-up-service/x`);

    const res = await fetch(`${gateway.url}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain;.*version=0\.0\.4/);
    const text = await res.text();
    const after = samplesOf(text);
    const grew = (name: string, labels: Record<string, string>) => sampleValue(after, name, labels) - sampleValue(before, name, labels);
    expect(grew('gateway_proxy_requests_total', { service: 'registry', method: 'POST', status: '201' })).toBe(2);
    expect(grew('gateway_proxy_requests_total', { service: 'draw', method: 'GET', status: '201' })).toBe(1);
    expect(grew('gateway_proxy_requests_total', { service: 'bidding', method: 'GET', status: '502' })).toBe(1);
    expect(grew('gateway_upstream_failures_total', { service: 'bidding', cause: 'refused' })).toBe(1);
    expect(grew('gateway_proxy_request_duration_seconds_count', { service: 'registry', method: 'POST', status: '201' })).toBe(2);
    expect(grew('gateway_proxy_request_duration_seconds_bucket', { service: 'registry', method: 'POST', status: '201', le: '+Inf' })).toBe(2);
    expect(sampleValue(after, 'gateway_proxy_request_duration_seconds_sum', { service: 'registry', method: 'POST', status: '201' })).toBeGreaterThan(0);
    // Not forwarded, and a client-chosen name must never become a label.
    expect(text).not.toContain('made-up-service');
    expect(after.some((s) => s.name === 'process_cpu_user_seconds_total')).toBe(true);
  });

  it('reports its own health', async () => {
    const res = await fetch(`${gateway.url}/health`);

    expect(res.status).toBe(200);
    await expect(res.json()).resolves.toEqual({ status: 'ok', service: 'gateway' });
  });

  it('is ready only when every service behind it says it is ready, naming the one that is not', async () => {
    const res = await fetch(`${gateway.url}/health/ready`);

    expect(res.status).toBe(503);
    await expect(res.json()).resolves.toEqual({ status: 'not-ready', services: { registry: 'ready', draw: 'ready', bidding: 'unreachable' } });
    expect(registry.received.map((r) => r.url)).toEqual(['/health/ready']);
  });

  it('gives each forwarded request a correlation id, or passes on the client’s, and answers with it', async () => {
    const mine = await fetch(`${gateway.url}/api/registry/agencies`, { headers: { 'X-Correlation-Id': 'client-trace-7' } });
    const made = await fetch(`${gateway.url}/api/registry/agencies`);

    expect(mine.headers.get('x-correlation-id')).toBe('client-trace-7');
    expect(made.headers.get('x-correlation-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(registry.received.map((r) => r.headers['x-correlation-id'])).toEqual(['client-trace-7', made.headers.get('x-correlation-id')]);
  });

  it('serves Swagger UI at /api/docs over each service’s own document, which it forwards like any service path', async () => {
    const page = await fetch(`${gateway.url}/api/docs`);
    const start = await fetch(`${gateway.url}/api/docs/assets/start.js`);
    const bundle = await fetch(`${gateway.url}/api/docs/assets/swagger-ui-bundle.js`);
    await fetch(`${gateway.url}/api/registry/docs/openapi.json`);

    expect(page.status).toBe(200);
    await expect(page.text()).resolves.toContain('/api/docs/assets/swagger-ui-bundle.js');
    const script = await start.text();
    expect(script).toContain('"url":"/api/registry/docs/openapi.json"');
    expect(script).toContain('"url":"/api/draw/docs/openapi.json"');
    expect(bundle.status).toBe(200);
    expect((await fetch(`${gateway.url}/api/docs/assets/..%2Fpackage.json`)).status).toBe(404);
    expect(registry.received.map((r) => r.url)).toEqual(['/api/registry/docs/openapi.json']);
  });

  it('serves index.html for a client-side route such as /projects/123', async () => {
    const res = await fetch(`${gateway.url}/projects/123`);

    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('cache-control')).toBe('no-cache');
    await expect(res.text()).resolves.toContain('<title>marketplace</title>');
  });

  it('serves the built assets as long-lived files and lets a missing one 404', async () => {
    const asset = await fetch(`${gateway.url}/assets/index-abc123.js`);
    const missing = await fetch(`${gateway.url}/assets/index-gone.js`);

    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    await expect(asset.text()).resolves.toBe('console.log("ui")');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).not.toMatch(/^text\/html/);
  });
});

describe('gateway hosted in an app that parses bodies and has no UI build', () => {
  let registry: Awaited<ReturnType<typeof startUpstream>>;
  let gateway: { app: INestApplication; url: string };

  beforeAll(async () => {
    registry = await startUpstream('registry');
    gateway = await startGateway({ routes: { registry: registry.url }, staticDir: join(tmpdir(), 'gateway-web-never-built') }, {});
  });

  afterAll(async () => {
    await gateway?.app.close();
    await new Promise((done) => registry.server.close(done));
  });

  it('still forwards a JSON body the host app already consumed', async () => {
    await fetch(`${gateway.url}/api/registry/agencies`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'Acme' }),
    });

    expect(JSON.parse(registry.received[0].body)).toEqual({ name: 'Acme' });
  });

  it('explains at / how to build the UI instead of failing', async () => {
    const res = await fetch(`${gateway.url}/`);

    expect(res.status).toBe(200);
    await expect(res.text()).resolves.toContain('npm run build:web');
  });
});
