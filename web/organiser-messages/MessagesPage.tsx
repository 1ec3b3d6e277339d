import { useEffect, useState } from 'preact/hooks';
import { languageName, uiLanguages } from '../../shared/languages.ts';
import type { MailingDetail, MailingFilter, MailingList, MailingPreview } from '../../shared/mailing-schema.ts';
import { api, ApiRequestError } from '../app/api.ts';
import { eventLanguages, formatEventDateTime } from '../app/event-zone.ts';
import { useTranslation } from '../app/i18n.ts';
import { useFormErrors } from '../app/use-form-errors.ts';
import { ChipPicker } from '../components/ChipPicker.tsx';
import { Pager } from '../components/Pager.tsx';
import { filledTexts, TextMapInputs, type TextDraft } from '../components/TextMapInputs.tsx';
import { inReaderLanguage, type LocalizedText } from '../../shared/localized-text.ts';
import { RecipientFilter } from './RecipientFilter.tsx';

const pageSize = 50;
const deliveryStatuses = ['queued', 'sending', 'sent', 'failed'] as const;
type DeliveryStatus = (typeof deliveryStatuses)[number];

/** A sent message's delivery: a bar of what has left, and each recipient's status; read again while messages are on their way. */
function Delivery({ id, token }: { id: number; token: string }) {
  const { t, language } = useTranslation();
  const [status, setStatus] = useState<DeliveryStatus | ''>('');
  const [offset, setOffset] = useState(0);
  const [detail, setDetail] = useState<MailingDetail | null>(null);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const params = new URLSearchParams({ limit: String(pageSize), offset: String(offset), ...(status ? { status } : {}) });
    api<MailingDetail>(`/api/mailings/${id}?${params}`, { token }).then(setDetail, () => setDetail(null));
  }, [id, token, status, offset, tick]);
  const moving = detail !== null && detail.sending && detail.counts.queued + detail.counts.sending > 0;
  useEffect(() => {
    if (!moving) return;
    const timer = setInterval(() => setTick((value) => value + 1), 1500);
    return () => clearInterval(timer);
  }, [moving]);
  if (!detail) return null;
  const done = detail.counts.sent + detail.counts.failed;
  return (
    <div data-testid="mailing-delivery" data-id={id}>
      <p>
        <progress max={detail.recipients} value={done} aria-label={t('messages.progress', { done, total: detail.recipients })} /> {t('messages.progress', { done, total: detail.recipients })}
      </p>
      {!detail.sending && <p class="alert small">{t('outbox.notSending')}</p>}
      <p class="toolbar" role="group" aria-label={t('outbox.filter')}>
        <button type="button" class={status === '' ? undefined : 'secondary'} aria-pressed={status === ''} onClick={() => (setOffset(0), setStatus(''))}>
          {t('outbox.all')} · {detail.recipients}
        </button>
        {deliveryStatuses.map((each) => (
          <button key={each} type="button" class={status === each ? undefined : 'secondary'} aria-pressed={status === each} onClick={() => (setOffset(0), setStatus(each))} data-status={each}>
            {t(`outbox.statuses.${each}`)} · {detail.counts[each]}
          </button>
        ))}
      </p>
      <div class="table-scroll">
        <table class="listing" data-testid="mailing-recipients">
          <thead>
            <tr>
              <th scope="col">{t('messages.recipient')}</th>
              <th scope="col">{t('outbox.to')}</th>
              <th scope="col">{t('messages.language')}</th>
              <th scope="col">{t('outbox.status')}</th>
            </tr>
          </thead>
          <tbody>
            {detail.items.map((item, index) => (
              <tr key={`${item.to}-${index}`} data-status={item.status}>
                <td>{item.name}</td>
                <td>{item.to}</td>
                <td>{languageName(item.language, language)}</td>
                <td>
                  <span class={`badge badge--${item.status}`}>{t(`outbox.statuses.${item.status}`)}</span>
                  {item.sentAt && <span class="muted small"> {formatEventDateTime(item.sentAt, language)}</span>}
                  {item.lastError && item.status !== 'sent' && <p class="small field__error">{item.lastError}</p>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pager offset={offset} shown={detail.items.length} total={detail.total} pageSize={pageSize} onOffset={setOffset} />
    </div>
  );
}

/**
 * Messages from the organisers: write a subject and a text per language with placeholders, choose the recipients by
 * name, preview the count and one rendered sample, send, and follow each recipient's delivery.
 */
export function MessagesPage({ token, onSignOut }: { token: string; onSignOut: () => void }) {
  const { t, language } = useTranslation();
  const [languages, setLanguages] = useState<string[]>(eventLanguages());
  const [subject, setSubject] = useState<TextDraft>({});
  const [body, setBody] = useState<TextDraft>({});
  const [filter, setFilter] = useState<MailingFilter>({});
  const [preview, setPreview] = useState<MailingPreview | null>(null);
  const [busy, setBusy] = useState(false);
  const [history, setHistory] = useState<MailingList | null>(null);
  const [open, setOpen] = useState<number | null>(null);
  const [tick, setTick] = useState(0);
  const { errors, general, clear, show } = useFormErrors(['subject', 'body', 'filter']);
  useEffect(() => {
    api<MailingList>('/api/mailings', { token }).then(setHistory, (error: unknown) => {
      if (error instanceof ApiRequestError && error.status === 401) onSignOut();
    });
  }, [token, tick]);
  // Any change to the message or its recipients makes the preview stale: it must be looked at again before sending.
  useEffect(() => setPreview(null), [subject, body, filter]);

  const draft = () => ({ subject: filledTexts(subject), body: filledTexts(body), filter });
  const look = async () => {
    clear();
    setBusy(true);
    try {
      setPreview(await api<MailingPreview>('/api/mailings/preview', { method: 'POST', token, body: draft() }));
    } catch (error) {
      show(error);
    } finally {
      setBusy(false);
    }
  };
  const send = async () => {
    if (!preview || !confirm(t('messages.confirmSend', { count: preview.recipients }))) return;
    clear();
    setBusy(true);
    try {
      const sent = await api<{ id: number }>('/api/mailings', { method: 'POST', token, body: draft() });
      setSubject({});
      setBody({});
      setOpen(sent.id);
      setTick((value) => value + 1);
    } catch (error) {
      show(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section data-testid="messages-page">
      <h2>{t('messages.title')}</h2>
      <p class="muted">{t('messages.intro')}</p>
      <form
        class="card"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void look();
        }}
      >
        <h3>{t('messages.write')}</h3>
        {general && (
          <p class="field__error" role="alert">
            {general}
          </p>
        )}
        <div class="field">
          <label for="message-languages">{t('messages.writtenIn')}</label>
          <ChipPicker id="message-languages" value={languages} options={uiLanguages.map((code) => ({ value: code, label: languageName(code, language) }))} onChange={setLanguages} addLabel={t('setup.addLanguage')} />
          <p class="field__hint">{t('messages.languagesHint')}</p>
        </div>
        <fieldset>
          <legend>{t('fields:subject')}</legend>
          <TextMapInputs id="field-subject" languages={languages} texts={subject} onChange={setSubject} label={(name) => t('visaLetters.inLanguage', { language: name })} error={errors.subject} maxLength={200} />
        </fieldset>
        <fieldset>
          <legend>{t('fields:bodyText')}</legend>
          <TextMapInputs id="field-body" languages={languages} texts={body} onChange={setBody} label={(name) => t('visaLetters.inLanguage', { language: name })} error={errors.body} multiline rows={8} maxLength={5000} />
          <p class="field__hint">{t('messages.placeholders')}</p>
        </fieldset>
        <h3>{t('messages.to')}</h3>
        <RecipientFilter filter={filter} onChange={setFilter} error={errors.filter} />
        <p class="toolbar">
          <button type="submit" class="secondary" disabled={busy}>
            {t('messages.preview')}
          </button>
          <button type="button" disabled={busy || !preview || preview.recipients === 0} onClick={() => void send()} data-testid="send-mailing">
            {preview ? t('messages.send', { count: preview.recipients }) : t('messages.sendAfterPreview')}
          </button>
        </p>
        {preview && (
          <div class="card preview" data-testid="mailing-preview" aria-live="polite">
            <p>
              <strong>{t('messages.reaches', { count: preview.recipients })}</strong>{' '}
              {Object.entries(preview.languages)
                .map(([code, n]) => `${languageName(code, language)} ${n}`)
                .join(' · ')}
            </p>
            {preview.sample && (
              <>
                <p class="muted small">{t('messages.sampleFor', { name: preview.sample.name, to: preview.sample.to, language: languageName(preview.sample.language, language) })}</p>
                <p lang={preview.sample.language}>
                  <strong>{preview.sample.subject}</strong>
                </p>
                <pre class="mail-sample" lang={preview.sample.language}>
                  {preview.sample.text}
                </pre>
              </>
            )}
          </div>
        )}
      </form>
      <div class="card">
        <h3>{t('messages.sent')}</h3>
        {history && history.items.length === 0 && <p class="muted">{t('messages.noneSent')}</p>}
        {history && history.items.length > 0 && (
          <ul class="plain-list" data-testid="mailings">
            {history.items.map((item) => (
              <li key={item.id}>
                <button type="button" class="link-button" aria-expanded={open === item.id} onClick={() => setOpen(open === item.id ? null : item.id)}>
                  {inReaderLanguage(item.subject as LocalizedText, language, eventLanguages())}
                </button>
                <span class="muted small">
                  {' '}
                  · {formatEventDateTime(item.createdAt, language)} · {item.createdBy} · {t('messages.deliveredOf', { sent: item.counts.sent, total: item.recipients })}
                  {item.counts.failed > 0 ? ` · ${t('outbox.statuses.failed')} ${item.counts.failed}` : ''}
                </span>
                {open === item.id && <Delivery id={item.id} token={token} />}
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
