import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { csvFile, xlsxFile, xlsxType } from '../support/spreadsheets.ts';
import { createEindhovenEdition, useTestApp } from '../support/test-app.ts';

const ctx = useTestApp();
const edition = '/api/c/tci-2016-eindhoven';

const createEindhoven = () => createEindhovenEdition(ctx.app, ctx.organiser);

const upload = (kind: string, file: Buffer, options: { dryRun?: boolean; type?: string; language?: string } = {}) =>
  ctx.app.inject({
    method: 'POST',
    url: `${edition}/imports/${kind}${options.dryRun ? '?dryRun=1' : ''}`,
    headers: { ...ctx.organiser, 'content-type': options.type ?? xlsxType, 'accept-language': options.language ?? 'en' },
    payload: file,
  });

const instance = async () => (await ctx.app.inject({ url: `${edition}/consultations/instance`, headers: ctx.organiser })).json();
/** The edition's buyers and suppliers as stored, lists joined with "+". */
const storedParticipants = () =>
  ctx.app.db.$client
    .prepare(
      `select p.code, p.role, p.company, p.country, replace(replace(replace(p.languages, '","', '+'), '["', ''), '"]', '') as languages,
              replace(replace(replace(p.hs_codes, '","', '+'), '["', ''), '"]', '') as hs, t.code as "table", p.delegate_id as delegateId
       from consultation_participants p join congresses c on c.id = p.congress_id left join consultation_tables t on t.id = p.home_table_id
       where c.slug = 'tci-2016-eindhoven' order by p.code`,
    )
    .all() as { code: string; role: string; company: string; country: string; languages: string; hs: string; table: string | null; delegateId: number | null }[];
const participantHeader = ['code', 'role', 'Entreprise', 'country', 'languages', 'email', 'hs', 'table'];

describe('imports from spreadsheets', () => {
  it('sets up a copied edition from XLSX and CSV, plans and publishes its day, and leaves the demo as it was', async () => {
    const withoutStamps = (text: string) => text.replace(/^DTSTAMP:.*$/gm, '');
    const demoBefore = {
      counts: (await ctx.app.inject({ url: '/api/delegates/counts', headers: ctx.organiser })).json(),
      report: (await ctx.app.inject({ url: '/api/consultations/report', headers: ctx.organiser })).json(),
      feed: withoutStamps((await ctx.app.inject({ url: '/api/calendar/programme.ics' })).body),
    };
    await createEindhoven();
    const anne = (await ctx.app.inject({ method: 'POST', url: `${edition}/registrations`, payload: { givenName: 'Anne', familyName: 'de Vries', email: 'Anne@Example.nl', country: 'NL', category: 'large-company', languages: ['nl', 'en'] } })).json();
    const { tables } = await instance();

    const rows = [
      participantHeader,
      ['B01', 'buyer', 'Philips Medical Systems', 'NL', 'nl, en', 'anne@example.nl', '9018, 90.21', tables[0].id],
      ['B02', 'Acheteur', 'ASML', 'Pays-Bas', 'néerlandais; anglais', '', '8486', tables[1].id],
      ['S01', 'supplier', 'Daegu Precision', 'KR', 'ko, en', '', '9018.90', ''],
      ['S02', 'supplier', 'Seongseo Optics', 'Atlantis', 'ko', '', '9999, 9001', ''],
    ];
    const dryRun = await upload('consultation-participants', await xlsxFile(rows), { dryRun: true });
    expect(dryRun.statusCode).toBe(200);
    expect(dryRun.json()).toMatchObject({ rows: 4, created: 3, updated: 0, dryRun: true });
    expect(dryRun.json().errors).toEqual([
      { row: 5, column: 'country', field: 'country', message: '“Atlantis” is not a known country.' },
      { row: 5, column: 'hs', field: 'hs', message: '“9999” is not an HS heading (4 digits, chapters 01–97).' },
    ]);
    const refused = await upload('consultation-participants', await xlsxFile(rows));
    expect([refused.statusCode, refused.json().errors.length]).toEqual([422, 2]);
    expect(storedParticipants()).toEqual([]);

    rows[4] = ['S02', 'supplier', 'Seongseo Optics', 'Corée du Sud', 'coréen', '', '9001', ''];
    const imported = await upload('consultation-participants', await xlsxFile(rows));
    expect([imported.statusCode, imported.json()]).toEqual([200, { rows: 4, created: 4, updated: 0, errors: [], moreErrors: 0, dryRun: false }]);
    expect(storedParticipants().map((p) => [p.code, p.role, p.country, p.languages, p.hs, p.table, p.delegateId])).toEqual([
      ['B01', 'buyer', 'NL', 'nl+en', '9018+9021', tables[0].id, anne.id],
      ['B02', 'buyer', 'NL', 'nl+en', '8486', tables[1].id, null],
      ['S01', 'supplier', 'KR', 'ko+en', '9018', null, null],
      ['S02', 'supplier', 'KR', 'ko', '9001', null, null],
    ]);
    // The same file again updates by code instead of adding companies.
    expect((await upload('consultation-participants', await xlsxFile(rows))).json()).toMatchObject({ created: 0, updated: 4 });

    const meetings = csvFile([['buyer', 'supplier', 'priority'], ['B01', 'S01', 2], ['B02', 'S02', 1], ['B01', 'S02', 1]]);
    expect((await upload('meetings', meetings, { type: 'text/csv' })).json()).toMatchObject({ created: 3, errors: [] });

    const post = (path: string, payload: Record<string, unknown>) => ctx.app.inject({ method: 'POST', url: `${edition}${path}`, headers: ctx.organiser, payload });
    const run = await post('/consultations/plan/run', { seconds: 0.3 });
    expect(run.statusCode, run.body).toBe(200);
    const plan = run.json();
    expect([plan.placed, plan.unscheduled]).toEqual([3, []]);
    expect((await post('/consultations/plan/publish', { revision: plan.revision })).statusCode).toBe(200);

    // Anne was linked to B01 by her email: her day shows her two meetings, in Eindhoven's summer time.
    const mine = (await ctx.app.inject({ url: `${edition}/me/consultation`, headers: { authorization: `Bearer ${anne.token}` } })).json();
    expect(mine.participant.code).toBe('B01');
    expect(mine.published).toBe(true);
    expect(mine.meetings).toHaveLength(2);
    expect(mine.meetings.every((meeting: { startsAt: string }) => meeting.startsAt.startsWith('2016-09-28T') && meeting.startsAt.endsWith('+02:00'))).toBe(true);

    expect({
      counts: (await ctx.app.inject({ url: '/api/delegates/counts', headers: ctx.organiser })).json(),
      report: (await ctx.app.inject({ url: '/api/consultations/report', headers: ctx.organiser })).json(),
      feed: withoutStamps((await ctx.app.inject({ url: '/api/calendar/programme.ics' })).body),
    }).toEqual(demoBefore);
  });

  it('reads delegates from a semicolon CSV with Korean headers, names for countries and languages, and keeps capacities', async () => {
    await createEindhoven();
    await ctx.app.inject({ method: 'PATCH', url: `${edition}/categories/press`, headers: ctx.organiser, payload: { capacity: 1 } });
    const file = csvFile(
      [
        ['이메일', '이름', '성', '국가', '참가 구분', '사용 언어', 'language'],
        ['minjun@example.kr', '민준', '김', '대한민국', '대학', '한국어, 영어', ''],
        ['sophie@example.fr', 'Sophie', 'Martin', 'France', 'press', 'français', ''],
        ['MINJUN@example.kr', '민준', '김', 'KR', 'university', 'ko', ''],
        ['lars@example.se', 'Lars', 'Berg', 'SE', 'Press', 'Klingon', 'sv'],
      ],
      ';',
    );
    const answer = (await upload('delegates', file, { type: 'text/csv', language: 'ko', dryRun: true })).json();
    expect(answer.errors.map((error: { row: number; column: string }) => `${error.row} ${error.column}`)).toEqual(['4 이메일', '5 사용 언어', '5 language', '5 참가 구분']);
    expect(answer.errors[0].message).toBe('이 키 값은 파일의 2행에 이미 있습니다.');
    expect(answer.errors[3].message).toBe('참가 구분 정원이 찼습니다(1명).');

    const fixed = csvFile([
      ['Email', 'Given name', 'Family name', 'Country', 'Category', 'Languages'],
      ['minjun@example.kr', '민준', '김', '대한민국', '대학', '한국어, 영어'],
      ['sophie@example.fr', 'Sophie', 'Martin', 'France', 'press', 'français'],
    ]);
    expect((await upload('delegates', fixed, { type: 'text/csv' })).json()).toMatchObject({ created: 2, errors: [] });
    const list = (await ctx.app.inject({ url: `${edition}/delegates`, headers: ctx.organiser })).json();
    expect(list.items.map((d: { email: string; country: string; status: string; languages: string[] }) => [d.email, d.country, d.status, d.languages.join('+')]).sort()).toEqual([
      ['minjun@example.kr', 'KR', 'confirmed', 'ko+en'],
      ['sophie@example.fr', 'FR', 'confirmed', 'fr'],
    ]);
    // Re-importing updates by email, whatever its case, and keeps each delegate's status.
    const again = csvFile([
      ['Email', 'Given name', 'Family name', 'Country', 'Category', 'Languages'],
      ['Minjun@Example.kr', '민준', '김', 'KR', 'university', 'ko, ja'],
    ]);
    expect((await upload('delegates', again, { type: 'text/csv' })).json()).toMatchObject({ created: 0, updated: 1 });
    const minjun = (await ctx.app.inject({ url: `${edition}/delegates?q=minjun`, headers: ctx.organiser })).json().items[0];
    expect([minjun.email, minjun.languages, minjun.status, minjun.category]).toEqual(['Minjun@Example.kr', ['ko', 'ja'], 'confirmed', 'university']);
    const audit = ctx.app.db.$client.prepare("select action, data from audit_log where action like 'import.%'").all() as { action: string; data: string }[];
    expect(audit).toEqual([
      { action: 'import.delegates', data: JSON.stringify({ rows: 2, created: 2, updated: 0 }) },
      { action: 'import.delegates', data: JSON.stringify({ rows: 1, created: 0, updated: 1 }) },
    ]);
  });

  it('reads formulas by their computed value and merged cells by the merged value', async () => {
    await createEindhoven();
    const file = await xlsxFile(
      [
        participantHeader.slice(0, 5),
        ['S01', 'supplier', null, 'KR', 'ko'],
        ['S02', 'supplier', 'Seongseo Optics', null, 'ko'],
      ],
      { merges: ['D2:D3'], formulas: [{ cell: 'C2', formula: 'CONCATENATE("Daegu ","Precision")', result: 'Daegu Precision' }] },
    );
    expect((await upload('consultation-participants', file)).json()).toMatchObject({ created: 2, errors: [] });
    expect(storedParticipants().map((p) => [p.code, p.company, p.country])).toEqual([
      ['S01', 'Daegu Precision', 'KR'],
      ['S02', 'Seongseo Optics', 'KR'],
    ]);
  });

  it('names the header problems in row 1: unknown, repeated and missing columns', async () => {
    await createEindhoven();
    const answer = (await upload('interpreters', csvFile([['code', 'Fax', 'code'], ['I-1', '0']]), { type: 'text/csv', language: 'fr', dryRun: true })).json();
    expect(answer.errors).toEqual([
      { row: 1, column: 'Fax', field: 'Fax', message: 'la colonne « Fax » n’est pas reconnue par cet import ; voyez le modèle.' },
      { row: 1, column: 'code', field: 'code', message: 'cette colonne apparaît deux fois (« code »).' },
      { row: 1, column: 'Nom', field: 'name', message: 'cette colonne est obligatoire et manque en ligne 1.' },
      { row: 1, column: 'Langues', field: 'languages', message: 'cette colonne est obligatoire et manque en ligne 1.' },
    ]);
  });

  it('refuses what is not a spreadsheet, and files above the caps, naming the file', async () => {
    await createEindhoven();
    const refusal = async (file: Buffer, type: string) => {
      const response = await upload('delegates', file, { type });
      return [response.statusCode, response.json().field, response.json().message];
    };
    expect(await refusal(Buffer.from('PK\u0003\u0004 not really a zip'), xlsxType)).toEqual([415, 'file', 'File: this is not a spreadsheet: send an XLSX or CSV file.']);
    expect((await refusal(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), 'application/octet-stream'))[0]).toBe(415);
    expect((await refusal(Buffer.from([0x45, 0x6d, 0x61, 0x69, 0x6c, 0xff, 0xfe]), 'text/csv')).slice(0, 2)).toEqual([415, 'file']);
    expect((await refusal(Buffer.alloc(10 * 1024 * 1024 + 1, 'a'), 'text/csv')).slice(0, 2)).toEqual([413, 'file']);
    const long = csvFile([['email'], ...Array.from({ length: 25_001 }, (_, k) => [`d${k}@example.org`])]);
    expect(await refusal(long, 'text/csv')).toEqual([413, 'file', 'File: the file has more than 25,000 rows; split it into smaller files.']);
    const longXlsx = await xlsxFile([['email'], ...Array.from({ length: 25_001 }, (_, k) => [`d${k}@example.org`])]);
    expect((await refusal(longXlsx, xlsxType))[0]).toBe(413);
    const json = await ctx.app.inject({ method: 'POST', url: `${edition}/imports/delegates`, headers: ctx.organiser, payload: { rows: [] } });
    expect([json.statusCode, json.json().field]).toEqual([415, 'file']);
    const unknownKind = await upload('sessions', csvFile([['code']]), { type: 'text/csv' });
    expect(unknownKind.statusCode).toBe(400);
    expect((await ctx.app.inject({ method: 'POST', url: `${edition}/imports/delegates`, headers: { 'content-type': 'text/csv' }, payload: 'email' })).statusCode).toBe(401);
  });

  it('hands out a template per kind in the reader language, which imports back as it is', async () => {
    await createEindhoven();
    const response = await ctx.app.inject({ url: `${edition}/imports/consultation-participants/template?lang=fr`, headers: ctx.organiser });
    expect(response.headers['content-type']).toBe(xlsxType);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const [list, help] = workbook.worksheets;
    expect(list!.name).toBe('Acheteurs et fournisseurs');
    expect((list!.getRow(1).values as string[]).slice(1, 6)).toEqual(['Code', 'Rôle', 'Entreprise', 'Pays', 'Langues']);
    expect(help!.getCell('D5').text).toContain('code ISO');
    const back = await upload('consultation-participants', response.rawPayload);
    expect(back.json()).toMatchObject({ rows: 0, created: 0, errors: [] });
  });
});
