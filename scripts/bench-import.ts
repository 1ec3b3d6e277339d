/**
 * `npm run bench:import [-- --delegates 20000 --participants 5000]`
 * Starts the server in its own process, copies the demo into a new edition, and uploads XLSX files of delegates and
 * of buyers and suppliers: first as a dry run, then for real. Prints each step's seconds and the server's peak memory.
 */
import ExcelJS from 'exceljs';
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { demoCategories } from '../server/congress/demo-congress.ts';
import { printTable } from './print-table.ts';
import { xlsxContentType } from '../shared/import-schema.ts';
import { benchAdmin, peakMiB, startBenchServer, stopBenchServer } from './bench-server.ts';

const { values } = parseArgs({ options: { delegates: { type: 'string', default: '20000' }, participants: { type: 'string', default: '5000' } } });
const delegateCount = Number(values.delegates);
const participantCount = Number(values.participants);

async function workbook(header: string[], rows: (string | number)[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('List');
  sheet.addRow(header);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

const countries = ['KR', 'Netherlands', 'DE', 'Japon', 'CN', 'US', 'VN', 'FR', 'ES', 'IN'];
const categories = demoCategories.filter((category) => !category.requiresApproval).map((category) => category.code);
const delegatesFile = await workbook(
  ['Email', 'Given name', 'Family name', 'Country', 'Category', 'Languages', 'Organisation', 'Job title'],
  Array.from({ length: delegateCount }, (_, n) => [
    `bench-${n}@example.org`,
    n % 3 === 0 ? '민준' : 'Priya',
    n % 3 === 0 ? '김' : 'Sharma',
    countries[n % countries.length]!,
    categories[n % categories.length]!,
    n % 2 ? 'ko, en' : 'Korean; English',
    'Korea Industrial Complex Corporation',
    'Manager',
  ]),
);
const hs = ['8708', '9018', '8471', '8536', '9021', '8479', '3926'];
const participantsFile = await workbook(
  ['code', 'role', 'company', 'country', 'languages', 'hs', 'annualPurchaseUsd', 'certifications'],
  Array.from({ length: participantCount }, (_, n) => {
    const buyer = n % 5 < 2;
    return [`P${n}`, buyer ? 'buyer' : 'supplier', `Company ${n}`, buyer ? countries[n % countries.length]! : 'KR', buyer ? 'en, zh' : 'ko', `${hs[n % hs.length]}, ${hs[(n + 3) % hs.length]}`, buyer ? 1_000_000 + n : '', 'ISO 9001'];
  }),
);

const { server, baseUrl } = await startBenchServer();
const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
  const response = await fetch(`${baseUrl}${path}`, { method, headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers }, body: body === undefined ? null : JSON.stringify(body) });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return response.json() as Promise<Record<string, unknown>>;
};
const { token } = (await call('POST', '/api/auth/login', benchAdmin)) as { token: string };
const auth = { authorization: `Bearer ${token}` };
await call('POST', '/api/congresses', { slug: 'bench-import', name: { en: 'Import benchmark' }, startsOn: '2026-11-03', endsOn: '2026-11-06', venue: 'EXCO', city: 'Daegu', timeZone: 'Asia/Seoul', copyFrom: 'tci-2015-daegu' }, auth);
for (const code of categories) await call('PATCH', `/api/c/bench-import/categories/${code}`, { capacity: null }, auth);

/** Resets the kernel's record of the server's peak memory, so each step reports its own. */
const resetPeak = () => writeFileSync(`/proc/${server.pid}/clear_refs`, '5');

const rows: string[][] = [['step', 'rows', 'created', 'seconds', 'server peak RSS (MiB)', 'target']];
resetPeak();
rows.push(['server at rest, before the imports', '', '', '', String(peakMiB(server)), '']);
let allMet = true;
for (const [kind, file] of [['delegates', delegatesFile], ['consultation-participants', participantsFile]] as const) {
  for (const dryRun of [true, false]) {
    resetPeak();
    const started = performance.now();
    const response = await fetch(`${baseUrl}/api/c/bench-import/imports/${kind}${dryRun ? '?dryRun=1' : ''}`, { method: 'POST', headers: { ...auth, 'content-type': xlsxContentType }, body: new Uint8Array(file) });
    const seconds = (performance.now() - started) / 1000;
    const result = (await response.json()) as { rows: number; created: number; errors: unknown[] };
    if (response.status !== 200 || result.errors.length) throw new Error(`${kind}: ${response.status} ${JSON.stringify(result).slice(0, 500)}`);
    const peak = peakMiB(server);
    const met = seconds < 10 && peak < 500;
    allMet &&= met;
    rows.push([`${kind} ${dryRun ? 'dry run' : 'commit'}`, String(result.rows), String(result.created), seconds.toFixed(2), String(peak), met ? 'met' : 'NOT met']);
  }
}
await stopBenchServer(server);

console.log(`import benchmark: XLSX of ${delegateCount} delegates (${(delegatesFile.length / 2 ** 20).toFixed(1)} MiB) and ${participantCount} buyers and suppliers (${(participantsFile.length / 2 ** 20).toFixed(1)} MiB), server in its own process`);
printTable(rows);
console.log(`target: under 10 s and 500 MiB each: ${allMet ? 'met' : 'NOT met'}`);
if (!allMet) process.exitCode = 1;
