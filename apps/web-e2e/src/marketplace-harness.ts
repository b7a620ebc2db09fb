import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Module, type DynamicModule, type INestApplication } from '@nestjs/common';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { AuditModule } from '@mkt/audit/service';
import { BiddingModule } from '@mkt/bidding/service';
import { DrawModule } from '@mkt/draw/service';
import { WebUiModule } from '@mkt/gateway/service';
import { CreateAccountHandler } from '@mkt/identity/service';
import { IdentityModule } from '@mkt/identity/service';
import { ProjectsModule } from '@mkt/projects/service';
import { CatalogSeeder, RegistryModule } from '@mkt/registry/service';
import { AuthModule } from '@mkt/shared/auth';
import { createHttpApp, responseCheckOf } from '@mkt/shared/http';
import { MessagingModule } from '@mkt/shared/messaging';
import { jsonClient, waitFor } from '@mkt/shared/testing';
import { buildWebUi, launchChromium, workspaceRoot } from './browser';

/**
 * The embedded marketplace as the browser journeys need it: every service module in one app serving the built UI,
 * on a clock the test can move forward (a 72-hour sign-up window, a 3-day publicity period) while tokens keep
 * real time. Demo users and firms are made through the same use cases and API the product uses.
 */
export const PASSWORD = 'journey-2026-password';
const memory = { kind: 'pglite', dataDir: 'memory://' } as const;

export class ShiftingClock {
  private offsetMs = 0;
  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
  advance(ms: number): void {
    this.offsetMs += ms;
  }
}

@Module({})
class JourneyRoot {
  static with(staticDir: string, clock: ShiftingClock, tokenTtlSeconds: number): DynamicModule {
    return {
      module: JourneyRoot,
      imports: [
        MessagingModule.forRoot({ transport: { kind: 'in-process' }, clock }),
        AuthModule.forRoot({ secret: randomBytes(24).toString('hex'), tokenTtlSeconds }),
        IdentityModule.forRoot({ database: memory, passwordHashing: { ln: 10, r: 8, p: 1 } }),
        RegistryModule.forRoot({ database: memory }),
        ProjectsModule.forRoot({ database: memory }),
        DrawModule.forRoot({ database: memory }),
        BiddingModule.forRoot({ database: memory, sealKey: randomBytes(32).toString('hex') }),
        AuditModule.forRoot({ database: memory }),
        WebUiModule.forRoot({ staticDir }),
      ],
    };
  }
}

// Survey firms with valid GB 32100 check characters; the last one registers but waits for review.
export const FIRMS = [
  { name: '西湖测绘有限公司', creditCode: '91350100M000100Y43', user: 'survey-xihu' },
  { name: '钱江勘测设计院', creditCode: '91330100MA2AEF3G5C', user: 'survey-qianjiang' },
  { name: '运河地理信息有限公司', creditCode: '91330100MA2CJK5L73', user: 'survey-yunhe' },
  { name: '之江测量技术有限公司', creditCode: '91330100MA2BGH4J6P', user: null },
] as const;
export const OWNER_ORG = 'owner-hz-transport';

export interface Marketplace {
  readonly app: INestApplication;
  readonly base: string;
  readonly clock: ShiftingClock;
  readonly browser: Browser;
  /** Firm ids in FIRMS order. */
  readonly firmIds: string[];
  readonly call: ReturnType<typeof jsonClient>;
  close(): Promise<void>;
}

/** `accessTokenTtlSeconds` short makes the UI live through expired access tokens (it refreshes and repeats the call). */
export async function startMarketplace(options: { accessTokenTtlSeconds?: number } = {}): Promise<Marketplace> {
  const staticDir = buildWebUi();
  const clock = new ShiftingClock();
  // Every JSON success the journey causes is checked against what its route declares (@Responds); see close().
  const app = await createHttpApp(JourneyRoot.with(staticDir, clock, options.accessTokenTtlSeconds ?? 900), { logger: false, checkResponses: true });
  await app.listen(0, '127.0.0.1');
  const base = await app.getUrl();
  const call = jsonClient(() => base);
  await app.get(CatalogSeeder).seedDemoCatalog();
  // Projects accept postings only for items they have learned from the registry's catalog events.
  await waitFor(() => call('GET', '/api/projects/catalog/items').then((r) => r.body), (items) => Array.isArray(items) && items.some((i: { code: string }) => i.code === 'SURVEY-MAPPING'), { what: 'the catalog in projects' });
  const accounts = app.get(CreateAccountHandler);
  for (const [username, displayName, role, organizationId] of [
    ['admin', '平台运营管理员', 'ADMIN', null],
    ['supervisor', '公共资源交易监督员', 'SUPERVISOR', null],
    ['owner', '杭州市交通运输局', 'OWNER', OWNER_ORG],
  ] as const) {
    await accounts.execute({ username, displayName, role, organizationId, password: PASSWORD }, 'by-admin');
  }
  const admin = (await call('POST', '/api/identity/login', { body: { username: 'admin', password: PASSWORD } })).body.accessToken as string;
  const firmIds: string[] = [];
  for (const [i, firm] of FIRMS.entries()) {
    const { body } = await call('POST', '/api/registry/agencies', { token: admin, body: { name: firm.name, creditCode: firm.creditCode, region: '330100' } });
    firmIds.push(body.id);
    await call('POST', `/api/registry/agencies/${body.id}/qualifications`, {
      token: admin,
      body: { certificateNumber: `SM-${i + 1}`, serviceItemCode: 'SURVEY-MAPPING', level: 1, validFrom: '2026-01-01', validUntil: '2030-12-31' },
    });
    if (firm.user === null) continue;
    await call('POST', `/api/registry/agencies/${body.id}/status`, { token: admin, body: { status: 'ACTIVE', reason: 'registration checked' } });
    await accounts.execute({ username: firm.user, displayName: `${firm.name} · 业务员`, role: 'AGENCY', organizationId: body.id, password: PASSWORD }, 'by-admin');
  }
  const browser = await launchChromium();
  return {
    app, base, clock, browser, firmIds, call,
    async close() {
      const { violations } = responseCheckOf(app);
      await browser.close();
      await app.close();
      if (violations.length > 0) throw new Error(`answers that stray from their routes' declared schemas:\n${JSON.stringify(violations, null, 2)}`);
    },
  };
}

/** A user in Hangzhou: Chinese, Beijing time. */
function contextOptions(options: { width?: number }) {
  return { locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: options.width ?? 1100, height: 900 } };
}

/** The value a `datetime-local` input shows for an instant, in Beijing time (UTC+8, no daylight saving). */
export function beijingInput(at: Date): string {
  return new Date(at.getTime() + 8 * HOUR).toISOString().slice(0, 19);
}

/** A browser of its own for one user, in Chinese, signed in through the login page. */
export async function signedInPage(m: Marketplace, username: string, options: { width?: number } = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await m.browser.newContext(contextOptions(options));
  const page = await context.newPage();
  await page.goto(`${m.base}/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(PASSWORD);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await page.getByTestId('session').waitFor();
  return { context, page };
}

export async function publicPage(m: Marketplace, options: { width?: number } = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await m.browser.newContext(contextOptions(options));
  return { context, page: await context.newPage() };
}

/** Opens pages as a demo user (or as the public) on the running marketplace, and closes every context it opened. */
export function pageOpener(marketplace: () => Marketplace) {
  const contexts: BrowserContext[] = [];
  return {
    async open(username: string | null, width?: number): Promise<Page> {
      const { context, page } = username ? await signedInPage(marketplace(), username, { width }) : await publicPage(marketplace(), { width });
      contexts.push(context);
      return page;
    },
    async closeAll(): Promise<void> {
      for (const c of contexts.splice(0)) await c.close().catch(() => undefined);
    },
  };
}

/**
 * Screenshots of each main page (zh-CN), taken on every run: into tmp/screenshots, or into docs/screenshots for the
 * README with `SCREENSHOTS=docs` — so an everyday test run leaves the committed pictures alone.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  const dir = join(workspaceRoot, process.env['SCREENSHOTS'] === 'docs' ? 'docs/screenshots' : 'tmp/screenshots');
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
}

export const HOUR = 3_600_000;
