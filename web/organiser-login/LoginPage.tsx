import { useState } from 'preact/hooks';
import { api } from '../app/api.ts';
import { useTranslation } from '../app/i18n.ts';
import { useFormErrors } from '../app/use-form-errors.ts';
import { Field } from '../components/Field.tsx';
import { ForgotPasswordForm } from './ForgotPasswordForm.tsx';

export function LoginPage({ onSignedIn }: { onSignedIn: (token: string) => void }) {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [forgotten, setForgotten] = useState(false);
  const { errors, general, clear, show } = useFormErrors(['email', 'password']);
  const submit = async (event: Event) => {
    event.preventDefault();
    clear();
    try {
      const { csrfToken } = await api<{ csrfToken: string }>('/api/auth/login', { method: 'POST', body: { email, password, session: 'cookie' } });
      onSignedIn(csrfToken);
    } catch (error) {
      show(error);
    }
  };
  if (forgotten) {
    return (
      <main class="page page--narrow">
        <ForgotPasswordForm email={email} onBack={() => setForgotten(false)} />
      </main>
    );
  }
  return (
    <main class="page page--narrow">
      <form class="card" onSubmit={submit} noValidate data-testid="login-form">
        <h2>{t('login.heading')}</h2>
        {general && <p class="alert" role="alert">{general}</p>}
        <Field name="email" error={errors.email}>
          <input id="field-email" name="email" type="email" autoComplete="username" value={email} onInput={(e) => setEmail(e.currentTarget.value)} />
        </Field>
        <Field name="password" error={errors.password}>
          <input id="field-password" name="password" type="password" autoComplete="current-password" value={password} onInput={(e) => setPassword(e.currentTarget.value)} />
        </Field>
        <p class="toolbar">
          <button type="submit">{t('login.submit')}</button>
          <button type="button" class="link-button" onClick={() => setForgotten(true)}>
            {t('login.forgot')}
          </button>
        </p>
      </form>
    </main>
  );
}
