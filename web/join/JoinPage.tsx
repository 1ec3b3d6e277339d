import { useEffect, useState } from 'preact/hooks';
import type { InvitationDetails, SignedInAccount } from '../../shared/team-schema.ts';
import { inReaderLanguage } from '../../shared/localized-text.ts';
import { api } from '../app/api.ts';
import { useTranslation } from '../app/i18n.ts';
import { navigate } from '../app/router.ts';
import { storeToken } from '../app/session.ts';
import { useFormErrors } from '../app/use-form-errors.ts';
import { Field } from '../components/Field.tsx';

/**
 * The one-time invitation link lands here. A newcomer picks their name and password; a person who already has an
 * account (of another congress) gives its password. Either way they are signed in to the inviting congress.
 */
export function JoinPage() {
  const { t, language } = useTranslation();
  const [invitation] = useState(() => decodeURIComponent(location.hash.match(/invite=([^&]+)/)?.[1] ?? ''));
  const [details, setDetails] = useState<InvitationDetails | null>(null);
  const [form, setForm] = useState({ displayName: '', password: '' });
  const { errors, general, clear, show } = useFormErrors(['displayName', 'password']);
  useEffect(() => {
    if (invitation) api<InvitationDetails>('/api/auth/invitations/lookup', { method: 'POST', body: { token: invitation } }).then(setDetails, show);
  }, [invitation]);
  const submit = async (event: Event) => {
    event.preventDefault();
    clear();
    try {
      const body = { ...(details?.accountExists ? { token: invitation, password: form.password } : { token: invitation, ...form }), session: 'cookie' };
      const answer = await api<{ csrfToken: string; account: SignedInAccount }>('/api/auth/invitations/accept', { method: 'POST', body });
      storeToken('organiser', answer.csrfToken);
      history.replaceState(null, '', location.pathname);
      // The organisers' area opens on the first screen of the person's role.
      navigate('/organiser');
    } catch (error) {
      show(error);
    }
  };
  const existing = details?.accountExists === true;
  const about = details && { congress: inReaderLanguage(details.congress, language), role: t(`team.roles.${details.role}`), email: details.email };
  return (
    <main class="page">
      <form class="card" onSubmit={submit} noValidate data-testid="join-form">
        <h2>{t('join.title')}</h2>
        {!invitation && <p>{t('join.missing')}</p>}
        {about && <p>{existing ? t('join.existing', about) : t('join.intro', about)}</p>}
        {general && (
          <p class="field__error" role="alert">
            {general}
          </p>
        )}
        {details && (
          <>
            {!existing && (
              <Field name="displayName" error={errors.displayName}>
                <input id="field-displayName" value={form.displayName} autocomplete="name" aria-invalid={errors.displayName ? 'true' : undefined} onInput={(event) => setForm({ ...form, displayName: event.currentTarget.value })} />
              </Field>
            )}
            <Field name="password" error={errors.password} {...(existing ? {} : { hint: t('team.passwordHint') })}>
              <input
                id="field-password"
                type="password"
                autocomplete={existing ? 'current-password' : 'new-password'}
                value={form.password}
                aria-invalid={errors.password ? 'true' : undefined}
                onInput={(event) => setForm({ ...form, password: event.currentTarget.value })}
              />
            </Field>
            <button type="submit">{existing ? t('join.submitExisting') : t('join.submit')}</button>
          </>
        )}
      </form>
    </main>
  );
}
