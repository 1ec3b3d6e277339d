import { useState } from 'preact/hooks';
import { api, downloadFile } from '../app/api.ts';
import { eventCongressSlug } from '../app/event-zone.ts';
import { useTranslation } from '../app/i18n.ts';
import { forgetToken } from '../app/session.ts';

/**
 * A delegate's rights over their data: download everything stored about them, or erase it. Erasing cannot be undone,
 * so it asks twice; afterwards the page forgets the personal link, which no longer opens anything.
 */
export function MyDataSection({ token, onErased }: { token: string; onErased: () => void }) {
  const { t } = useTranslation();
  const [problem, setProblem] = useState<string | null>(null);
  const download = async () => {
    setProblem(null);
    try {
      await downloadFile('/api/me/export', `my-data-${eventCongressSlug() ?? 'congress'}.json`, { token });
    } catch (error) {
      setProblem((error as Error).message);
    }
  };
  const erase = async () => {
    if (!confirm(t('me.eraseConfirm')) || !confirm(t('me.eraseConfirmAgain'))) return;
    setProblem(null);
    try {
      await api('/api/me?erase=true', { method: 'DELETE', token });
      forgetToken('delegate');
      onErased();
    } catch (error) {
      setProblem((error as Error).message);
    }
  };
  return (
    <section class="card no-print" data-testid="my-data">
      <h2>{t('me.dataTitle')}</h2>
      <p class="muted">{t('me.dataIntro')}</p>
      <p class="toolbar">
        <button type="button" class="secondary" onClick={() => void download()}>
          {t('me.downloadData')}
        </button>
        <button type="button" class="danger" onClick={() => void erase()}>
          {t('me.eraseData')}
        </button>
      </p>
      {problem && (
        <p class="field__error" role="alert">
          {problem}
        </p>
      )}
    </section>
  );
}
