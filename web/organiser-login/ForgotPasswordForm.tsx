import { useState } from 'preact/hooks';
import { api } from '../app/api.ts';
import { useTranslation } from '../app/i18n.ts';
import { useFormErrors } from '../app/use-form-errors.ts';
import { Field } from '../components/Field.tsx';

/** "Forgot your password?": the address gets a one-time link; the answer is the same whether or not it has an account. */
export function ForgotPasswordForm({ email: given, onBack }: { email: string; onBack: () => void }) {
  const { t } = useTranslation();
  const [email, setEmail] = useState(given);
  const [sent, setSent] = useState(false);
  const { errors, general, clear, show } = useFormErrors(['email']);
  const submit = async (event: Event) => {
    event.preventDefault();
    clear();
    setSent(false);
    try {
      await api('/api/auth/password-reset', { method: 'POST', body: { email: email.trim() } });
      setSent(true);
    } catch (error) {
      show(error);
    }
  };
  return (
    <form class="card" onSubmit={(event) => void submit(event)} noValidate data-testid="forgot-password-form">
      <h2>{t('login.forgot')}</h2>
      <p class="muted">{t('login.forgotIntro')}</p>
      {general && (
        <p class="alert" role="alert">
          {general}
        </p>
      )}
      <Field name="email" error={errors.email}>
        <input id="field-email" name="email" type="email" autoComplete="username" value={email} onInput={(event) => setEmail(event.currentTarget.value)} />
      </Field>
      {sent && (
        <p class="notice" role="status" data-testid="reset-sent">
          {t('login.resetSent')}
        </p>
      )}
      <p class="toolbar">
        <button type="submit">{t('login.sendReset')}</button>
        <button type="button" class="secondary" onClick={onBack}>
          {t('login.backToSignIn')}
        </button>
      </p>
    </form>
  );
}
