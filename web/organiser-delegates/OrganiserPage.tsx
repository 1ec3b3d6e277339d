import { useEffect, useRef, useState } from 'preact/hooks';
import type { CongressRole, SignedInAccount } from '../../shared/team-schema.ts';
import { api, ApiRequestError } from '../app/api.ts';
import { useTranslation } from '../app/i18n.ts';
import { navigate, usePath } from '../app/router.ts';
import { forgetToken, readToken, storeToken } from '../app/session.ts';
import { BusManifestPage } from '../bus-manifest/BusManifestPage.tsx';
import { LoginPage } from '../organiser-login/LoginPage.tsx';
import { FloorBoardPage } from '../consultation-floor/FloorBoardPage.tsx';
import { ConsultationPage } from '../organiser-consultation/ConsultationPage.tsx';
import { MatchingPage } from '../organiser-matching/MatchingPage.tsx';
import { CheckInPage } from '../check-in/CheckInPage.tsx';
import { ProgrammeEditorPage } from '../organiser-programme/ProgrammeEditorPage.tsx';
import { ToursPage } from '../organiser-tours/ToursPage.tsx';
import { ImportsPage } from '../organiser-imports/ImportsPage.tsx';
import { ApiTokensPage } from '../organiser-api-tokens/ApiTokensPage.tsx';
import { EditionsPage } from '../organiser-editions/EditionsPage.tsx';
import { SetupPage } from '../organiser-setup/SetupPage.tsx';
import { TeamPage } from '../organiser-team/TeamPage.tsx';
import { AuditLogPage } from '../organiser-audit/AuditLogPage.tsx';
import { OutboxPage } from '../organiser-outbox/OutboxPage.tsx';
import { VisaLettersPage } from '../organiser-visa-letters/VisaLettersPage.tsx';
import { MessagesPage } from '../organiser-messages/MessagesPage.tsx';
import { DelegatesPage } from './DelegatesPage.tsx';
import { pagePath } from '../app/congress-address.ts';

const organisers: CongressRole[] = ['owner', 'organiser'];
const everyone: CongressRole[] = ['owner', 'organiser', 'desk', 'floor'];
/** The organisers' screens and who works on each; the server checks the same roles on every call. */
const tabs = [
  { path: '/organiser', label: 'tours:organiser.tabs.delegates', roles: organisers },
  { path: '/organiser/tours', label: 'tours:organiser.tabs.tours', roles: organisers },
  { path: '/organiser/consultation', label: 'consultations:tab', roles: organisers },
  { path: '/organiser/matching', label: 'consultations:matrix.tab', roles: organisers },
  { path: '/organiser/floor', label: 'consultations:floor.tab', roles: [...organisers, 'floor'] },
  { path: '/organiser/programme', label: 'programme:editor.tab', roles: organisers },
  { path: '/organiser/check-in', label: 'checkIn.tab', roles: [...organisers, 'desk'] },
  { path: '/organiser/imports', label: 'imports:screen.tab', roles: organisers },
  { path: '/organiser/api', label: 'apiTokens.tab', roles: ['owner'] },
  { path: '/organiser/setup', label: 'setup.tab', roles: organisers },
  { path: '/organiser/team', label: 'team.tab', roles: organisers },
  { path: '/organiser/audit', label: 'audit.tab', roles: organisers },
  { path: '/organiser/messages', label: 'messages.tab', roles: organisers },
  { path: '/organiser/outbox', label: 'outbox.tab', roles: organisers },
  { path: '/organiser/visa-letters', label: 'visaLetters.tab', roles: organisers },
  { path: '/organiser/editions', label: 'editions.tab', roles: everyone },
] satisfies { path: string; label: string; roles: CongressRole[] }[];

/** The screens the role works on; an account that is no member here only sees its editions. */
const tabsFor = (role: CongressRole | null) => tabs.filter((tab) => (role ? tab.roles.includes(role) : tab.path === '/organiser/editions'));

/** The signed-in account's role in this congress, `undefined` while it loads. */
function useAccount(token: string | null, onSignedOut: () => void, onToken: (token: string) => void) {
  const [account, setAccount] = useState<SignedInAccount | undefined>(undefined);
  const [refusal, setRefusal] = useState<string | null>(null);
  useEffect(() => {
    setAccount(undefined);
    setRefusal(null);
    if (!token) return;
    api<SignedInAccount>('/api/auth/account', { token }).then((signedIn) => {
      // The CSRF token the server holds for this session, should the stored one be out of date.
      if (signedIn.csrfToken && signedIn.csrfToken !== token) onToken(signedIn.csrfToken);
      setAccount(signedIn);
    }, (caught: unknown) => {
      if (caught instanceof ApiRequestError && caught.status === 401) return onSignedOut();
      setRefusal((caught as Error).message);
      setAccount({ id: 0, email: '', displayName: '', role: null });
    });
  }, [token]);
  return { account, refusal };
}

/** The organisers' entrance: sign-in first, then the delegate desk, the tour desk and the bus manifests. */
export function OrganiserPage() {
  const { t } = useTranslation();
  const path = usePath();
  const [token, setToken] = useState(() => readToken('organiser'));
  const signedOut = () => {
    forgetToken('organiser');
    setToken(null);
  };
  const signedIn = (next: string) => {
    storeToken('organiser', next);
    setToken(next);
  };
  const { account, refusal } = useAccount(token, signedOut, signedIn);
  // On a phone the screens are one line that scrolls sideways; the current one is brought into view.
  const tabStrip = useRef<HTMLElement>(null);
  useEffect(() => {
    const strip = tabStrip.current;
    const current = strip?.querySelector<HTMLElement>('[aria-current=page]');
    if (strip && current) strip.scrollLeft = current.offsetLeft - (strip.clientWidth - current.offsetWidth) / 2;
  }, [path, account]);
  if (!token) {
    return (
      <LoginPage onSignedIn={signedIn} />
    );
  }
  const signOut = () => {
    void api('/api/auth/logout', { method: 'POST', token }).catch(() => undefined);
    signedOut();
  };
  if (!account) return null;
  const allowed = tabsFor(account.role);
  const bus = path.match(/^\/organiser\/buses\/(\d+)$/);
  // A screen outside the role leads to the role's first one (desk staff land on check-in).
  const onAllowedScreen = bus ? account.role !== 'desk' && account.role !== null : allowed.some((tab) => tab.path === path);
  if (!onAllowedScreen) {
    queueMicrotask(() => navigate(allowed[0]!.path, { replace: true }));
    return null;
  }
  const nav = (
    <nav class="page page--wide tabs no-print" ref={tabStrip} aria-label={t('nav.organiserScreens')}>
      {allowed.map((tab) => (
        <a
          key={tab.path}
          href={pagePath(tab.path)}
          aria-current={path === tab.path ? 'page' : undefined}
          onClick={(event) => {
            event.preventDefault();
            navigate(tab.path);
          }}
        >
          {t(tab.label)}
        </a>
      ))}
    </nav>
  );
  if (path === '/organiser') {
    return (
      <>
        {nav}
        <DelegatesPage token={token} onSignOut={signOut} />
      </>
    );
  }
  return (
    <>
      {nav}
      <main class="page page--wide">
        {refusal && (
          <p class="alert" role="alert">
            {refusal}
          </p>
        )}
        {bus ? (
          <BusManifestPage token={token} busId={Number(bus[1])} onSignOut={signOut} />
        ) : path === '/organiser/consultation' ? (
          <ConsultationPage token={token} onSignOut={signOut} />
        ) : path === '/organiser/matching' ? (
          <MatchingPage token={token} onSignOut={signOut} />
        ) : path === '/organiser/programme' ? (
          <ProgrammeEditorPage token={token} onSignOut={signOut} />
        ) : path === '/organiser/check-in' ? (
          <CheckInPage token={token} onSignOut={signOut} />
        ) : path === '/organiser/floor' ? (
          <FloorBoardPage token={token} onSignOut={signOut} />
        ) : path === '/organiser/imports' ? (
          <ImportsPage token={token} onSignOut={signOut} />
        ) : path === '/organiser/api' ? (
          <ApiTokensPage token={token} onSignOut={signOut} />
        ) : path === '/organiser/team' ? (
          <TeamPage token={token} onSignOut={signOut} />
        ) : path === '/organiser/setup' ? (
          <SetupPage token={token} />
        ) : path === '/organiser/editions' ? (
          <EditionsPage token={token} canCreate={account.role === 'owner' || account.role === 'organiser'} onSignOut={signOut} />
        ) : path === '/organiser/audit' ? (
          <AuditLogPage token={token} onSignOut={signOut} />
        ) : path === '/organiser/outbox' ? (
          <OutboxPage token={token} onSignOut={signOut} />
        ) : path === '/organiser/messages' ? (
          <MessagesPage token={token} onSignOut={signOut} />
        ) : path === '/organiser/visa-letters' ? (
          <VisaLettersPage token={token} onSignOut={signOut} />
        ) : (
          <ToursPage token={token} onSignOut={signOut} />
        )}
      </main>
    </>
  );
}
