import { useEffect, useState } from 'preact/hooks';
import type { CongressInfo } from '../../shared/congress-schema.ts';
import { api } from '../app/api.ts';
import { useTranslation } from '../app/i18n.ts';

/** Shows whether the public form takes registrations and lets an organiser open or close it. */
export function RegistrationSwitch({ token, onProblem }: { token: string; onProblem: (message: string) => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<boolean | null>(null);
  useEffect(() => {
    api<CongressInfo>('/api/congress').then((congress) => setOpen(congress.registrationOpen), (error: Error) => onProblem(error.message));
  }, []);
  if (open === null) return null;
  const toggle = async () => {
    // Closing turns people away at the door of the form: asked first. Opening is harmless.
    if (open && !confirm(t('delegates.closeConfirm'))) return;
    try {
      const congress = await api<CongressInfo>('/api/congress', { method: 'PATCH', token, body: { registrationOpen: !open } });
      setOpen(congress.registrationOpen);
    } catch (error) {
      onProblem((error as Error).message);
    }
  };
  return (
    <span class="registration-switch" data-testid="registration-switch" data-open={open}>
      <span class={`badge ${open ? 'badge--confirmed' : 'badge--cancelled'}`}>{open ? t('delegates.registrationOpen') : t('delegates.registrationClosed')}</span>
      <button type="button" class="secondary" onClick={() => void toggle()}>
        {open ? t('delegates.closeRegistration') : t('delegates.openRegistration')}
      </button>
    </span>
  );
}
