import { useState } from 'react';
import { api } from '../app/api';
import { formatYuan, useLocale, useText } from '../app/locale';
import { useAction } from '../ui/action';
import { ActionResult, ErrorNote, Field } from '../ui/form';
import { useLoad } from '../ui/use-load';
import { ADMIN_TEXT } from './admin-messages';

type Text = { readonly zhCN: string; readonly en: string };
interface Item {
  readonly code: string;
  readonly name: Text;
  readonly timeLimitWorkingDays: number;
  readonly standardFeeFen: number | null;
  readonly qualificationType: string;
  readonly minimumLevel: number;
  readonly version: number;
}
interface Catalog {
  readonly revision: number;
  readonly categories: readonly { readonly code: string; readonly name: Text; readonly items: readonly Item[] }[];
}

/** The operator keeps the catalog: every item with its published standard, new items, and retirements with a reason. */
export function CatalogPage() {
  const t = useText(ADMIN_TEXT);
  const locale = useLocale();
  const catalog = useLoad((signal) => api<Catalog>('/api/registry/catalog', { signal }), []);
  const name = (n: Text) => (locale === 'en' ? n.en : n.zhCN);
  return (
    <section>
      <h2>{t.catalogHeading}</h2>
      <ErrorNote error={catalog.error} />
      {catalog.data && <p className="hint">{t.revision(catalog.data.revision)}</p>}
      {catalog.data?.categories.map((c) => (
        <details key={c.code} className="card">
          <summary>
            {name(c.name)} <span className="hint">({c.items.length})</span>
          </summary>
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t.code}</th>
                  <th scope="col">{t.nameZh}</th>
                  <th scope="col">{t.timeLimit}</th>
                  <th scope="col">{t.fee}</th>
                  <th scope="col">{t.qualificationType}</th>
                  <th scope="col" />
                </tr>
              </thead>
              <tbody>
                {c.items.map((i) => (
                  <CatalogRow key={i.code} item={i} name={name(i.name)} onChange={catalog.reload} feeText={i.standardFeeFen === null ? '—' : formatYuan(i.standardFeeFen, locale)} />
                ))}
              </tbody>
            </table>
          </div>
        </details>
      ))}
      {catalog.data && <AddItemForm categories={catalog.data.categories.map((c) => ({ code: c.code, name: name(c.name) }))} onChange={catalog.reload} />}
    </section>
  );
}

function CatalogRow({ item, name, feeText, onChange }: { item: Item; name: string; feeText: string; onChange: () => void }) {
  const t = useText(ADMIN_TEXT);
  const action = useAction();
  const [reason, setReason] = useState('');
  return (
    <tr data-item={item.code}>
      <td data-label={t.code}>{item.code}</td>
      <td data-label={t.nameZh}>{name}</td>
      <td data-label={t.timeLimit}>{item.timeLimitWorkingDays}</td>
      <td data-label={t.fee}>{feeText}</td>
      <td data-label={t.qualificationType}>
        {item.qualificationType} ≥ {item.minimumLevel}
      </td>
      <td>
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            void action.run(() => api(`/api/registry/catalog/items/${item.code}/retire`, { method: 'POST', body: { reason } }), t.retired).then((r) => r !== undefined && onChange());
          }}
        >
          <input aria-label={t.retireReason} placeholder={t.retireReason} value={reason} onChange={(e) => setReason(e.target.value)} />
          <button type="submit" disabled={action.busy}>
            {t.retire}
          </button>
        </form>
        <ActionResult action={action} labels={{ reason: t.retireReason }} />
      </td>
    </tr>
  );
}

function AddItemForm({ categories, onChange }: { categories: { code: string; name: string }[]; onChange: () => void }) {
  const t = useText(ADMIN_TEXT);
  const action = useAction();
  const [f, setF] = useState({ code: '', categoryCode: categories[0]?.code ?? '', nameZh: '', nameEn: '', contentZh: '', contentEn: '', legalBasis: '', timeLimit: '20', steps: '', feeZh: '', feeEn: '', feeYuan: '', qualificationType: '', minimumLevel: '3' });
  const set = (key: keyof typeof f) => (e: { target: { value: string } }) => setF({ ...f, [key]: e.target.value });
  const labels: Record<string, string> = {
    code: t.code, categoryCode: t.category, 'name.zhCN': t.nameZh, 'name.en': t.nameEn, 'content.zhCN': t.contentZh, 'content.en': t.contentEn, legalBasis: t.legalBasis,
    timeLimitWorkingDays: t.timeLimit, processSteps: t.steps, 'feeBasis.zhCN': t.feeZh, 'feeBasis.en': t.feeEn, standardFeeFen: t.fee, qualificationType: t.qualificationType, minimumLevel: t.minimumLevel,
  };
  const body = () => ({
    code: f.code,
    categoryCode: f.categoryCode,
    name: { zhCN: f.nameZh, en: f.nameEn },
    content: { zhCN: f.contentZh, en: f.contentEn },
    legalBasis: f.legalBasis,
    timeLimitWorkingDays: Number(f.timeLimit),
    processSteps: f.steps
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => {
        const [zhCN, en] = line.split('|').map((s) => s.trim());
        return { zhCN: zhCN ?? '', en: en ?? '' };
      }),
    feeBasis: { zhCN: f.feeZh, en: f.feeEn },
    standardFeeFen: f.feeYuan.trim() === '' ? null : Math.round(Number(f.feeYuan) * 100),
    qualificationType: f.qualificationType,
    minimumLevel: Number(f.minimumLevel),
  });
  const text = (key: keyof typeof f, label: string, field: string, area = false) => (
    <Field label={label} name={field} action={action}>
      {area ? <textarea name={field} rows={2} value={f[key]} onChange={set(key)} /> : <input name={field} value={f[key]} onChange={set(key)} />}
    </Field>
  );
  return (
    <form
      className="card"
      onSubmit={(e) => {
        e.preventDefault();
        void action.run(() => api('/api/registry/catalog/items', { method: 'POST', body: body() }), t.added).then((r) => r !== undefined && onChange());
      }}
    >
      <h3>{t.addHeading}</h3>
      <div className="grid">
        {text('code', t.code, 'code')}
        <Field label={t.category} name="categoryCode" action={action}>
          <select name="categoryCode" value={f.categoryCode} onChange={set('categoryCode')}>
            {categories.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))}
          </select>
        </Field>
        {text('nameZh', t.nameZh, 'name.zhCN')}
        {text('nameEn', t.nameEn, 'name.en')}
      </div>
      {text('contentZh', t.contentZh, 'content.zhCN', true)}
      {text('contentEn', t.contentEn, 'content.en', true)}
      {text('legalBasis', t.legalBasis, 'legalBasis')}
      {text('steps', t.steps, 'processSteps', true)}
      <div className="grid">
        {text('feeZh', t.feeZh, 'feeBasis.zhCN')}
        {text('feeEn', t.feeEn, 'feeBasis.en')}
        {text('feeYuan', t.fee, 'standardFeeFen')}
        {text('timeLimit', t.timeLimit, 'timeLimitWorkingDays')}
        {text('qualificationType', t.qualificationType, 'qualificationType')}
        {text('minimumLevel', t.minimumLevel, 'minimumLevel')}
      </div>
      <ActionResult action={action} labels={labels} />
      <button type="submit" className="primary" disabled={action.busy}>
        {t.add}
      </button>
    </form>
  );
}
