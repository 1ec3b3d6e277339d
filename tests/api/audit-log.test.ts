import { describe, expect, it } from 'vitest';
import { createEindhovenEdition, registerDelegate, signInAccount, useTestApp } from '../support/test-app.ts';

const ctx = useTestApp();

describe('the audit log of an edition', () => {
  it('lists who did what in this edition only, newest first, filtered by person, area and time', async () => {
    await createEindhovenEdition(ctx.app, ctx.organiser);
    // A clear millisecond between what came before and after the bound.
    await new Promise((resolve) => setTimeout(resolve, 5));
    const before = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 5));
    await ctx.app.inject({ method: 'PATCH', url: '/api/c/tci-2016-eindhoven/congress', headers: ctx.organiser, payload: { archived: false } });
    const anne = await ctx.app.inject({ method: 'POST', url: '/api/c/tci-2016-eindhoven/registrations', payload: { givenName: 'Anne', familyName: 'de Vries', email: 'anne@example.nl', country: 'NL', category: 'sme', languages: ['nl'] } });
    expect(anne.statusCode).toBe(201);
    await ctx.app.inject({ method: 'PATCH', url: '/api/c/tci-2016-eindhoven/categories/press', headers: ctx.organiser, payload: { capacity: 3 } });
    // Elsewhere: the demo's own changes stay out of the edition's log.
    await registerDelegate(ctx.app);
    await ctx.app.inject({ method: 'PATCH', url: '/api/categories/press', headers: ctx.organiser, payload: { capacity: 4 } });

    const page = (query = '') => ctx.app.inject({ url: `/api/c/tci-2016-eindhoven/audit${query}`, headers: ctx.organiser }).then((response) => response.json());
    const all = await page();
    expect(all.items.map((item: { action: string }) => item.action)).toEqual(['category.capacity', 'delegate.register', 'congress.unarchive', 'congress.open', 'congress.create']);
    expect(all.items[1].actor).toEqual({ type: 'delegate', id: anne.json().id, name: 'Anne de Vries' });
    expect(all.items[0].actor).toEqual({ type: 'account', id: expect.any(Number), name: 'Test owner' });
    expect(all.items[0].data).toEqual({ from: 40, to: 3 });

    const organiserId = all.items[0].actor.id as number;
    expect((await page(`?account=${organiserId}`)).items.map((item: { action: string }) => item.action)).toEqual(['category.capacity', 'congress.unarchive', 'congress.open', 'congress.create']);
    expect((await page('?area=delegate')).total).toBe(1);
    expect((await page(`?from=${encodeURIComponent(before)}&area=congress`)).items.map((item: { action: string }) => item.action)).toEqual(['congress.unarchive']);
    const staff = await signInAccount(ctx.app, 'desk');
    expect((await ctx.app.inject({ url: '/api/c/tci-2016-eindhoven/audit', headers: staff })).statusCode).toBe(403);
    const bad = await ctx.app.inject({ url: '/api/c/tci-2016-eindhoven/audit?from=yesterday', headers: ctx.organiser });
    expect([bad.statusCode, bad.json().field]).toEqual([400, 'from']);
  });
});
