import type { ComponentChildren } from 'preact';
import { useTranslation } from '../app/i18n.ts';

/** A refusal shown where it happened, read out when it appears; nothing when there is none. */
export function Refusal({ text }: { text: string | null | undefined }) {
  return text ? (
    <p class="field__error" role="alert">
      {text}
    </p>
  ) : null;
}

/** What a save came to: a notice, or the refusal. */
export function Outcome({ message }: { message: { ok: boolean; text: string } | null }) {
  if (!message) return null;
  if (!message.ok) return <Refusal text={message.text} />;
  return (
    <p class="notice" role="status">
      {message.text}
    </p>
  );
}

/** The set-up screen's tables of editable rows (buses, tables, interpreters): headings, then one form row each; on a phone each row reads as a card. */
export function SetupTable({ testId, headings, children }: { testId?: string; headings: string[]; children: ComponentChildren }) {
  const { t } = useTranslation();
  return (
    <div class="table-scroll">
      <table class="listing setup-table" data-testid={testId}>
        <thead>
          <tr>
            {headings.map((heading) => (
              <th key={heading}>{heading}</th>
            ))}
            <th>
              <span class="visually-hidden">{t('setup.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
