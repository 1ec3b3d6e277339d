import type { ValidateFunction } from 'ajv';
import type { Transaction } from '../database/transaction.ts';
import { describeValidationError } from '../http/validation.ts';
import { countryFromCell, hsHeadingFromCell, languageFromCell, splitList, wholeNumberFromCell } from './cell-values.ts';

export interface ImportColumn {
  key: string;
  required?: boolean;
  /** A value shown in the template, in the form the column takes. */
  example: string;
}

export interface RowProblem {
  /** The column key at fault. */
  column: string;
  messageKey: string;
  params?: Record<string, unknown>;
}

/** One row refused, with every problem found in it. */
export class RowRefused extends Error {
  constructor(readonly problems: RowProblem[]) {
    super(problems.map((problem) => `${problem.column}: ${problem.messageKey}`).join(', '));
  }
}

/** A row's cells by column key, with the readers every kind shares; problems are gathered, not thrown one by one. */
export class ImportRow {
  readonly problems: RowProblem[] = [];

  constructor(
    private readonly cells: ReadonlyMap<string, string>,
    readonly number: number,
  ) {}

  /** Whether the file has the column at all; a column left out leaves what is stored untouched. */
  has(key: string): boolean {
    return this.cells.has(key);
  }

  text(key: string): string {
    return this.cells.get(key) ?? '';
  }

  /** The cell's text, or null for an empty cell. */
  optional(key: string): string | null {
    return this.text(key) || null;
  }

  refuse(column: string, messageKey: string, params?: Record<string, unknown>): void {
    this.problems.push({ column, messageKey, ...(params ? { params } : {}) });
  }

  required(key: string): string {
    const text = this.text(key);
    if (!text) this.refuse(key, 'required');
    return text;
  }

  country(key: string): string {
    const text = this.required(key);
    if (!text) return '';
    const code = countryFromCell(text);
    if (!code) this.refuse(key, 'unknownCountryNamed', { value: text });
    return code ?? '';
  }

  countries(key: string): string[] {
    return splitList(this.text(key)).flatMap((item) => {
      const code = countryFromCell(item);
      if (!code) this.refuse(key, 'unknownCountryNamed', { value: item });
      return code ? [code] : [];
    });
  }

  languages(key: string, minimum = 1): string[] {
    const items = splitList(this.text(key));
    const tags = items.flatMap((item) => {
      const tag = languageFromCell(item);
      if (!tag) this.refuse(key, 'unknownLanguage', { tag: item });
      return tag ? [tag] : [];
    });
    const unique = [...new Set(tags)];
    if (items.length === 0 && minimum > 0) this.refuse(key, 'required');
    else if (unique.length < minimum && tags.length === items.length) this.refuse(key, 'tooFewLanguages', { min: minimum });
    return unique;
  }

  hsHeadings(key: string): string[] {
    const headings = splitList(this.text(key)).flatMap((item) => {
      const heading = hsHeadingFromCell(item);
      if (!heading) this.refuse(key, 'unknownHsHeading', { value: item });
      return heading ? [heading] : [];
    });
    return [...new Set(headings)];
  }

  list(key: string): string[] {
    return [...new Set(splitList(this.text(key)))];
  }

  wholeNumber(key: string, range: { min: number; max: number }): number | null {
    const text = this.text(key);
    if (!text) return null;
    const value = wholeNumberFromCell(text);
    if (value === undefined) this.refuse(key, 'wholeNumber');
    else if (value < range.min || value > range.max) this.refuse(key, 'outOfRangeBetween', range);
    return value ?? null;
  }

  /** Slot codes the cell names, each checked against the day's slots; an empty cell means all day (null). */
  slots(key: string, known: ReadonlySet<string>): string[] | null {
    const codes = this.list(key);
    for (const code of codes) if (!known.has(code)) this.refuse(key, 'unknownSlot', { code });
    return codes.length ? codes : null;
  }

  /** Runs a schema over what the row gives, each problem landing on its column. */
  validate(check: ValidateFunction, record: Record<string, unknown>): void {
    if (check(record)) return;
    const seen = new Set<string>();
    for (const error of check.errors ?? []) {
      const problem = describeValidationError(error);
      const column = problem.field.replace(/\[.*$/, '');
      // A failed pattern inside a list gives one message per item; one per column is enough.
      if (seen.has(column) || this.problems.some((known) => known.column === column)) continue;
      seen.add(column);
      this.refuse(column, problem.messageKey, problem.params);
    }
  }

  /** Throws the row's problems, if it has any. */
  finish(): void {
    if (this.problems.length) throw new RowRefused(this.problems);
  }
}

/** The key column's values seen so far in the file: a key given twice is an error on its second row. */
export class KeysInFile {
  private readonly firstRows = new Map<string, number>();

  constructor(private readonly column: string) {}

  claim(row: ImportRow, key: string): void {
    if (!key) return;
    const first = this.firstRows.get(key);
    if (first !== undefined) row.refuse(this.column, 'duplicateInFile', { row: first });
    else this.firstRows.set(key, row.number);
  }
}

export type ImportOutcome = 'created' | 'updated';

export interface RowImporter {
  /** Checks one row against the file so far and what is stored, and writes it; throws RowRefused. */
  importRow(row: ImportRow): ImportOutcome;
}

export interface ImportDefinition {
  columns: readonly ImportColumn[];
  /** Reads once what every row is checked against (codes, emails, capacities) and returns the row importer. */
  start(tx: Transaction, congressId: number): RowImporter;
}
