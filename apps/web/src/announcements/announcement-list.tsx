import { useEffect, useState } from 'react';
import type { Locale } from '../messages';
import { Link } from '../app/router';
import { fetchAgencyNames, fetchAnnouncements, type Announcement } from './announcements';

const TEXT = {
  'zh-CN': {
    heading: '项目公告',
    none: '暂无公告',
    budget: (yuan: string) => `最高限价 ${yuan} 元`,
    winner: '中选机构',
    verify: '核验本次抽取',
    methods: { RANDOM_DRAW: '随机抽取', CREDIT_WEIGHTED_DRAW: '信用择优', BIDDING: '竞价', DIRECT_SELECTION: '直接选取' } as Record<string, string>,
    statuses: { PUBLISHED: '报名中', SELECTING: '选取中', PUBLICITY: '公示中', AWARDED: '已确定', FAILED: '流标' } as Record<string, string>,
  },
  en: {
    heading: 'Announcements',
    none: 'No announcements yet',
    budget: (yuan: string) => `budget cap ¥${yuan}`,
    winner: 'Selected',
    verify: 'Verify this draw',
    methods: { RANDOM_DRAW: 'random draw', CREDIT_WEIGHTED_DRAW: 'credit-weighted draw', BIDDING: 'bidding', DIRECT_SELECTION: 'direct selection' } as Record<string, string>,
    statuses: { PUBLISHED: 'open for sign-up', SELECTING: 'selecting', PUBLICITY: 'in publicity', AWARDED: 'awarded', FAILED: 'failed round' } as Record<string, string>,
  },
} as const;

/** Public project announcements, each selected-by-draw result linking to the in-browser verifier. */
export function AnnouncementList({ locale }: { locale: Locale }) {
  const t = TEXT[locale];
  const [items, setItems] = useState<Announcement[] | null>(null);
  const [names, setNames] = useState<Map<string, string>>(new Map());

  useEffect(() => {
    const abort = new AbortController();
    fetchAnnouncements(abort.signal).then(setItems, () => abort.signal.aborted || setItems([]));
    fetchAgencyNames(abort.signal).then(setNames, () => undefined);
    return () => abort.abort();
  }, []);

  if (items === null) return null;
  return (
    <section className="announcements">
      <h2>{t.heading}</h2>
      {items.length === 0 && <p>{t.none}</p>}
      <ul>
        {items.map((a) => (
          <li key={a.id} data-project={a.id}>
            <strong>
              <Link to={`/projects/${a.id}`}>{a.title}</Link>
            </strong>
            <span className="meta">
              {t.methods[a.method] ?? a.method} · {t.statuses[a.status] ?? a.status} · {t.budget((a.budgetCapFen / 100).toLocaleString(locale))}
            </span>
            {a.selection && (
              <span className="meta">
                {t.winner}: {a.selection.winners.map((w) => names.get(w.agencyId) ?? w.agencyId).join(', ')}
                {a.selection.source.kind === 'DRAW' && a.selection.source.drawId && (
                  <>
                    {' '}· <a href={`/verify?draw=${a.selection.source.drawId}`}>{t.verify}</a>
                  </>
                )}
              </span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
