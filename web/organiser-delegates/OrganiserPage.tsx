import { useState } from 'preact/hooks';
import { api } from '../app/api.ts';
import { forgetToken, readToken, storeToken } from '../app/session.ts';
import { LoginPage } from '../organiser-login/LoginPage.tsx';
import { DelegatesPage } from './DelegatesPage.tsx';

/** The organisers' entrance: sign-in first, then the delegate desk. */
export function OrganiserPage() {
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
  return <DelegatesPage token={token} onSignOut={signOut} />;
}
