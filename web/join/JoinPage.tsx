import { useState } from 'preact/hooks';
import { api } from '../app/api.ts';
import { useTranslation } from '../app/i18n.ts';
import { navigate } from '../app/router.ts';
import { storeToken } from '../app/session.ts';
import { useFormErrors } from '../app/use-form-errors.ts';
import { Field } from '../components/Field.tsx';

/** The one-time invitation link lands here: the invited person picks their name and password and is signed in. */
export function JoinPage() {
  const { t } = useTranslation();
  const [invitation] = useState(() => decodeURIComponent(location.hash.match(/invite=([^&]+)/)?.[1] ?? ''));
  const [form, setForm] = useState({ displayName: '', password: '' });
  const { errors, general, clear, show } = useFormErrors(['displayName', 'password']);
  const submit = async (event: Event) => {
    event.preventDefault();
    clear();
    try {
      const answer = await api<{ token: string; account: { role: string } }>('/api/auth/invitations/accept', { method: 'POST', body: { token: invitation, ...form } });
      storeToken('organiser', answer.token);
      history.replaceState(null, '', location.pathname);
      // Staff work the desks; the delegate desk is the organisers'.
      navigate(answer.account.role === 'staff' ? '/organiser/check-in' : '/organiser');
    } catch (error) {
      show(error);
    }
  };
  return (
    <main class="page">
      <form class="card" onSubmit={submit} noValidate data-testid="join-form">
        <h2>{t('join.title')}</h2>
        <p>{invitation ? t('join.intro') : t('join.missing')}</p>
        {general && (
          <p class="field__error" role="alert">
            {general}
          </p>
        )}
        {invitation && (
          <>
            <Field name="displayName" error={errors.displayName}>
              <input id="field-displayName" value={form.displayName} autocomplete="name" aria-invalid={errors.displayName ? 'true' : undefined} onInput={(event) => setForm({ ...form, displayName: event.currentTarget.value })} />
            </Field>
            <Field name="password" error={errors.password} hint={t('team.passwordHint')}>
              <input id="field-password" type="password" autocomplete="new-password" value={form.password} aria-invalid={errors.password ? 'true' : undefined} onInput={(event) => setForm({ ...form, password: event.currentTarget.value })} />
            </Field>
            <button type="submit">{t('join.submit')}</button>
          </>
        )}
      </form>
    </main>
  );
}
