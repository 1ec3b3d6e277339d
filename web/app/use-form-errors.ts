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
    const ours = error instanceof ApiRequestError ? error.errors.filter((problem) => formFields.includes(fieldRoot(problem.field))) : [];
    if (ours.length > 0) {
      // Every field at fault gets its message (the first one per field); the first of them takes the focus.
      const next: Record<string, string> = {};
      for (const problem of ours) next[fieldRoot(problem.field)] ??= problem.message;
      setErrors(next);
      const others = (error as ApiRequestError).errors.filter((problem) => !formFields.includes(fieldRoot(problem.field)));
      setGeneral(others.length > 0 ? others.map((problem) => problem.message).join(' ') : null);
      // A group of controls (a text in several languages) gets its first control focused.
      const target = document.getElementById(`${idPrefix}-${fieldRoot(ours[0]!.field)}`);
      const control = target?.matches('input, select, textarea') ? target : target?.querySelector<HTMLElement>('input, select, textarea');
      (control ?? target)?.focus();
    } else {
      setErrors({});
      setGeneral(error instanceof Error ? error.message : String(error));
    }
  };
  return { errors, general, clear, show };
}
