import type { ImportError, ImportKind, ImportResult } from '../../shared/import-schema.ts';
import { listedImportErrors } from '../../shared/import-schema.ts';
import { uiLanguages, type UiLanguage } from '../../shared/languages.ts';
import { recordAudit } from '../database/audit.ts';
import type { AppDatabase } from '../database/connection.ts';
import { withTransaction } from '../database/transaction.ts';
import { ApiFailure } from '../http/api-failure.ts';
import { translatorFor } from '../i18n/translator.ts';
import { comparable } from './cell-values.ts';
import { delegateImport } from './delegate-import.ts';
import { ImportRow, RowRefused, type ImportColumn, type ImportDefinition, type RowProblem } from './import-row.ts';
import { interpreterImport } from './interpreter-import.ts';
import { meetingImport } from './meeting-import.ts';
import { participantImport } from './participant-import.ts';
import type { Sheet } from './sheet-reader.ts';

export const importDefinitions: Record<ImportKind, ImportDefinition> = {
  delegates: delegateImport,
  'consultation-participants': participantImport,
  interpreters: interpreterImport,
  meetings: meetingImport,
};

/** A column's header in a language: the template writes these, and the import reads them back in any language. */
export function columnLabel(key: string, language: UiLanguage): string {
  return translatorFor(language)(`imports:columns.${key}`);
}

function headerNames(column: ImportColumn): Set<string> {
  const names = new Set([comparable(column.key)]);
  for (const language of uiLanguages) {
    names.add(comparable(columnLabel(column.key, language)));
    const t = translatorFor(language);
    const fieldLabel = t(`fields:${column.key}`, { defaultValue: '' });
    if (typeof fieldLabel === 'string' && fieldLabel) names.add(comparable(fieldLabel));
  }
  return names;
}

const namesByDefinition = new Map<ImportDefinition, Map<string, string>>();

/** Header text (compared without case, accents or spacing) → column key, for every language. */
function columnByHeader(definition: ImportDefinition): Map<string, string> {
  let names = namesByDefinition.get(definition);
  if (!names) {
    names = new Map();
    for (const column of definition.columns) for (const name of headerNames(column)) names.set(name, column.key);
    namesByDefinition.set(definition, names);
  }
  return names;
}

interface HeaderMatch {
  /** The column key of each position of the file, or undefined for a blank header. */
  keys: (string | undefined)[];
  /** Header text as the file spells it, by key. */
  spelled: Map<string, string>;
  problems: RowProblem[];
}

function matchHeaders(definition: ImportDefinition, headers: string[]): HeaderMatch {
  const byHeader = columnByHeader(definition);
  const spelled = new Map<string, string>();
  const problems: RowProblem[] = [];
  const keys = headers.map((header) => {
    if (!header) return undefined;
    const key = byHeader.get(comparable(header));
    if (!key) {
      problems.push({ column: header, messageKey: 'unknownColumn', params: { header } });
      return undefined;
    }
    if (spelled.has(key)) {
      problems.push({ column: key, messageKey: 'columnTwice', params: { header } });
      return undefined;
    }
    spelled.set(key, header);
    return key;
  });
  for (const column of definition.columns) {
    if (column.required && !spelled.has(column.key)) problems.push({ column: column.key, messageKey: 'missingColumn' });
  }
  return { keys, spelled, problems };
}

/** Carries a finished dry run (or a refused file) out of its transaction, so nothing it wrote stays. */
class RolledBack extends Error {
  constructor(readonly result: ImportResult) {
    super('rolled back');
  }
}

export interface ImportRequest {
  kind: ImportKind;
  sheet: Sheet;
  dryRun: boolean;
  language: UiLanguage;
  accountId: number;
}

/**
 * Imports a sheet in one IMMEDIATE transaction. A dry run runs every row exactly as the import would (capacities,
 * duplicates, links) and then rolls back; a file with any error is rolled back whole.
 */
export function importSheet(db: AppDatabase, congressId: number, request: ImportRequest): ImportResult {
  const definition = importDefinitions[request.kind];
  const t = translatorFor(request.language);
  const header = matchHeaders(definition, request.sheet.headers);
  const errors: ImportError[] = [];
  let moreErrors = 0;
  const report = (row: number, problem: RowProblem) => {
    if (errors.length >= listedImportErrors) {
      moreErrors++;
      return;
    }
    const known = definition.columns.some((column) => column.key === problem.column);
    errors.push({
      row,
      column: header.spelled.get(problem.column) ?? (known ? columnLabel(problem.column, request.language) : problem.column),
      field: problem.column,
      message: t(`errors:${problem.messageKey}`, problem.params ?? {}),
    });
  };
  header.problems.forEach((problem) => report(1, problem));
  const result = (created: number, updated: number): ImportResult => ({ rows: request.sheet.rows.length, created, updated, errors, moreErrors, dryRun: request.dryRun });
  if (header.problems.length) return result(0, 0);

  try {
    return withTransaction(db, (tx) => {
      const importer = definition.start(tx, congressId);
      const counts = { created: 0, updated: 0 };
      for (const { number, cells } of request.sheet.rows) {
        const byKey = new Map<string, string>();
        header.keys.forEach((key, index) => key && byKey.set(key, cells[index] ?? ''));
        try {
          counts[importer.importRow(new ImportRow(byKey, number))]++;
        } catch (error) {
          if (error instanceof RowRefused) error.problems.forEach((problem) => report(number, problem));
          else if (error instanceof ApiFailure) report(number, { column: error.field.replace(/\[.*$/, ''), messageKey: error.messageKey, params: error.params });
          else throw error;
        }
      }
      const outcome = result(counts.created, counts.updated);
      if (errors.length || request.dryRun) throw new RolledBack(outcome);
      recordAudit(tx, { congressId, actorType: 'account', actorId: request.accountId, action: `import.${request.kind}`, entity: 'congress', entityId: congressId, data: { rows: outcome.rows, ...counts } });
      return outcome;
    });
  } catch (error) {
    if (error instanceof RolledBack) return error.result;
    throw error;
  }
}
