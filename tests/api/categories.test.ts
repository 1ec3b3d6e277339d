import { describe, expect, it } from 'vitest';
import { registerDelegate, useTestApp } from '../support/test-app.ts';

const ctx = useTestApp();
const send = (method: 'POST' | 'PATCH' | 'DELETE', url: string, payload?: Record<string, unknown>, language = 'en') =>
  ctx.app.inject({ method, url, headers: { ...ctx.organiser, 'accept-language': language }, ...(payload ? { payload } : {}) });

describe('delegate categories set up by organisers', () => {
  it('adds a category named per language, shows it in the reader language everywhere, and refuses a code taken', async () => {
    const created = await send('POST', '/api/categories', { code: 'startup', name: { en: 'Start-up', ko: '스타트업', es: 'Empresa emergente' }, capacity: 2, requiresApproval: false });
    expect([created.statusCode, created.json()]).toEqual([201, { code: 'startup', name: { en: 'Start-up', ko: '스타트업', es: 'Empresa emergente' }, capacity: 2, requiresApproval: false, promoted: 0 }]);
    const congress = (await ctx.app.inject({ url: '/api/congress' })).json();
    expect(congress.categories.at(-1)).toEqual({ code: 'startup', name: { en: 'Start-up', ko: '스타트업', es: 'Empresa emergente' }, requiresApproval: false });

    const delegate = await registerDelegate(ctx.app, { category: 'startup' });
    expect(delegate.status).toBe('confirmed');
    const csv = (await ctx.app.inject({ url: '/api/delegates.csv?lang=ko&category=startup', headers: ctx.organiser })).body;
    expect(csv).toContain('스타트업');
    // French is not among its names: the edition's own languages (English, then Korean) stand in.
    expect((await ctx.app.inject({ url: '/api/delegates.csv?lang=fr&category=startup', headers: ctx.organiser })).body).toContain(',Start-up,');

    const taken = await send('POST', '/api/categories', { code: 'startup', name: { en: 'Again' } }, 'fr');
    expect([taken.statusCode, taken.json()]).toEqual([409, { field: 'code', message: 'Code : le code « startup » est déjà utilisé.' }]);
    const nameless = await send('POST', '/api/categories', { code: 'nameless', name: {} });
    expect([nameless.statusCode, nameless.json().field]).toEqual([400, 'name']);
    const badCode = await send('POST', '/api/categories', { code: 'Start Up', name: { en: 'x' } });
    expect([badCode.statusCode, badCode.json().field]).toEqual([400, 'code']);
  });

  it('renames and changes approval and capacity in one change; a larger capacity promotes the waiting list', async () => {
    await send('POST', '/api/categories', { code: 'startup', name: { en: 'Start-up' }, capacity: 1 });
    await registerDelegate(ctx.app, { category: 'startup' });
    const waiting = await registerDelegate(ctx.app, { category: 'startup' });
    expect(waiting.status).toBe('waitlisted');
    const changed = await send('PATCH', '/api/categories/startup', { name: { en: 'Start-ups', fr: 'Jeunes pousses' }, capacity: 2, requiresApproval: true });
    expect(changed.json()).toEqual({ code: 'startup', name: { en: 'Start-ups', fr: 'Jeunes pousses' }, capacity: 2, requiresApproval: true, promoted: 1 });
    // Promotion into a category that now needs approval waits for it.
    expect((await ctx.app.inject({ url: `/api/delegates/${waiting.id}`, headers: ctx.organiser })).json().status).toBe('pending');
  });

  it('removes a category only while nobody is registered in it, saying how many are', async () => {
    await send('POST', '/api/categories', { code: 'startup', name: { en: 'Start-up' } });
    await registerDelegate(ctx.app, { category: 'startup' });
    const refused = await send('DELETE', '/api/categories/startup', undefined, 'ko');
    expect([refused.statusCode, refused.json()]).toEqual([409, { field: 'category', message: '참가 구분: 이 참가 구분에 1명이 등록되어 있습니다. 먼저 다른 구분으로 옮기세요.' }]);
    await send('POST', '/api/categories', { code: 'unused', name: { en: 'Unused' } });
    expect((await send('DELETE', '/api/categories/unused')).statusCode).toBe(204);
    expect((await send('DELETE', '/api/categories/unused')).statusCode).toBe(404);
    expect((await ctx.app.inject({ url: '/api/congress' })).json().categories.map((c: { code: string }) => c.code)).not.toContain('unused');
  });
});
