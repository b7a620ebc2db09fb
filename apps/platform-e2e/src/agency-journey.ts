import { randomUUID } from 'node:crypto';
import { creditCodeCheckCharacter } from '@mkt/registry/core';
import { waitFor } from '@mkt/shared/testing';

/** HTTP steps an operator takes to bring a firm onto the marketplace, shared by the end-to-end suites. */
export class AgencyJourney {
  constructor(
    private readonly registryUrl: string,
    private readonly tokens: { readonly admin: string; readonly supervisor: string },
  ) {}

  static uniqueCreditCode(): string {
    const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
    const body = '91330100' + Array.from({ length: 9 }, () => alphabet[Math.floor(Math.random() * alphabet.length)]).join('');
    return body + creditCodeCheckCharacter(body);
  }

  async call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}, token = this.tokens.admin): Promise<{ status: number; body: any }> {
    const response = await fetch(`${this.registryUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: await response.json().catch(() => null) };
  }

  async register(name = `测试机构 ${randomUUID().slice(0, 8)}`): Promise<string> {
    const res = await this.call('POST', '/api/registry/agencies', { name, creditCode: AgencyJourney.uniqueCreditCode(), region: '330100' });
    if (res.status !== 201) throw new Error(`register failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.id;
  }

  async setStatus(agencyId: string, status: string, reason = ''): Promise<void> {
    // Sanctions are the supervisors' call; approval is the operator's.
    const token = status === 'SUSPENDED' || status === 'BLACKLISTED' ? this.tokens.supervisor : this.tokens.admin;
    // A sanction runs for a period; these suites lift it by hand when they need the firm back.
    const until = token === this.tokens.supervisor ? { until: '2099-01-01T00:00:00+08:00' } : {};
    const res = await this.call('POST', `/api/registry/agencies/${agencyId}/status`, { status, reason, ...until }, {}, token);
    if (res.status !== 200) throw new Error(`status change failed: ${res.status} ${JSON.stringify(res.body)}`);
  }

  /** A supervisor lifts a sanction early: reinstatement is theirs, as the sanction was. */
  async reinstate(agencyId: string, reason: string): Promise<void> {
    const res = await this.call('POST', `/api/registry/agencies/${agencyId}/status`, { status: 'ACTIVE', reason }, {}, this.tokens.supervisor);
    if (res.status !== 200) throw new Error(`reinstatement failed: ${res.status} ${JSON.stringify(res.body)}`);
  }

  async qualify(agencyId: string, serviceItemCode: string, level = 2): Promise<void> {
    const res = await this.call('POST', `/api/registry/agencies/${agencyId}/qualifications`, {
      certificateNumber: `CERT-${randomUUID()}`,
      serviceItemCode,
      level,
      validFrom: '2026-01-01',
      validUntil: '2030-12-31',
    });
    if (res.status !== 201) throw new Error(`qualification failed: ${res.status} ${JSON.stringify(res.body)}`);
  }

  /**
   * Puts a service item into the registry's catalog (the operator's CSV import) and waits until the projects
   * service at `projectsUrl` knows it from the catalog events, so that projects may be posted for it.
   */
  async offerItem(serviceItemCode: string, projectsUrl: string, minimumLevel = 2): Promise<void> {
    const header = 'categoryCode,categoryNameZh,categoryNameEn,code,nameZh,nameEn,contentZh,contentEn,legalBasis,timeLimitWorkingDays,processStepsZh,processStepsEn,feeBasisZh,feeBasisEn,standardFeeFen,qualificationType,minimumLevel';
    const row = `E2E,端到端测试类,End-to-end tests,${serviceItemCode},测试事项 ${serviceItemCode},Test item ${serviceItemCode},测试内容,Test content,测试依据,20,受理|办结,Accept|Close,按标准,By the standard,5000000,E2E_QUALIFICATION,${minimumLevel}`;
    const form = new FormData();
    form.append('file', new Blob([`${header}\n${row}\n`], { type: 'text/csv' }), 'catalog.csv');
    const res = await fetch(`${this.registryUrl}/api/registry/imports/catalog`, { method: 'POST', headers: { authorization: `Bearer ${this.tokens.admin}` }, body: form });
    if (res.status !== 201) throw new Error(`catalog import failed: ${res.status} ${await res.text()}`);
    await waitFor(
      async () => (await (await fetch(`${projectsUrl}/api/projects/catalog/items`)).json()) as { code: string }[],
      (items) => items.some((item) => item.code === serviceItemCode),
      { timeoutMs: 30000, what: `the projects service to know ${serviceItemCode}` },
    );
  }

  /** Registered, approved and qualified for one item: a firm that belongs in the item's draw pool. */
  async onboard(serviceItemCode: string): Promise<string> {
    const id = await this.register();
    await this.setStatus(id, 'ACTIVE');
    await this.qualify(id, serviceItemCode);
    return id;
  }
}
