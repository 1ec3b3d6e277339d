import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { runScript, scratchFolder } from '../support/command-line.ts';

const scratch = scratchFolder('congress-seed-');

describe('npm run seed:demo -- --consultation-results', () => {
  it('records the 2015 results on the demo day once: 111 held, 43 contracts in progress worth USD 40M, 3 signed for USD 220k', async () => {
    const databasePath = join(scratch.folder, 'congress.sqlite');
    Object.assign(process.env, { DATABASE_PATH: databasePath, ADMIN_EMAIL: 'seed@test.example', ADMIN_PASSWORD: 'a long enough password' });
    const first = await runScript('scripts/seed-demo.ts', '--count', '0', '--consultation-results');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('111 meetings held, recorded');
    const again = await runScript('scripts/seed-demo.ts', '--count', '0', '--consultation-results');
    expect(again.stdout).toContain('already has outcomes');
    const db = new Database(databasePath, { readonly: true });
    const totals = db.prepare("select count(*) as held, sum(outcome = 'in-progress') as inProgress, sum(case when outcome = 'in-progress' then value_usd end) as inProgressUsd, sum(outcome = 'signed') as signed, sum(case when outcome = 'signed' then value_usd end) as signedUsd from consultation_outcomes").get();
    db.close();
    expect(totals).toEqual({ held: 111, inProgress: 43, inProgressUsd: 40_000_000, signed: 3, signedUsd: 220_000 });
  }, 60_000);
});
