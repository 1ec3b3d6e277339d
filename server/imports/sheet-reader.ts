import ExcelJS from 'exceljs';
import { parse as parseCsv } from 'csv-parse/sync';
import { Readable } from 'node:stream';
import { ApiFailure } from '../http/api-failure.ts';

/** Files above these caps are refused: a stated limit, checked before the whole file is read. */
export const importLimits = { bytes: 10 * 1024 * 1024, rows: 25_000, columns: 100 } as const;

/** A spreadsheet as the import reads it: the header row (row 1) and the rows under it, every cell as trimmed text. */
export interface Sheet {
  headers: string[];
  /** `number` is the row as the spreadsheet shows it (the header is row 1). Empty rows are left out. */
  rows: { number: number; cells: string[] }[];
}

export type SheetFormat = 'csv' | 'xlsx';

const zipSignature = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const oleSignature = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

/** The format by content, not by the name a client claims: an XLSX is a zip, a CSV is UTF-8 text. */
export function sheetFormat(file: Buffer): SheetFormat {
  if (file.subarray(0, 4).equals(zipSignature)) return 'xlsx';
  // The binary Excel 97–2003 format: a spreadsheet, but not one this reads.
  if (file.subarray(0, 4).equals(oleSignature)) throw new ApiFailure(415, 'file', 'oldExcelFormat');
  if (file.includes(0)) throw new ApiFailure(415, 'file', 'notSpreadsheet');
  return 'csv';
}

function tooManyRows(): never {
  throw new ApiFailure(413, 'file', 'tooManyRows', { max: importLimits.rows.toLocaleString('en') });
}

function withoutEmptyRows(rows: { number: number; cells: string[] }[]) {
  return rows.filter((row) => row.cells.some((cell) => cell !== ''));
}

/** Semicolons in files saved by a French or German Excel, tabs in copied cells, commas elsewhere. */
function csvDelimiter(firstLine: string): string {
  const counts = [',', ';', '\t'].map((delimiter) => [delimiter, firstLine.split(delimiter).length] as const);
  return counts.reduce((best, next) => (next[1] > best[1] ? next : best))[0];
}

export function readCsv(file: Buffer): Sheet {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(file);
  } catch {
    throw new ApiFailure(415, 'file', 'notUtf8');
  }
  text = text.replace(/^\uFEFF/, '');
  let records: string[][];
  try {
    records = parseCsv(text, {
      delimiter: csvDelimiter(text.slice(0, text.search(/\r?\n|$/))),
      relax_column_count: true,
      skip_empty_lines: false,
      trim: true,
      // One past the cap: enough to know the file is too long without parsing the rest.
      to_line: importLimits.rows + 2,
    }) as string[][];
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw new ApiFailure(400, 'file', 'csvMalformed', { row: line ?? 1 });
  }
  if (records.length > importLimits.rows + 1) tooManyRows();
  const [headers = [], ...body] = records;
  return { headers, rows: withoutEmptyRows(body.map((cells, index) => ({ number: index + 2, cells }))) };
}

/** A cell's value as text: formulas give their last computed result (never evaluated here), dates their ISO form. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 16).replace('T', ' ');
  }
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(15)));
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'boolean') return String(value);
  if ('richText' in value) return value.richText.map((part) => part.text).join('').trim();
  if ('formula' in value || 'sharedFormula' in value) return cellText((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  if ('error' in value) return value.error;
  if ('text' in value) return cellText(value.text as ExcelJS.CellValue);
  return '';
}

function notSpreadsheet(): never {
  throw new ApiFailure(415, 'file', 'notSpreadsheet');
}

type ChunkSource = AsyncIterable<Buffer | string>;

/**
 * Notes the sheet's merged ranges as its XML streams past. exceljs's streaming reader skips the `<mergeCells>` list
 * (it comes after the rows), so the ranges are picked from the chunks on their way to its parser.
 */
function collectMergedRanges(worksheet: ExcelJS.stream.xlsx.WorksheetReader, ranges: Set<string>): void {
  const reader = worksheet as unknown as { iterator: ChunkSource };
  const source = reader.iterator;
  reader.iterator = (async function* () {
    let carried = '';
    for await (const chunk of source) {
      const text = carried + String(chunk);
      for (const match of text.matchAll(/<mergeCell\b[^>]*?\bref="([A-Z]{1,3}\d+:[A-Z]{1,3}\d+)"/g)) ranges.add(match[1]!);
      // An element cut between two chunks is found whole in the next one.
      carried = text.slice(-200);
      yield chunk;
    }
  })();
}

/** Gives every cell of a merged range the value of its top-left cell, as the spreadsheet shows it. */
function fillMergedRanges(rows: Map<number, string[]>, ranges: Iterable<string>, width: number): void {
  for (const range of ranges) {
    const [first, last] = range.split(':').map(decodeAddress) as [Address, Address];
    const value = rows.get(first.row)?.[first.col - 1] ?? '';
    for (let row = first.row; row <= Math.min(last.row, importLimits.rows + 1); row++) {
      let cells = rows.get(row);
      if (!cells) rows.set(row, (cells = Array.from({ length: width }, () => '')));
      for (let col = first.col; col <= Math.min(last.col, width); col++) cells[col - 1] = value;
    }
  }
}

interface Address {
  row: number;
  col: number;
}

function decodeAddress(address: string): Address {
  const [, letters, digits] = /^([A-Z]+)(\d+)$/.exec(address)!;
  const col = [...letters!].reduce((total, letter) => total * 26 + letter.charCodeAt(0) - 64, 0);
  return { row: Number(digits), col };
}

/**
 * The first worksheet, read as a stream: reading stops one row past the cap, so an oversized or inflated file is
 * refused without being unpacked whole, and a large list never sits in memory as a workbook model.
 */
export async function readXlsx(file: Buffer): Promise<Sheet> {
  try {
    return await streamXlsx(file);
  } catch (error) {
    if (error instanceof ApiFailure) throw error;
    // The streaming reader gives up on some files Excel itself opens; the whole-file reader, within the byte cap, is the second opinion.
    return loadXlsx(file);
  }
}

async function streamXlsx(file: Buffer): Promise<Sheet> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([file]), { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore' });
  const byNumber = new Map<number, string[]>();
  const merged = new Set<string>();
  let width = 0;
  for await (const worksheet of reader) {
    collectMergedRanges(worksheet, merged);
    for await (const row of worksheet) {
      if (row.number > importLimits.rows + 1) tooManyRows();
      if (row.cellCount > importLimits.columns) tooManyColumns();
      if (row.number === 1) width = row.cellCount;
      byNumber.set(row.number, Array.from({ length: width }, (_, index) => cellText(row.getCell(index + 1).value)));
    }
    break;
  }
  fillMergedRanges(byNumber, merged, width);
  return sheetOf(byNumber);
}

/** The whole workbook in memory: exceljs gives merged cells their master's value itself. */
async function loadXlsx(file: Buffer): Promise<Sheet> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(file as unknown as ArrayBuffer);
  } catch {
    notSpreadsheet();
  }
  const worksheet = workbook.worksheets[0];
  const byNumber = new Map<number, string[]>();
  if (!worksheet) return sheetOf(byNumber);
  if (worksheet.rowCount > importLimits.rows + 1) tooManyRows();
  if (worksheet.columnCount > importLimits.columns) tooManyColumns();
  const width = worksheet.getRow(1).cellCount;
  worksheet.eachRow((row, number) => byNumber.set(number, Array.from({ length: width }, (_, index) => cellText(row.getCell(index + 1).value))));
  return sheetOf(byNumber);
}

function tooManyColumns(): never {
  throw new ApiFailure(413, 'file', 'tooManyColumns', { max: importLimits.columns });
}

/** Row 1 as the headers, the rows under it in order, empty ones left out. */
function sheetOf(byNumber: Map<number, string[]>): Sheet {
  const headers = byNumber.get(1) ?? [];
  const rows = [...byNumber].filter(([number]) => number > 1).sort(([a], [b]) => a - b).map(([number, cells]) => ({ number, cells }));
  return { headers, rows: withoutEmptyRows(rows) };
}

export async function readSheet(file: Buffer): Promise<Sheet> {
  if (file.length === 0) throw new ApiFailure(400, 'file', 'required');
  return sheetFormat(file) === 'xlsx' ? readXlsx(file) : readCsv(file);
}
