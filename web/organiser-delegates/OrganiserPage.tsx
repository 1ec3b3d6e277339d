import { useState } from 'preact/hooks';
import { api } from '../app/api.ts';
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
import { DelegatesPage } from './DelegatesPage.tsx';
import { pagePath } from '../app/congress-address.ts';

const tabs = [
  { path: '/organiser', label: 'tours:organiser.tabs.delegates' },
  { path: '/organiser/tours', label: 'tours:organiser.tabs.tours' },
  { path: '/organiser/consultation', label: 'consultations:tab' },
  { path: '/organiser/matching', label: 'consultations:matrix.tab' },
  { path: '/organiser/floor', label: 'consultations:floor.tab' },
  { path: '/organiser/programme', label: 'programme:editor.tab' },
  { path: '/organiser/check-in', label: 'checkIn.tab' },
  { path: '/organiser/imports', label: 'imports:screen.tab' },
  { path: '/organiser/api', label: 'apiTokens.tab' },
  { path: '/organiser/setup', label: 'setup.tab' },
  { path: '/organiser/team', label: 'team.tab' },
  { path: '/organiser/editions', label: 'editions.tab' },
] as const;

/** The organisers' entrance: sign-in first, then the delegate desk, the tour desk and the bus manifests. */
export function OrganiserPage() {
  const { t } = useTranslation();
  const path = usePath();
  const [token, setToken] = useState(() => readToken('organiser'));
  if (!token) {
    return (
      <LoginPage
        onSignedIn={(next) => {
          storeToken('organiser', next);
          setToken(next);
        }}
      />
    );
  }
  const signOut = () => {
    void api('/api/auth/logout', { method: 'POST', token }).catch(() => undefined);
    forgetToken('organiser');
    setToken(null);
  };
  const bus = path.match(/^\/organiser\/buses\/(\d+)$/);
  const nav = (
    <nav class="page page--wide tabs no-print">
      {tabs.map((tab) => (
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
          <EditionsPage token={token} onSignOut={signOut} />
        ) : (
          <ToursPage token={token} onSignOut={signOut} />
        )}
      </main>
    </>
  );
}
