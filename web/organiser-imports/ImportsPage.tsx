import { useState } from 'preact/hooks';
import { importKinds, xlsxContentType, type ImportKind, type ImportResult } from '../../shared/import-schema.ts';
import { api, ApiRequestError, downloadFile } from '../app/api.ts';
import { useTranslation } from '../app/i18n.ts';
import { Field } from '../components/Field.tsx';

/** The content type to send: the browser's guess, else the file's extension; the server checks the content anyway. */
function spreadsheetType(file: File): string {
  if (file.type === 'text/csv' || file.type === xlsxContentType) return file.type;
  if (/\.csv$/i.test(file.name)) return 'text/csv';
  if (/\.xlsx$/i.test(file.name)) return xlsxContentType;
  return 'application/octet-stream';
}

type Step = { phase: 'idle' } | { phase: 'busy'; dryRun: boolean } | { phase: 'checked'; result: ImportResult } | { phase: 'done'; result: ImportResult };

/** Spreadsheets in: choose what the file holds, check it (a dry run that lists every problem), then import it. */
export function ImportsPage({ token, onSignOut }: { token: string; onSignOut: () => void }) {
  const { t, language } = useTranslation();
  const [kind, setKind] = useState<ImportKind>('delegates');
  const [file, setFile] = useState<File | null>(null);
  const [step, setStep] = useState<Step>({ phase: 'idle' });
  const [fileError, setFileError] = useState<string | undefined>();

  const reset = () => {
    setStep({ phase: 'idle' });
    setFileError(undefined);
  };

  const send = async (dryRun: boolean) => {
    if (!file) {
      setFileError(t('imports:screen.noFile'));
      return;
    }
    setFileError(undefined);
    setStep({ phase: 'busy', dryRun });
    try {
      const result = await api<ImportResult>(`/api/imports/${kind}${dryRun ? '?dryRun=1' : ''}`, {
        method: 'POST',
        token,
        file: { content: file, type: spreadsheetType(file) },
        answeredStatuses: [422],
      });
      setStep({ phase: dryRun || result.errors.length ? 'checked' : 'done', result });
    } catch (error) {
      if (error instanceof ApiRequestError && error.status === 401) onSignOut();
      setFileError((error as Error).message);
      setStep({ phase: 'idle' });
    }
  };

  const result = step.phase === 'checked' || step.phase === 'done' ? step.result : null;
  const problems = result ? result.errors.length + result.moreErrors : 0;
  return (
    <section class="imports">
      <h2>{t('imports:screen.title')}</h2>
      <p class="muted">{t('imports:screen.intro')}</p>
      <form
        class="card"
        onSubmit={(event) => {
          event.preventDefault();
          void send(true);
        }}
      >
        <div class="field-row">
          <div class="field">
            <label for="import-kind">{t('imports:screen.kind')}</label>
            <select
              id="import-kind"
              value={kind}
              onChange={(event) => {
                setKind(event.currentTarget.value as ImportKind);
                reset();
              }}
            >
              {importKinds.map((option) => (
                <option key={option} value={option}>
                  {t(`imports:kinds.${option}`)}
                </option>
              ))}
            </select>
            <p class="field__hint">
              <button type="button" class="link" onClick={() => void downloadFile(`/api/imports/${kind}/template?lang=${language}`, `${kind}-template.xlsx`, { token })}>
                {t('imports:screen.template')}
              </button>
            </p>
          </div>
          <Field name="file" error={fileError} hint={t('imports:screen.fileHint')}>
            <input
              id="field-file"
              type="file"
              accept={`.xlsx,.csv,text/csv,${xlsxContentType}`}
              aria-invalid={fileError ? 'true' : undefined}
              aria-describedby={fileError ? 'error-file' : undefined}
              onChange={(event) => {
                setFile(event.currentTarget.files?.[0] ?? null);
                reset();
              }}
            />
          </Field>
        </div>
        <button type="submit" disabled={step.phase === 'busy'}>
          {step.phase === 'busy' && step.dryRun ? t('imports:screen.checking') : t('imports:screen.check')}
        </button>
      </form>

      {result && step.phase === 'done' && (
        <p class="notice" role="status">
          {t('imports:screen.done', { created: result.created, updated: result.updated })}
        </p>
      )}
      {result && step.phase === 'checked' && problems === 0 && (
        <div class="card">
          <p role="status">{result.rows === 0 ? t('imports:screen.noRows') : t('imports:screen.summary', { rows: result.rows, created: result.created, updated: result.updated })}</p>
          {result.rows > 0 && (
            <button type="button" onClick={() => void send(false)}>
              {t('imports:screen.import', { count: result.rows })}
            </button>
          )}
        </div>
      )}
      {result && problems > 0 && (
        <div class="card">
          <p class="import-errors__title" role="alert">
            {t('imports:screen.errorsTitle', { count: problems })}
          </p>
          <div class="table-scroll">
            <table class="import-errors">
              <thead>
                <tr>
                  <th scope="col">{t('imports:screen.row')}</th>
                  <th scope="col">{t('imports:screen.column')}</th>
                  <th scope="col">{t('imports:screen.problem')}</th>
                </tr>
              </thead>
              <tbody>
                {result.errors.map((error, index) => (
                  <tr key={index}>
                    <td>{error.row}</td>
                    <td>{error.column}</td>
                    <td>{error.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {result.moreErrors > 0 && <p class="muted">{t('imports:screen.moreErrors', { count: result.moreErrors })}</p>}
        </div>
      )}
    </section>
  );
}
