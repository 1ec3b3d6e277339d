import { describe, expect, it } from 'vitest';
import { useTestApp } from '../support/test-app.ts';

const ctx = useTestApp();

async function createEdition(slug: string) {
  const created = await ctx.app.inject({
    method: 'POST',
    url: '/api/congresses',
    headers: ctx.organiser,
    payload: { slug, name: { en: slug }, startsOn: '2016-09-27', endsOn: '2016-09-30', venue: { en: 'Evoluon' }, city: { en: 'Eindhoven' }, timeZone: 'Europe/Amsterdam', copyFrom: 'tci-2015-daegu' },
  });
  expect(created.statusCode).toBe(201);
}

const makeToken = async (slug: string, readOnly: boolean) => {
  const made = await ctx.app.inject({ method: 'POST', url: `/api/c/${slug}/api-tokens`, headers: ctx.organiser, payload: { name: 'CRM export', readOnly } });
  expect(made.statusCode).toBe(201);
  return made.json() as { id: number; token: string };
};

describe('API tokens per congress', () => {
  it('reads and, when full, changes its own congress only, and stops working once revoked', async () => {
    await createEdition('tci-2016-eindhoven');
    const full = await makeToken('tci-2016-eindhoven', false);
    expect(full.token).toMatch(/^cat_\d+\.[A-Za-z0-9_-]{32}$/);
    const bearer = { authorization: `Bearer ${full.token}` };

    expect((await ctx.app.inject({ url: '/api/c/tci-2016-eindhoven/delegates/counts', headers: bearer })).statusCode).toBe(200);
    const changed = await ctx.app.inject({ method: 'PATCH', url: '/api/c/tci-2016-eindhoven/categories/press', headers: bearer, payload: { capacity: 5 } });
    expect(changed.statusCode).toBe(200);

    // Worthless in another congress, the demo included, whatever the route.
    const elsewhere = await ctx.app.inject({ url: '/api/delegates/counts', headers: { ...bearer, 'accept-language': 'fr' } });
    expect([elsewhere.statusCode, elsewhere.json()]).toEqual([403, { field: 'Authorization', message: 'Connexion : ce jeton d’API appartient à un autre congrès.' }]);

    // A token can neither mint tokens nor create editions.
    expect((await ctx.app.inject({ method: 'POST', url: '/api/c/tci-2016-eindhoven/api-tokens', headers: bearer, payload: { name: 'more', readOnly: false } })).statusCode).toBe(403);
    expect((await ctx.app.inject({ url: '/api/congresses', headers: bearer })).statusCode).toBe(403);

    const listed = (await ctx.app.inject({ url: '/api/c/tci-2016-eindhoven/api-tokens', headers: ctx.organiser })).json();
    expect(listed).toEqual([{ id: full.id, name: 'CRM export', readOnly: false, createdAt: expect.any(String), createdBy: 'Test owner', revokedAt: null }]);
    expect(JSON.stringify(listed)).not.toContain(full.token.split('.')[1]);
    // Each congress lists its own.
    expect((await ctx.app.inject({ url: '/api/api-tokens', headers: ctx.organiser })).json()).toEqual([]);

    expect((await ctx.app.inject({ method: 'DELETE', url: `/api/c/tci-2016-eindhoven/api-tokens/${full.id}`, headers: ctx.organiser })).statusCode).toBe(204);
    expect((await ctx.app.inject({ url: '/api/c/tci-2016-eindhoven/delegates/counts', headers: bearer })).statusCode).toBe(401);
    expect((await ctx.app.inject({ method: 'DELETE', url: `/api/api-tokens/${full.id}`, headers: ctx.organiser })).statusCode).toBe(404);
  });

  it('lets a read-only token read and refuses every change, naming why', async () => {
    const readOnly = await makeToken('tci-2015-daegu', true);
    const bearer = { authorization: `Bearer ${readOnly.token}` };
    expect((await ctx.app.inject({ url: '/api/delegates?limit=1', headers: bearer })).statusCode).toBe(200);
    expect((await ctx.app.inject({ url: '/api/consultations/report.csv', headers: bearer })).statusCode).toBe(200);
    const refused = await ctx.app.inject({ method: 'PATCH', url: '/api/categories/press', headers: bearer, payload: { capacity: 5 } });
    expect([refused.statusCode, refused.json().message]).toEqual([403, 'Sign-in: this API token may only read.']);
    const forged = await ctx.app.inject({ url: '/api/delegates?limit=1', headers: { authorization: `Bearer ${readOnly.token.slice(0, -4)}AAAA` } });
    expect(forged.statusCode).toBe(401);
  });
});
