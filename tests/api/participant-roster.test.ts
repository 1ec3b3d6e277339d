import { describe, expect, it } from 'vitest';
import { useTestApp } from '../support/test-app.ts';

const ctx = useTestApp();
const send = (method: 'POST' | 'DELETE', url: string, payload?: Record<string, unknown>, language = 'en') =>
  ctx.app.inject({ method, url, headers: { ...ctx.organiser, 'accept-language': language }, ...(payload ? { payload } : {}) });
const buyer = { code: 'B19', role: 'buyer', company: 'Philips Medical Systems', country: 'NL', languages: ['nl', 'en'], hsCodes: ['9018'], annualPurchaseUsd: 2_500_000 };

describe('buyers and suppliers added and removed by hand', () => {
  it('adds a buyer with a profile, which the directory and the instance show; bad fields are named', async () => {
    const added = await send('POST', '/api/consultations/participants', buyer);
    expect(added.statusCode).toBe(201);
    expect(added.json()).toMatchObject({ code: 'B19', role: 'buyer', company: 'Philips Medical Systems', products: [{ hs: '9018' }], annualPurchaseUsd: 2_500_000, available: null });
    const instance = (await ctx.app.inject({ url: '/api/consultations/instance', headers: ctx.organiser })).json();
    expect(instance.participants.find((p: { id: string }) => p.id === 'B19')).toEqual({ id: 'B19', role: 'buyer', languages: ['nl', 'en'] });

    const taken = await send('POST', '/api/consultations/participants', buyer, 'ja');
    expect([taken.statusCode, taken.json().field]).toEqual([409, 'code']);
    for (const [change, field, status] of [
      [{ country: 'XX' }, 'country', 400],
      [{ languages: ['zz'] }, 'languages[0]', 400],
      [{ hsCodes: ['9999'] }, 'hsCodes[0]', 400],
      [{ complex: 'seongseo' }, 'complex', 422],
      [{ code: 'B 20' }, 'code', 400],
    ] as const) {
      const refused = await send('POST', '/api/consultations/participants', { ...buyer, code: 'B20', ...change });
      expect([refused.statusCode, refused.json().field], JSON.stringify(change)).toEqual([status, field]);
    }
  });

  it('removes one without meetings and refuses one with them, saying how many', async () => {
    await send('POST', '/api/consultations/participants', buyer);
    expect((await send('DELETE', '/api/consultations/participants/B19')).statusCode).toBe(204);
    expect((await send('DELETE', '/api/consultations/participants/B19')).statusCode).toBe(404);
    const kept = await send('DELETE', '/api/consultations/participants/B01', undefined, 'fr');
    expect(kept.statusCode).toBe(409);
    expect(kept.json().message).toMatch(/^Participant : cette entreprise a \d+ rendez-vous/);
  });
});
