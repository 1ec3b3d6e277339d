import type { ComponentChildren } from 'preact';
import { useTranslation } from '../app/i18n.ts';

interface FieldProps {
  name: string;
  error?: string | undefined;
  optional?: boolean;
  hint?: string;
  children: ComponentChildren;
}

/** A labelled form control with its hint and, when the server refused it, the reason in the reader's language. */
export function Field({ name, error, optional, hint, children }: FieldProps) {
  const { t } = useTranslation();
  return (
    <div class={`field${error ? ' field--invalid' : ''}`} data-field={name}>
      <label for={`field-${name}`}>
        {t(`fields:${name}`)}
        {optional && <span class="field__optional"> ({t('register.optional')})</span>}
      </label>
      {children}
      {hint && <p class="field__hint">{hint}</p>}
      {error && (
        <p class="field__error" role="alert" id={`error-${name}`}>
          {error}
        </p>
      )}
    </div>
  );
}
