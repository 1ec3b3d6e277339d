import { useState } from 'preact/hooks';
import { ApiRequestError } from './api.ts';
import { fieldRoot } from '../components/RegistrationFields.tsx';

/** Puts a refusal from the server beside the field it names (and focuses it), or above the form when it names none. */
export function useFormErrors(formFields: readonly string[]) {
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
      document.getElementById(`field-${root}`)?.focus();
    } else {
      setErrors({});
      setGeneral(error instanceof Error ? error.message : String(error));
    }
  };
  return { errors, general, clear, show };
}
