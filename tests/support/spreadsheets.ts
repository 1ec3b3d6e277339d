import ExcelJS from 'exceljs';

export { xlsxContentType as xlsxType } from '../../shared/import-schema.ts';

export interface XlsxExtras {
  /** Ranges to merge, e.g. `C2:C3`: the value of the first cell covers the range. */
  merges?: string[];
  /** Cells holding a formula and the result Excel last computed for it. */
  formulas?: { cell: string; formula: string; result: string | number }[];
}

/** A workbook as Excel writes it: the rows on the first sheet, a second sheet that the import ignores. */
export async function xlsxFile(rows: (string | number | null)[][], extras: XlsxExtras = {}): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('List');
  for (const row of rows) sheet.addRow(row);
  for (const range of extras.merges ?? []) sheet.mergeCells(range);
  for (const { cell, formula, result } of extras.formulas ?? []) sheet.getCell(cell).value = { formula, result };
  workbook.addWorksheet('Notes').addRow(['not read']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** CSV text as a spreadsheet saves it, quoting where a cell needs it. */
export function csvFile(rows: (string | number)[][], delimiter = ','): Buffer {
  const quote = (cell: string | number) => {
    const text = String(cell);
    return /["\n,;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return Buffer.from(rows.map((row) => row.map(quote).join(delimiter)).join('\r\n'), 'utf8');
}
