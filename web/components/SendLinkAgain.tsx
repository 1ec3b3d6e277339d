import { useState } from 'preact/hooks';
import { api } from '../app/api.ts';
import { useTranslation } from '../app/i18n.ts';
import { useFormErrors } from '../app/use-form-errors.ts';

/**
 * "Send my link again": the personal link goes to the address it was registered with. The answer is the same
 * whether or not the address is registered, so the form says only that a registered address gets the link.
 */
export function SendLinkAgain({ email: given = '', compact = false }: { email?: string; compact?: boolean }) {
  const { t } = useTranslation();
  const [email, setEmail] = useState(given);
  const [sent, setSent] = useState(false);
  const { errors, general, clear, show } = useFormErrors(['email'], 'link-again');
  const send = async (event?: Event) => {
    event?.preventDefault();
    clear();
    setSent(false);
    try {
      await api('/api/me/link', { method: 'POST', body: { email: email.trim() } });
      setSent(true);
    } catch (error) {
      show(error);
    }
  };
  const outcome = (
    <>
      {(errors.email ?? general) && (
        <p class="field__error" role="alert">
          {errors.email ?? general}
        </p>
      )}
      {sent && (
        <p class="notice" role="status">
          {t('me.linkSent', { email: email.trim() })}
        </p>
      )}
    </>
  );
  // Beside another form's email field it is a button, not a form of its own (forms do not nest).
  if (compact) {
    return (
      <div class="link-again link-again--compact" data-testid="link-again">
        <button type="button" class="secondary" onClick={() => void send()}>
          {t('me.linkAgain')}
        </button>
        {outcome}
      </div>
    );
  }
  return (
    <form class="card link-again" onSubmit={send} noValidate data-testid="link-again">
      <h2>{t('me.linkAgainTitle')}</h2>
      <p class="muted">{t('me.linkAgainIntro')}</p>
      <div class={`field${errors.email ? ' field--invalid' : ''}`}>
        <label for="link-again-email">{t('fields:email')}</label>
        <input id="link-again-email" type="email" autoComplete="email" value={email} onInput={(event) => setEmail(event.currentTarget.value)} aria-invalid={errors.email ? 'true' : undefined} />
      </div>
      <button type="submit">{t('me.linkAgain')}</button>
      {outcome}
    </form>
  );
}
