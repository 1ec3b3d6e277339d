import { useEffect, useState } from 'preact/hooks';
import type { CongressRole, InvitationCreated, TeamList } from '../../shared/team-schema.ts';
import { api, ApiRequestError } from '../app/api.ts';
import { pagePath } from '../app/congress-address.ts';
import { formatEventDateTime } from '../app/event-zone.ts';
import { useTranslation } from '../app/i18n.ts';
import { useFormErrors } from '../app/use-form-errors.ts';
import { Field } from '../components/Field.tsx';

/** The roles a member may hand out: only an owner names owners. */
const grantableBy = (role: CongressRole | undefined): CongressRole[] => (role === 'owner' ? ['desk', 'floor', 'organiser', 'owner'] : ['desk', 'floor', 'organiser']);

function RoleOptions({ roles }: { roles: CongressRole[] }) {
  const { t } = useTranslation();
  return (
    <>
      {roles.map((role) => (
        <option key={role} value={role}>
          {t(`team.roles.${role}`)}
        </option>
      ))}
    </>
  );
}

function InviteForm({ token, grantable, onInvited }: { token: string; grantable: CongressRole[]; onInvited: () => void }) {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<CongressRole>('desk');
  const [link, setLink] = useState<{ email: string; url: string; mailed: boolean } | null>(null);
  const { errors, general, clear, show } = useFormErrors(['email', 'role']);
  const submit = async (event: Event) => {
    event.preventDefault();
    clear();
    try {
      const made = await api<InvitationCreated>('/api/accounts/invitations', { method: 'POST', token, body: { email, role } });
      setLink({ email, url: `${location.origin}${pagePath('/join')}#invite=${encodeURIComponent(made.token)}`, mailed: made.mailed });
      setEmail('');
      onInvited();
    } catch (error) {
      show(error);
    }
  };
  return (
    <form class="card" onSubmit={submit} noValidate data-testid="invite-form">
      <h3>{t('team.inviteTitle')}</h3>
      {general && (
        <p class="field__error" role="alert">
          {general}
        </p>
      )}
      <div class="field-row">
        <Field name="email" error={errors.email}>
          <input id="field-email" type="email" value={email} required aria-invalid={errors.email ? 'true' : undefined} aria-describedby={errors.email ? 'error-email' : undefined} onInput={(event) => setEmail(event.currentTarget.value)} />
        </Field>
        <Field name="role" error={errors.role}>
          <select id="field-role" value={role} onChange={(event) => setRole(event.currentTarget.value as CongressRole)}>
            <RoleOptions roles={grantable} />
          </select>
        </Field>
      </div>
      <button type="submit">{t('team.invite')}</button>
      {link && (
        <p class="notice" role="status">
          {t(link.mailed ? 'team.inviteMailed' : 'team.inviteLink', { email: link.email })} <code data-testid="invite-link">{link.url}</code>
        </p>
      )}
    </form>
  );
}

function PasswordForm({ token }: { token: string }) {
  const { t } = useTranslation();
  const [form, setForm] = useState({ currentPassword: '', newPassword: '' });
  const [done, setDone] = useState(false);
  const { errors, general, clear, show } = useFormErrors(['currentPassword', 'newPassword']);
  const submit = async (event: Event) => {
    event.preventDefault();
    clear();
    setDone(false);
    try {
      await api('/api/auth/password', { method: 'POST', token, body: form });
      setForm({ currentPassword: '', newPassword: '' });
      setDone(true);
    } catch (error) {
      show(error);
    }
  };
  return (
    <form class="card" onSubmit={submit} noValidate>
      <h3>{t('team.passwordTitle')}</h3>
      {general && (
        <p class="field__error" role="alert">
          {general}
        </p>
      )}
      <div class="field-row">
        {(['currentPassword', 'newPassword'] as const).map((key) => (
          <Field key={key} name={key} error={errors[key]} {...(key === 'newPassword' ? { hint: t('team.passwordHint') } : {})}>
            <input
              id={`field-${key}`}
              type="password"
              autocomplete={key === 'newPassword' ? 'new-password' : 'current-password'}
              value={form[key]}
              aria-invalid={errors[key] ? 'true' : undefined}
              aria-describedby={errors[key] ? `error-${key}` : undefined}
              onInput={(event) => setForm({ ...form, [key]: event.currentTarget.value })}
            />
          </Field>
        ))}
      </div>
      <button type="submit">{t('team.changePassword')}</button>
      {done && (
        <p class="notice" role="status">
          {t('team.passwordChanged')}
        </p>
      )}
    </form>
  );
}

/** The people who run the congress: who they are and their roles, invitations, disabling, and the own password. */
export function TeamPage({ token, onSignOut }: { token: string; onSignOut: () => void }) {
  const { t, language } = useTranslation();
  const [team, setTeam] = useState<TeamList | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = () =>
    api<TeamList>('/api/accounts', { token }).then(setTeam, (caught: unknown) => {
      if (caught instanceof ApiRequestError && caught.status === 401) onSignOut();
      setError((caught as Error).message);
    });
  useEffect(() => void load(), [token]);
  const change = async (id: number, patch: { disabled?: boolean; role?: CongressRole }) => {
    setError(null);
    try {
      await api(`/api/accounts/${id}`, { method: 'PATCH', token, body: patch });
      await load();
    } catch (caught) {
      setError((caught as Error).message);
    }
  };
  const yourRole = team?.accounts.find((account) => account.id === team.you)?.role;
  const grantable = grantableBy(yourRole);
  return (
    <section data-testid="team-page">
      <h2>{t('team.title')}</h2>
      <p class="muted">{t('team.intro')}</p>
      {error && (
        <p class="field__error" role="alert">
          {error}
        </p>
      )}
      {team && (
        <div class="card table-scroll">
          <table class="listing" data-testid="team">
            <tbody>
              {team.accounts.map((account) => (
                <tr key={account.id} data-account={account.email}>
                  <td>
                    <strong>{account.displayName}</strong> <span class="muted small">{account.email}</span>
                  </td>
                  <td>
                    {/* Nobody changes their own role, and only an owner changes an owner's. */}
                    {account.id === team.you || !grantable.includes(account.role) ? (
                      t(`team.roles.${account.role}`)
                    ) : (
                      <select aria-label={t('team.roleOf', { name: account.displayName })} value={account.role} onChange={(event) => void change(account.id, { role: event.currentTarget.value as CongressRole })}>
                        <RoleOptions roles={grantable} />
                      </select>
                    )}
                    {account.disabled && <span class="badge badge--cancelled"> {t('team.disabled')}</span>}
                  </td>
                  <td>
                    {account.id === team.you ? (
                      <span class="muted">{t('team.you')}</span>
                    ) : grantable.includes(account.role) ? (
                      <button type="button" class="secondary" onClick={() => void change(account.id, { disabled: !account.disabled })}>
                        {account.disabled ? t('team.enable') : t('team.disable')}
                      </button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {team.invitations.length > 0 && (
            <>
              <h3>{t('team.pending')}</h3>
              <ul>
                {team.invitations.map((invitation) => (
                  <li key={invitation.id}>
                    {invitation.email} · {t(`team.roles.${invitation.role}`)} · {t('team.expires', { when: formatEventDateTime(invitation.expiresAt, language) })}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
      <InviteForm token={token} grantable={grantable} onInvited={() => void load()} />
      <PasswordForm token={token} />
    </section>
  );
}
