import { describe, expect, it } from 'vitest';
import { registerDelegate, useTestApp } from '../support/test-app.ts';

const ctx = useTestApp();

describe('searches that find people', () => {
  it('find delegates whatever the case, the Latin accents and the width typed, and CJK names in either order', async () => {
    for (const [givenName, familyName] of [['Thị Lan', 'Nguyễn'], ['Văn Minh', 'Nguyễn'], ['Thu', 'Nguyễn'], ['Ana', 'Núñez'], ['민준', '김'], ['Tom', 'Nguyen-Smith']]) {
      await registerDelegate(ctx.app, { givenName: givenName!, familyName: familyName!, country: 'VN' });
    }
    const names = async (q: string) => ((await ctx.app.inject({ url: `/api/delegates?q=${encodeURIComponent(q)}`, headers: ctx.organiser })).json().items as { familyName: string; givenName: string }[]).map((item) => `${item.givenName} ${item.familyName}`).sort();
    expect(await names('nguyen')).toEqual(['Thu Nguyễn', 'Thị Lan Nguyễn', 'Tom Nguyen-Smith', 'Văn Minh Nguyễn']);
    expect(await names('NGUYỄN THI')).toEqual(['Thị Lan Nguyễn']);
    expect(await names('nunez')).toEqual(['Ana Núñez']);
    expect(await names('ＮＵＮＥＺ')).toEqual(['Ana Núñez']);
    expect(await names('김민준')).toEqual(['민준 김']);
    expect(await names('민준 김')).toEqual(['민준 김']);
    // The desk's search by name folds alike.
    const desk = (await ctx.app.inject({ url: '/api/check-ins/search?q=nguyen%20thi', headers: ctx.organiser })).json() as { name: string }[];
    expect(desk.map((candidate) => candidate.name)).toEqual(['Thị Lan Nguyễn']);
  });

  it('finds companies without their accents', async () => {
    const added = await ctx.app.inject({ method: 'POST', url: '/api/consultations/participants', headers: ctx.organiser, payload: { code: 'B19', role: 'buyer', company: 'Société Générale d’Équipement', country: 'FR', languages: ['fr'], hsCodes: ['8708'] } });
    expect(added.statusCode).toBe(201);
    const companies = async (q: string) => ((await ctx.app.inject({ url: `/api/consultations/participants?q=${encodeURIComponent(q)}`, headers: ctx.organiser })).json() as { company: string }[]).map((row) => row.company);
    expect(await companies('societe generale')).toEqual(['Société Générale d’Équipement']);
    expect(await companies('ÉQUIPEMENT')).toEqual(['Société Générale d’Équipement']);
  });
});
