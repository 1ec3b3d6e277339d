import QRCode from 'qrcode';
import { useEffect, useState } from 'preact/hooks';
import type { MyBadge } from '../../shared/check-in-schema.ts';
import { formatEventDateTime } from '../app/event-zone.ts';
import { api, downloadFile } from '../app/api.ts';
import { useTranslation } from '../app/i18n.ts';

/**
 * A confirmed delegate's badge: the check-in QR code to show on the phone at the door (the desks' cameras read
 * screens as well as paper), the badge to print, and whether they are already checked in.
 */
export function MyBadgeSection({ token }: { token: string }) {
  const { t, language } = useTranslation();
  const [badge, setBadge] = useState<MyBadge | null>(null);
  const [picture, setPicture] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    void api<MyBadge>('/api/me/badge', { token }).then(async (mine) => {
      setBadge(mine);
      setPicture(await QRCode.toString(mine.badgeCode, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }));
    }, () => setBadge(null));
  }, [token]);
  if (!badge) return null;

  const print = async () => {
    setProblem(null);
    try {
      await downloadFile('/api/me/badge.pdf', 'badge.pdf', { token });
    } catch (error) {
      setProblem((error as Error).message);
    }
  };
  return (
    <section class="card" data-testid="my-badge">
      <h2>{t('myBadge.heading')}</h2>
      {/* The SVG is the QR library's drawing of the delegate's own code. */}
      <div class="badge-qr" data-testid="badge-qr" role="img" aria-label={t('myBadge.qrLabel')} dangerouslySetInnerHTML={{ __html: picture }} />
      <p>{badge.checkedInAt ? t('myBadge.checkedIn', { when: formatEventDateTime(badge.checkedInAt, language) }) : t('myBadge.hint')}</p>
      {problem && <p class="alert" role="alert">{problem}</p>}
      <button type="button" class="secondary no-print" onClick={() => void print()}>
        {t('myBadge.print')}
      </button>
    </section>
  );
}
