import { useState } from 'preact/hooks';
import { ApiRequestError } from './api.ts';
import { fieldRoot } from '../components/RegistrationFields.tsx';

/**
 * Puts a refusal from the server beside the field it names (and focuses the control `<idPrefix>-<field>`), or above
 * the form when it names none. A page with several forms of one kind gives each its own prefix.
 */
export function useFormErrors(formFields: readonly string[], idPrefix = 'field') {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const clear = () => {
    setErrors({});
    setGeneral(null);
  };
  const show = (error: unknown) => {
    if (error instanceof ApiRequestError && formFields.includes(fieldRoot(error.field))) {
      const root = fieldRoot(error.field);
      setErrors({ [root]: error.message });
      setGeneral(null);
      // A group of controls (a text in several languages) gets its first control focused.
      const target = document.getElementById(`${idPrefix}-${root}`);
      const control = target?.matches('input, select, textarea') ? target : target?.querySelector<HTMLElement>('input, select, textarea');
      (control ?? target)?.focus();
    } else {
      setErrors({});
      setGeneral(error instanceof Error ? error.message : String(error));
    }
  };
  return { errors, general, clear, show };
}
