import { formatCalendarDate, formatCalendarRange } from '../../shared/event-time.ts';
import { useEffect, useState } from 'preact/hooks';
import { countryName } from '../../shared/countries.ts';
import { inReaderLanguage } from '../../shared/localized-text.ts';
import type { VisaLetterVerification } from '../../shared/visa-letter-schema.ts';
import { api, ApiRequestError } from '../app/api.ts';
import { useTranslation } from '../app/i18n.ts';
import { navigate } from '../app/router.ts';

/** The code as the address carries it; a malformed escape is kept as typed, and the server then finds nothing. */
function readable(addressed: string): string {
  try {
    return decodeURIComponent(addressed);
  } catch {
    return addressed;
  }
}

/**
 * `/verify/<code>`: what a consulate sees when it checks a visa invitation letter: the holder, their nationality, the
 * congress and the issue date, and whether the letter still stands. Without a code (or a wrong one) it asks for it.
 */
export function VerifyPage({ addressed }: { addressed: string }) {
  const code = readable(addressed);
  const { t, language } = useTranslation();
  const [result, setResult] = useState<VisaLetterVerification | 'unknown' | null>(null);
  const [typed, setTyped] = useState(code);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    setResult(null);
    setProblem(null);
    setTyped(code);
    if (!code) return;
    api<VisaLetterVerification>(`/api/verify/${encodeURIComponent(code)}`).then(setResult, (error: unknown) => {
      if (error instanceof ApiRequestError && error.status === 404) setResult('unknown');
      else setProblem((error as Error).message);
    });
  }, [code]);
  const check = (event: Event) => {
    event.preventDefault();
    if (typed.trim()) navigate(`/verify/${encodeURIComponent(typed.trim())}`);
  };
  return (
    <main class="page" data-testid="verify-page">
      <h1>{t('verify.title')}</h1>
      <p class="muted">{t('verify.intro')}</p>
      {result && result !== 'unknown' && (
        <section class={`card verify-result${result.revoked ? ' verify-result--revoked' : ''}`} data-testid="verify-result" data-revoked={String(result.revoked)} aria-live="polite">
          <h2>{result.revoked ? t('verify.revoked') : t('verify.valid')}</h2>
          <dl class="facts">
            <dt>{t('verify.holder')}</dt>
            <dd lang="en">{result.holderName}</dd>
            <dt>{t('fields:nationality')}</dt>
            <dd>{countryName(result.nationality, language)}</dd>
            <dt>{t('verify.congress')}</dt>
            <dd>{inReaderLanguage(result.congress, language, result.congressLanguages)}</dd>
            <dt>{t('verify.when')}</dt>
            <dd>
              {formatCalendarRange(result.startsOn, result.endsOn, language)} · {inReaderLanguage(result.city, language, result.congressLanguages)}
            </dd>
            <dt>{t('verify.issuedOn')}</dt>
            <dd>{formatCalendarDate(result.issuedOn, language)}</dd>
          </dl>
          <p class="small muted">{t('verify.compare')}</p>
        </section>
      )}
      {result === 'unknown' && (
        <p class="alert" role="alert" data-testid="verify-unknown">
          {t('verify.unknown')}
        </p>
      )}
      {problem && (
        <p class="field__error" role="alert">
          {problem}
        </p>
      )}
      <form class="card" onSubmit={check} noValidate>
        <label for="verify-code">{t('verify.codeLabel')}</label>
        <p class="toolbar">
          <input id="verify-code" value={typed} autocomplete="off" spellcheck={false} maxLength={40} placeholder="XXXX-XXXX-XXXX-XXXX" onInput={(event) => setTyped(event.currentTarget.value)} />
          <button type="submit">{t('verify.check')}</button>
        </p>
      </form>
    </main>
  );
}
