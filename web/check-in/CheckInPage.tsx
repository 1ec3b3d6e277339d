import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { CheckInCounts, CheckInResult } from '../../shared/check-in-schema.ts';
import type { CongressInfo } from '../../shared/congress-schema.ts';
import { countryName } from '../../shared/countries.ts';
import { categoryName, formatEventTime } from '../app/event-zone.ts';
import { api, downloadFile } from '../app/api.ts';
import { useTranslation } from '../app/i18n.ts';
import { useLive } from '../app/live.ts';
import { useCountryOptions } from '../components/RegistrationFields.tsx';
import { FindByName } from './FindByName.tsx';
import { cameraAvailable, createQrReader } from './qr-reader.ts';

/** A badge held in front of the camera is read many times a second; the same code counts once in this long. */
const sameBadgeMs = 5000;

/** The door: a desk scans badges (camera or typed), sees who it is or why not; arrivals are counted live. */
export function CheckInPage({ token, onSignOut }: { token: string; onSignOut: () => void }) {
  const { t, language } = useTranslation();
  const [desk, setDesk] = useState(() => localStorage.getItem('congress.desk') ?? 'desk 1');
  const [code, setCode] = useState('');
  const [result, setResult] = useState<{ ok: true; value: CheckInResult } | { ok: false; text: string } | null>(null);
  const [counts, setCounts] = useState<CheckInCounts | null>(null);
  const [category, setCategory] = useState('');
  const [country, setCountry] = useState('');
  const [categories, setCategories] = useState<string[]>([]);
  const countries = useCountryOptions(language);
  useEffect(() => void api<CongressInfo>('/api/congress').then((congress) => setCategories(congress.categories.map((entry) => entry.code))), []);
  const printBadges = async (filter: Record<string, string>) => {
    try {
      await downloadFile(`/api/badges.pdf?${new URLSearchParams({ lang: language, ...filter })}`, 'badges.pdf', { token });
    } catch (error) {
      setResult({ ok: false, text: (error as Error).message });
    }
  };
  const [scanning, setScanning] = useState(false);
  const video = useRef<HTMLVideoElement>(null);

  const loadCounts = useCallback(async () => {
    try {
      setCounts(await api<CheckInCounts>('/api/check-ins/counts', { token }));
    } catch (error) {
      if ((error as { status?: number }).status === 401) onSignOut();
    }
  }, [token]);
  useEffect(() => void loadCounts(), [loadCounts]);
  useLive(token, ['check-in'], (message) => (message ? setCounts(message.event as unknown as CheckInCounts) : void loadCounts()));

  // Every check-in, scanned, typed or found by name, is recorded at this desk and answered in the same card.
  const checkIn = async (path: string, body: object): Promise<boolean> => {
    localStorage.setItem('congress.desk', desk);
    try {
      setResult({ ok: true, value: await api<CheckInResult>(path, { method: 'POST', token, body: { ...body, desk } }) });
      return true;
    } catch (error) {
      setResult({ ok: false, text: (error as Error).message });
      return false;
    }
  };
  const submit = async (scanned: string) => {
    await checkIn('/api/check-ins', { badgeCode: scanned });
    setCode('');
  };

  // Reads the camera a few times a second; a code found is sent like a typed one, once per badge shown.
  useEffect(() => {
    if (!scanning || !video.current) return;
    let stream: MediaStream | undefined;
    let timer: ReturnType<typeof setInterval> | undefined;
    let stopped = false;
    let last = { code: '', at: 0 };
    void Promise.all([navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } }), createQrReader()]).then(([media, read]) => {
      stream = media;
      if (stopped) return media.getTracks().forEach((track) => track.stop());
      video.current!.srcObject = media;
      void video.current!.play();
      timer = setInterval(async () => {
        const found = await read(video.current!);
        if (!found || (found === last.code && Date.now() - last.at < sameBadgeMs)) return;
        last = { code: found, at: Date.now() };
        void submit(found);
      }, 300);
    }, () => setScanning(false));
    return () => {
      stopped = true;
      clearInterval(timer);
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, [scanning]);

  const clock = (iso: string) => formatEventTime(iso, language);
  return (
    <section data-testid="check-in">
      <div class="toolbar">
        <h2>{t('checkIn.heading')}</h2>
        {counts && (
          <span class="stat" data-testid="check-in-count">
            {t('checkIn.count', { checkedIn: counts.checkedIn, expected: counts.expected })}
          </span>
        )}
      </div>
      <form
        class="inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          void submit(code);
        }}
      >
        <label>
          {t('fields:desk')}
          <input name="desk" value={desk} maxLength={40} onInput={(event) => setDesk(event.currentTarget.value)} />
        </label>
        <label>
          {t('fields:badgeCode')}
          <input name="badgeCode" value={code} autoFocus autoComplete="off" maxLength={200} onInput={(event) => setCode(event.currentTarget.value)} />
        </label>
        <button type="submit">{t('checkIn.check')}</button>
        {cameraAvailable() && (
          <button type="button" class="secondary" onClick={() => setScanning(!scanning)}>
            {t(scanning ? 'checkIn.stopCamera' : 'checkIn.camera')}
          </button>
        )}
      </form>
      {scanning && <video ref={video} class="scanner" muted playsInline />}
      {result && (
        <div class={`card ${result.ok && result.value.status === 'checked-in' ? 'notice' : 'alert'}`} role="status" data-testid="check-in-result">
          {result.ok ? (
            <>
              <p>
                <strong>{result.value.delegate.name}</strong>
                {result.value.delegate.latinName && ` (${result.value.delegate.latinName})`}
                {[result.value.delegate.organisation, countryName(result.value.delegate.country, language), categoryName(result.value.delegate.category, t, language)]
                  .filter(Boolean)
                  .map((detail) => ` · ${detail}`)}
              </p>
              <p>
                {result.value.status === 'checked-in'
                  ? t('checkIn.welcome')
                  : t('checkIn.already', { time: clock(result.value.checkedInAt), desk: result.value.desk })}
              </p>
              <button type="button" class="link" onClick={() => void printBadges({ delegate: String(result.value.delegate.id) })}>
                {t('checkIn.reprint')}
              </button>
            </>
          ) : (
            <p>{result.text}</p>
          )}
        </div>
      )}
      <FindByName token={token} onCheckIn={(delegate) => checkIn('/api/check-ins/by-name', { delegate })} />
      <div class="toolbar">
        <select value={category} onChange={(event) => setCategory(event.currentTarget.value)} aria-label={t('fields:category')}>
          <option value="">{t('checkIn.allCategories')}</option>
          {categories.map((code) => (
            <option key={code} value={code}>
              {categoryName(code, t, language)}
            </option>
          ))}
        </select>
        <select value={country} onChange={(event) => setCountry(event.currentTarget.value)} aria-label={t('fields:country')} data-testid="badge-country">
          <option value="">{t('checkIn.allCountries')}</option>
          {countries.map(({ code, name }) => (
            <option key={code} value={code}>
              {name}
            </option>
          ))}
        </select>
        <button type="button" class="secondary" onClick={() => void printBadges({ ...(category && { category }), ...(country && { country }) })}>
          {t('checkIn.badges')}
        </button>
      </div>
    </section>
  );
}
