import { useState } from 'react';
import { AGENCY_IMPORT_COLUMNS, CATALOG_IMPORT_COLUMNS, type ImportColumn, type ImportRowError } from '@mkt/registry/core';
import { useLocale, useText } from '../app/locale';
import { Link } from '../app/router';
import { ApiError } from '../app/api';
import { useAction, type Action } from '../ui/action';
import { saveBlob } from '../ui/download';
import { ActionResult, Field } from '../ui/form';
import { ProgressBar } from '../ui/progress';
import { ApiErrorWithBody, uploadWithProgress, type UploadProgress } from '../ui/transfer';
import { IMPORT_TEXT, TEMPLATE_ROWS } from './import-messages';

type Kind = 'agencies' | 'catalog';
const COLUMNS: Record<Kind, readonly ImportColumn[]> = { agencies: AGENCY_IMPORT_COLUMNS, catalog: CATALOG_IMPORT_COLUMNS };

interface AgenciesImported {
  readonly imported: number;
  readonly agencies: readonly { readonly id: string; readonly creditCode: string; readonly rows: readonly number[] }[];
}
interface CatalogImported {
  readonly imported: number;
  readonly newCategories: readonly string[];
  readonly changes: readonly { readonly itemCodes: readonly string[]; readonly version: number }[];
}
type Outcome = { readonly kind: 'agencies'; readonly result: AgenciesImported } | { readonly kind: 'catalog'; readonly result: CatalogImported };

/** RFC 4180 field: quoted when it holds a comma, quote or line break. */
const csvField = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/**
 * The operator's bulk import of agencies (with their certificates and offered items) or of catalog items, from
 * CSV or .xlsx. The file goes up with a progress bar; the server then checks and writes it in one transaction,
 * so the answer is all rows imported, or none and every problem by row and column.
 */
export function ImportsPage() {
  const t = useText(IMPORT_TEXT);
  const locale = useLocale();
  const action = useAction();
  const [kind, setKind] = useState<Kind>('agencies');
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const meanings = t.columnMeanings[kind];

  async function upload(): Promise<void> {
    setOutcome(null);
    setProgress(null);
    const form = new FormData();
    if (file) form.append('file', file);
    const chosen = kind;
    const result = await action.run(() => uploadWithProgress<AgenciesImported & CatalogImported>(`/api/registry/imports/${chosen}`, form, setProgress));
    setProgress(null);
    if (result) setOutcome(chosen === 'agencies' ? { kind: chosen, result } : { kind: chosen, result });
  }

  function template(): void {
    const columns = COLUMNS[kind].map((c) => c.name);
    const example = TEMPLATE_ROWS[kind];
    // A BOM so that spreadsheet programs read the Chinese example as UTF-8.
    const text = `\uFEFF${columns.join(',')}\r\n${columns.map((c) => csvField(example[c] ?? '')).join(',')}\r\n`;
    saveBlob(new Blob([text], { type: 'text/csv;charset=utf-8' }), `${kind}-import-template.csv`);
  }

  const rowErrors = action.error instanceof ApiErrorWithBody && Array.isArray(action.error.body['errors']) ? (action.error.body['errors'] as ImportRowError[]) : [];
  // A rejected file is summed up in the reader's language; the rows below say what is wrong where.
  const rejection = rowErrors.length > 0 && action.error ? new ApiError(action.error.status, action.error.code, t.rejected(rowErrors.length), action.error.field) : null;
  const shown: Action = rejection ? { ...action, error: rejection, errorFor: (field) => (action.errorFor(field) ? rejection : null) } : action;
  return (
    <section className="imports" data-testid="imports">
      <h2>{t.heading}</h2>
      <p className="hint">{t.intro}</p>
      <form
        className="card"
        onSubmit={(e) => {
          e.preventDefault();
          void upload();
        }}
      >
        <fieldset>
          <legend>{t.kind}</legend>
          <div className="radios">
            {(['agencies', 'catalog'] as const).map((k) => (
              <label key={k}>
                <input
                  type="radio"
                  name="kind"
                  value={k}
                  checked={kind === k}
                  onChange={() => {
                    setKind(k);
                    setOutcome(null);
                    action.reset();
                  }}
                />{' '}
                {t.kinds[k]}
              </label>
            ))}
          </div>
        </fieldset>
        <details className="columns">
          <summary>
            {t.columns} ({COLUMNS[kind].length})
          </summary>
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t.column}</th>
                  <th scope="col">{t.required}</th>
                  <th scope="col">{t.meaning}</th>
                </tr>
              </thead>
              <tbody>
                {COLUMNS[kind].map((c) => (
                  <tr key={c.name}>
                    <td data-label={t.column} className="mono">
                      {c.name}
                    </td>
                    <td data-label={t.required}>{c.required ? t.required : t.optional}</td>
                    <td data-label={t.meaning}>{meanings[c.name] ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <button type="button" onClick={template}>
            {t.template}
          </button>
        </details>
        <Field label={t.file} name="file" action={shown}>
          <input
            name="file"
            type="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setOutcome(null);
              action.reset();
            }}
          />
        </Field>
        {progress?.phase === 'sending' && <ProgressBar label={t.sending} transfer={progress} testId="upload-progress" />}
        {progress?.phase === 'processing' && <ProgressBar label={t.processing} testId="import-processing" />}
        {!action.busy && <ActionResult action={shown} labels={{ file: t.file }} />}
        <button type="submit" className="primary" disabled={action.busy}>
          {t.upload}
        </button>
      </form>

      {rowErrors.length > 0 && (
        <section className="card" data-testid="import-errors">
          <h3>{t.problems(rowErrors.length)}</h3>
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t.row}</th>
                  <th scope="col">{t.column}</th>
                  <th scope="col">{t.problem}</th>
                </tr>
              </thead>
              <tbody>
                {rowErrors.map((e, i) => (
                  <tr key={i} data-row={e.row} data-column={e.column ?? ''} data-code={e.code}>
                    <td data-label={t.row}>{e.row}</td>
                    <td data-label={t.column}>
                      {/* One element per cell: on a phone the cell is a two-column grid of its label and its content. */}
                      <span>
                        {e.column ? <span className="mono">{e.column}</span> : t.wholeRow}
                        {e.column && meanings[e.column] && <span className="hint"> · {meanings[e.column]}</span>}
                      </span>
                    </td>
                    <td data-label={t.problem}>{t.codes[e.code] ? (locale === 'en' ? `${t.codes[e.code]} (${e.message})` : `${t.codes[e.code]}（${e.message}）`) : e.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}

      {outcome && <ImportOutcome outcome={outcome} />}
    </section>
  );
}

function ImportOutcome({ outcome }: { outcome: Outcome }) {
  const t = useText(IMPORT_TEXT);
  if (outcome.kind === 'agencies') {
    const { agencies } = outcome.result;
    return (
      <section className="card" data-testid="import-result">
        <p className="notice ok" role="status">
          {t.importedAgencies(agencies.length, agencies.reduce((n, a) => n + a.rows.length, 0))}
        </p>
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t.creditCode}</th>
                <th scope="col">{t.rows}</th>
                <th scope="col">{t.profile}</th>
              </tr>
            </thead>
            <tbody>
              {agencies.map((a) => (
                <tr key={a.id} data-agency={a.id}>
                  <td data-label={t.creditCode} className="mono">
                    {a.creditCode}
                  </td>
                  <td data-label={t.rows}>{a.rows.join(', ')}</td>
                  <td data-label={t.profile}>
                    <Link to={`/directory/${a.id}`}>{t.openProfile}</Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    );
  }
  const { changes, newCategories } = outcome.result;
  return (
    <section className="card" data-testid="import-result">
      <p className="notice ok" role="status">
        {t.importedItems(changes.length, newCategories.length)}
      </p>
      {newCategories.length > 0 && (
        <p>
          {t.newCategories}: <span className="mono">{newCategories.join(', ')}</span>
        </p>
      )}
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t.item}</th>
              <th scope="col">{t.change}</th>
            </tr>
          </thead>
          <tbody>
            {changes.map((c) => (
              <tr key={c.version} data-item={c.itemCodes[0]}>
                <td data-label={t.item} className="mono">
                  {c.itemCodes.join(', ')}
                </td>
                <td data-label={t.change}>{c.version}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
