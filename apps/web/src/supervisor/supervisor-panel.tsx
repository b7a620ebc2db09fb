import { useState } from 'react';
import { api } from '../app/api';
import { formatTime, useLocale, useText } from '../app/locale';
import { Link } from '../app/router';
import { useAction } from '../ui/action';
import { ActionResult, Field } from '../ui/form';
import type { Objection, ProjectDetail } from '../projects/project-api';
import { SUPERVISOR_TEXT } from './supervisor-messages';

/** A supervisor on a project: the record with proofs, and rulings on objections filed during publicity. */
export function SupervisorPanel({ project, names, onChange }: { project: ProjectDetail; names: Map<string, string>; onChange: () => void }) {
  const t = useText(SUPERVISOR_TEXT);
  return (
    <section className="card" aria-labelledby="supervisor-panel">
      <h3 id="supervisor-panel">{t.panel}</h3>
      <p>
        <Link to={`/supervisor/projects/${project.id}/record`}>{t.openRecord}</Link>
      </p>
      <h4>{t.objections}</h4>
      {project.objections.length === 0 && <p className="hint">{t.noObjections}</p>}
      {project.objections.map((o) => (
        <ObjectionItem key={o.id} projectId={project.id} objection={o} agencyName={names.get(o.agencyId) ?? o.agencyId} onChange={onChange} />
      ))}
    </section>
  );
}

function ObjectionItem({ projectId, objection: o, agencyName, onChange }: { projectId: string; objection: Objection; agencyName: string; onChange: () => void }) {
  const t = useText(SUPERVISOR_TEXT);
  const locale = useLocale();
  const action = useAction();
  const [verdict, setVerdict] = useState<'UPHELD' | 'DISMISSED'>('DISMISSED');
  const [reason, setReason] = useState('');
  return (
    <div className="objection" data-objection={o.id} data-status={o.status}>
      <p>
        <strong>{agencyName}</strong> · {formatTime(o.filedAt, locale)} · {t.statuses[o.status] ?? o.status}
      </p>
      <blockquote>{o.grounds}</blockquote>
      {o.ruling && <p className="hint">{o.ruling.reason}</p>}
      {o.status === 'PENDING' && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void action
              .run(() => api(`/api/projects/projects/${projectId}/objections/${o.id}/ruling`, { method: 'POST', body: { verdict, reason } }), t.ruled)
              .then((r) => r !== undefined && onChange());
          }}
        >
          <fieldset>
            <legend>{t.verdict}</legend>
            <label>
              <input type="radio" name={`verdict-${o.id}`} checked={verdict === 'DISMISSED'} onChange={() => setVerdict('DISMISSED')} /> {t.dismiss}
            </label>
            <label>
              <input type="radio" name={`verdict-${o.id}`} checked={verdict === 'UPHELD'} onChange={() => setVerdict('UPHELD')} /> {t.uphold}
            </label>
          </fieldset>
          <Field label={t.reason} name="reason" action={action}>
            <textarea name="reason" rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
          </Field>
          <ActionResult action={action} labels={{ reason: t.reason, verdict: t.verdict }} />
          <button type="submit" className="primary" disabled={action.busy}>
            {t.rule}
          </button>
        </form>
      )}
    </div>
  );
}
