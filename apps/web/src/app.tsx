import { lazy, Suspense, useCallback, useEffect, useState, type ReactNode } from 'react';
import { fetchHealth, type Health } from './health';
import { initialLocale, MESSAGES, type Locale } from './messages';
import { AnnouncementList } from './announcements/announcement-list';
import { resumeSession, signOut } from './app/api';
import { LocaleContext, useLocale } from './app/locale';
import { navFor } from './app/nav';
import { Link, matchPath, RouterProvider, useRouter } from './app/router';
import { AUTH_TEXT } from './auth/auth-messages';
import { LoginPage } from './auth/login-page';
import { hasRefreshCookie, useSession, type Role } from './auth/session';
import { SignUpPage } from './auth/sign-up-page';
import { DirectoryPage } from './directory/directory-page';
import { AgencyProfilePage } from './directory/agency-profile-page';
import { BiddingPage } from './projects/bidding-page';
import { ProjectPage } from './projects/project-page';

// Pages a visitor may never open load on demand; the public entry stays small.
const VerifyPage = lazy(() => import('./verify/verify-page').then((m) => ({ default: m.VerifyPage })));
const OwnerProjectsPage = lazy(() => import('./owner/owner-projects-page').then((m) => ({ default: m.OwnerProjectsPage })));
const PostProjectPage = lazy(() => import('./owner/post-project-page').then((m) => ({ default: m.PostProjectPage })));
const AgencyProjectsPage = lazy(() => import('./agency/agency-projects-page').then((m) => ({ default: m.AgencyProjectsPage })));
const AgencyRecordPage = lazy(() => import('./agency/agency-record-page').then((m) => ({ default: m.AgencyRecordPage })));
const AccountsPage = lazy(() => import('./admin/accounts-page').then((m) => ({ default: m.AccountsPage })));
const CatalogPage = lazy(() => import('./admin/catalog-page').then((m) => ({ default: m.CatalogPage })));
const ImportsPage = lazy(() => import('./admin/imports-page').then((m) => ({ default: m.ImportsPage })));
const ObservedDrawsPage = lazy(() => import('./projects/observed-draws-page').then((m) => ({ default: m.ObservedDrawsPage })));
const RegistrationsPage = lazy(() => import('./admin/registrations-page').then((m) => ({ default: m.RegistrationsPage })));
const RegistrationPage = lazy(() => import('./agency/registration-page').then((m) => ({ default: m.RegistrationPage })));
const SupervisionPage = lazy(() => import('./supervisor/supervision-page').then((m) => ({ default: m.SupervisionPage })));
const ProjectRecordPage = lazy(() => import('./supervisor/project-record-page').then((m) => ({ default: m.ProjectRecordPage })));
const SanctionsPage = lazy(() => import('./supervisor/sanctions-page').then((m) => ({ default: m.SanctionsPage })));
const VerifyLogPage = lazy(() => import('./supervisor/verify-log-page').then((m) => ({ default: m.VerifyLogPage })));
const CollusionPage = lazy(() => import('./supervisor/collusion-page').then((m) => ({ default: m.CollusionPage })));
const StatisticsPage = lazy(() => import('./statistics/statistics-page').then((m) => ({ default: m.StatisticsPage })));

type HealthState = { kind: 'checking' } | { kind: 'up'; health: Health } | { kind: 'down' };

export function App() {
  const [locale, setLocale] = useState<Locale>(initialLocale);
  const t = MESSAGES[locale];

  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = `${t.title} · ${t.subtitle}`;
    localStorage.setItem('locale', locale);
  }, [locale, t]);

  return (
    <LocaleContext.Provider value={locale}>
      <RouterProvider>
        <Shell locale={locale} onLocale={setLocale} />
      </RouterProvider>
    </LocaleContext.Provider>
  );
}

function Shell({ locale, onLocale }: { locale: Locale; onLocale: (l: Locale) => void }) {
  const t = MESSAGES[locale];
  const session = useSession();
  const resuming = useResumedSession();
  const [menuOpen, setMenuOpen] = useState(false);
  const { path } = useRouter();
  useEffect(() => setMenuOpen(false), [path]);

  return (
    <div className="page">
      <header className="masthead">
        <div>
          <h1>
            <Link to="/" className="brand">
              {t.title}
            </Link>
          </h1>
          <p className="subtitle" lang={locale === 'en' ? 'zh-CN' : 'en'}>
            {t.subtitle}
          </p>
        </div>
        <div className="masthead-tools">
          <button type="button" className="locale-toggle" aria-label={`${t.language}: ${t.switchTo}`} onClick={() => onLocale(locale === 'en' ? 'zh-CN' : 'en')}>
            {t.switchTo}
          </button>
          <SessionBox locale={locale} />
          <button type="button" className="menu-toggle" aria-expanded={menuOpen} aria-controls="main-nav" onClick={() => setMenuOpen(!menuOpen)}>
            ☰<span className="visually-hidden">{t.navLabel}</span>
          </button>
        </div>
      </header>

      <nav id="main-nav" className={`nav${menuOpen ? ' open' : ''}`} aria-label={t.navLabel}>
        {navFor(session?.account.role ?? null).map((item) => (
          <Link key={item.to} to={item.to}>
            {item.label(t)}
          </Link>
        ))}
      </nav>

      <main>
        {resuming ? null : (
          <Suspense fallback={null}>
            <Routes locale={locale} />
          </Suspense>
        )}
      </main>
    </div>
  );
}

function SessionBox({ locale }: { locale: Locale }) {
  const a = AUTH_TEXT[locale];
  const session = useSession();
  const { navigate } = useRouter();
  if (!session) {
    return (
      <Link to="/login" className="button-link">
        {a.login}
      </Link>
    );
  }
  async function logout(): Promise<void> {
    // The in-memory access token lapses by itself; the refresh cookie's family ends on the server.
    await signOut();
    navigate('/');
  }
  return (
    <span className="session" data-testid="session">
      <span className="who">{a.signedInAs(session.account.displayName, a.roles[session.account.role])}</span>
      <button type="button" onClick={() => void logout()}>
        {a.logout}
      </button>
    </span>
  );
}

/** A reload keeps the session when this browser still holds a refresh cookie. */
function useResumedSession(): boolean {
  const [resuming, setResuming] = useState(() => hasRefreshCookie());
  useEffect(() => {
    if (resuming) void resumeSession().finally(() => setResuming(false));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return resuming;
}

function Routes({ locale }: { locale: Locale }) {
  const { path } = useRouter();
  const routes: [string, (p: Record<string, string>) => ReactNode, Role[]?][] = [
    ['/', () => <Home locale={locale} />],
    ['/verify', () => <VerifyPage locale={locale} />],
    ['/login', () => <LoginPage />],
    ['/sign-up', () => <SignUpPage />],
    ['/directory', () => <DirectoryPage />],
    ['/statistics', () => <StatisticsPage />],
    ['/directory/:id', (p) => <AgencyProfilePage id={p['id']} />],
    ['/biddings/:id', (p) => <BiddingPage biddingId={p['id']} />],
    ['/projects/:id', (p) => <ProjectPage projectId={p['id']} />],
    ['/observed-draws', () => <ObservedDrawsPage />, ['ADMIN', 'AGENCY', 'OWNER', 'SUPERVISOR']],
    ['/owner/projects', () => <OwnerProjectsPage />, ['OWNER']],
    ['/owner/projects/new', () => <PostProjectPage />, ['OWNER']],
    ['/agency', () => <AgencyProjectsPage />, ['AGENCY']],
    ['/agency/record', () => <AgencyRecordPage />, ['AGENCY']],
    ['/agency/registration', () => <RegistrationPage />, ['AGENCY']],
    ['/admin/accounts', () => <AccountsPage />, ['ADMIN']],
    ['/admin/catalog', () => <CatalogPage />, ['ADMIN']],
    ['/admin/registrations', () => <RegistrationsPage />, ['ADMIN']],
    ['/admin/imports', () => <ImportsPage />, ['ADMIN']],
    ['/supervisor', () => <SupervisionPage />, ['SUPERVISOR']],
    ['/supervisor/projects/:id/record', (p) => <ProjectRecordPage projectId={p['id']} />, ['SUPERVISOR']],
    ['/supervisor/sanctions', () => <SanctionsPage />, ['SUPERVISOR']],
    ['/supervisor/log', () => <VerifyLogPage />, ['SUPERVISOR']],
    ['/supervisor/collusion', () => <CollusionPage />, ['SUPERVISOR']],
  ];
  for (const [pattern, render, roles] of routes) {
    const params = matchPath(pattern, path);
    if (params) return roles ? <RequireRole roles={roles}>{render(params)}</RequireRole> : <>{render(params)}</>;
  }
  return <p className="notice">{MESSAGES[locale].notFound}</p>;
}

function RequireRole({ roles, children }: { roles: Role[]; children: ReactNode }) {
  const session = useSession();
  const { path } = useRouter();
  const locale = useLocale();
  if (session && roles.includes(session.account.role)) return <>{children}</>;
  const a = AUTH_TEXT[locale];
  return (
    <section className="card narrow">
      <p>{MESSAGES[locale].needsRole(roles.map((r) => a.roles[r]).join(' / '))}</p>
      <Link to={`/login?next=${encodeURIComponent(path)}`} className="button-link">
        {a.login}
      </Link>
    </section>
  );
}

function Home({ locale }: { locale: Locale }) {
  const t = MESSAGES[locale];
  const health = useHealth();
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
