import { useState } from 'preact/hooks';
import { api } from '../app/api.ts';
import { pagePath } from '../app/congress-address.ts';
import { useTranslation } from '../app/i18n.ts';
import { navigate } from '../app/router.ts';
import { useFormErrors } from '../app/use-form-errors.ts';
import { Field } from '../components/Field.tsx';

/** Back to the sign-in form, where a new link can be asked for. */
function SignInLink() {
  const { t } = useTranslation();
  return (
    <a
      href={pagePath('/organiser')}
      onClick={(event) => {
        event.preventDefault();
        navigate('/organiser');
      }}
    >
      {t('login.backToSignIn')}
    </a>
  );
}

/** The one-time link of a password reset lands here: the person chooses a new password, then signs in with it. */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  const [token] = useState(() => decodeURIComponent(location.hash.match(/token=([^&]+)/)?.[1] ?? ''));
  const [password, setPassword] = useState('');
  const [done, setDone] = useState(false);
  const { errors, general, clear, show } = useFormErrors(['password', 'token']);
  const submit = async (event: Event) => {
    event.preventDefault();
    clear();
    try {
      await api('/api/auth/password-reset/confirm', { method: 'POST', body: { token, password } });
      // The link is spent: it leaves the address bar and the history.
      history.replaceState(null, '', location.pathname);
      setDone(true);
    } catch (error) {
      show(error);
    }
  };
  return (
    <main class="page page--narrow">
      {done ? (
        <section class="card" data-testid="password-set">
          <h2>{t('login.newPasswordTitle')}</h2>
          <p role="status">{t('login.passwordSet')}</p>
          <p>
            <SignInLink />
          </p>
        </section>
      ) : (
        <form class="card" onSubmit={(event) => void submit(event)} noValidate data-testid="reset-password-form">
          <h2>{t('login.newPasswordTitle')}</h2>
          {general && (
            <p class="alert" role="alert">
              {general}
            </p>
          )}
          {errors.token && (
            <p class="alert" role="alert" data-testid="reset-link-gone">
              {t('login.resetLinkGone')}{' '}
              <SignInLink />
            </p>
          )}
          <Field name="password" error={errors.password} hint={t('login.newPasswordHint')}>
            <input id="field-password" name="password" type="password" autoComplete="new-password" minLength={12} value={password} onInput={(event) => setPassword(event.currentTarget.value)} />
          </Field>
          <button type="submit">{t('login.setPassword')}</button>
        </form>
      )}
    </main>
  );
}
