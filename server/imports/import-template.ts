import ExcelJS from 'exceljs';
import type { ImportKind } from '../../shared/import-schema.ts';
import type { UiLanguage } from '../../shared/languages.ts';
import { translatorFor } from '../i18n/translator.ts';
import { columnLabel, importDefinitions } from './import-service.ts';

/**
 * An XLSX to fill in: the first sheet has only the headers, in the reader's language (an example row would be
 * imported by whoever forgets to delete it); the second explains every column with an example. The import reads these headers back in any language.
 */
export async function importTemplate(kind: ImportKind, language: UiLanguage): Promise<Buffer> {
  const t = translatorFor(language);
  const { columns } = importDefinitions[kind];
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(t(`imports:kinds.${kind}`).slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((column) => ({ header: columnLabel(column.key, language), key: column.key, width: Math.max(14, columnLabel(column.key, language).length + 4) }));
  const headerRow = sheet.getRow(1);
  headerRow.font = { bold: true };
  columns.forEach((column, index) => {
    if (column.required) headerRow.getCell(index + 1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFE699' } };
  });
  const roleIndex = columns.findIndex((column) => column.key === 'role');
  if (roleIndex >= 0) {
    const letter = sheet.getColumn(roleIndex + 1).letter;
    for (let row = 2; row <= 1000; row++) {
      sheet.getCell(`${letter}${row}`).dataValidation = { type: 'list', allowBlank: true, formulae: ['"buyer,supplier"'] };
    }
  }

  const help = workbook.addWorksheet(t('imports:template.helpSheet').slice(0, 31));
  help.columns = [
    { header: t('imports:template.column'), key: 'label', width: 28 },
    { header: t('imports:template.required'), key: 'required', width: 12 },
    { header: t('imports:template.example'), key: 'example', width: 30 },
    { header: t('imports:template.explanation'), key: 'help', width: 90 },
  ];
  help.getRow(1).font = { bold: true };
  for (const column of columns) {
    help.addRow({ label: columnLabel(column.key, language), required: column.required ? t('imports:template.yes') : '', example: column.example, help: t(`imports:help.${column.key}`) });
  }
  help.addRow({});
  help.addRow({ label: t('imports:template.notes'), help: t('imports:template.rules') });
  help.getColumn('help').alignment = { wrapText: true, vertical: 'top' };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
