import { useCallback, useEffect, useState } from 'react';
import { fetchHealth, type Health } from './health';
import { initialLocale, MESSAGES, type Locale } from './messages';
import { VerifyPage } from './verify/verify-page';
import { AnnouncementList } from './announcements/announcement-list';

type HealthState = { kind: 'checking' } | { kind: 'up'; health: Health } | { kind: 'down' };

export function App() {
  const [locale, setLocale] = useState<Locale>(initialLocale);
  const t = MESSAGES[locale];
  const health = useHealth();

  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = `${t.title} · ${t.subtitle}`;
    localStorage.setItem('locale', locale);
  }, [locale, t]);

  return (
    <main className="page">
      <header className="masthead">
        <div>
          <h1>{t.title}</h1>
          <p className="subtitle" lang={locale === 'en' ? 'zh-CN' : 'en'}>
            {t.subtitle}
          </p>
        </div>
        <button type="button" className="locale-toggle" onClick={() => setLocale(locale === 'en' ? 'zh-CN' : 'en')}>
          {t.switchTo}
        </button>
      </header>

      <nav className="nav">
        <a href="/">{t.navHome}</a>
        <a href="/verify">{t.navVerify}</a>
      </nav>

      {location.pathname.startsWith('/verify') ? <VerifyPage locale={locale} /> : <Home locale={locale} health={health} />}
    </main>
  );
}

function Home({ locale, health }: { locale: Locale; health: ReturnType<typeof useHealth> }) {
  const t = MESSAGES[locale];
  return (
    <>
      <p className="purpose">{t.purpose}</p>

      <AnnouncementList locale={locale} />

      <section className="status" aria-live="polite">
        <h2>{t.statusHeading}</h2>
        <StatusLine state={health.state} locale={locale} />
        {health.state.kind === 'up' && health.state.health.services.length > 0 && (
          <>
            <h3>{t.servicesHeading}</h3>
            <ul className="services">
              {health.state.health.services.map((s) => (
                <li key={s.name}>
                  <span className={`dot ${s.status === 'ok' ? 'ok' : 'bad'}`} aria-hidden="true" />
                  <span className="name">{s.name}</span>
                  <span className="state">{s.status}</span>
                </li>
              ))}
            </ul>
          </>
        )}
        <button type="button" onClick={health.refresh} disabled={health.state.kind === 'checking'}>
          {t.refresh}
        </button>
      </section>
    </>
  );
}

function StatusLine({ state, locale }: { state: HealthState; locale: Locale }) {
  const t = MESSAGES[locale];
  if (state.kind === 'checking') return <p className="status-line">{t.checking}</p>;
  if (state.kind === 'down') {
    return (
      <p className="status-line">
        <span className="dot bad" aria-hidden="true" /> {t.unreachable}
      </p>
    );
  }
  const ok = state.health.status === 'ok';
  return (
    <p className="status-line">
      <span className={`dot ${ok ? 'ok' : 'bad'}`} aria-hidden="true" />{' '}
      {ok ? t.reachable(state.health.service) : `${state.health.service}: ${state.health.status}`}
    </p>
  );
}

function useHealth(): { state: HealthState; refresh: () => void } {
  const [state, setState] = useState<HealthState>({ kind: 'checking' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const abort = new AbortController();
    setState({ kind: 'checking' });
    fetchHealth(abort.signal).then(
      (health) => setState({ kind: 'up', health }),
      () => abort.signal.aborted || setState({ kind: 'down' }),
    );
    return () => abort.abort();
  }, [attempt]);

  return { state, refresh: useCallback(() => setAttempt((n) => n + 1), []) };
}
