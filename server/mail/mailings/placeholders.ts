import { mailingPlaceholders } from '../../../shared/mailing-schema.ts';

export type PlaceholderValues = Record<(typeof mailingPlaceholders)[number], string>;

const placeholder = /\{([^{}\s]{1,40})\}/g;

/** The first placeholder in `text` that the product cannot fill, or `null` when every one is known. */
export function unknownPlaceholder(text: string): string | null {
  for (const [, name] of text.matchAll(placeholder)) if (!(mailingPlaceholders as readonly string[]).includes(name!)) return name!;
  return null;
}

/** `text` with each known placeholder replaced by its value for one recipient. */
export function fillPlaceholders(text: string, values: PlaceholderValues): string {
  return text.replace(placeholder, (whole, name: string) => (name in values ? values[name as keyof PlaceholderValues] : whole));
}
