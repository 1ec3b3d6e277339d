import { describe, expect, it } from 'vitest';
import { createEindhovenEdition, organiserCredentials, useTestApp } from '../support/test-app.ts';

const ctx = useTestApp();
const password = 'a long enough passphrase';

const invite = async (email: string, role: 'owner' | 'organiser' | 'desk' | 'floor', headers = ctx.organiser, prefix = '/api') => {
  const made = await ctx.app.inject({ method: 'POST', url: `${prefix}/accounts/invitations`, headers, payload: { email, role } });
  expect(made.statusCode, made.body).toBe(201);
  return made.json() as { id: number; token: string };
};
/** `null`: no name sent, as a person who has an account already joins. */
const accept = (token: string, displayName: string | null = 'Sanne Jansen', chosen = password) =>
  ctx.app.inject({ method: 'POST', url: '/api/auth/invitations/accept', payload: { token, password: chosen, ...(displayName === null ? {} : { displayName }) } });
const login = (email: string, chosen = password, prefix = '/api') => ctx.app.inject({ method: 'POST', url: `${prefix}/auth/login`, payload: { email, password: chosen } });
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe('the team', () => {
  it('invites desk staff by email and role; the one-time link creates the account, signed in, once', async () => {
    const { token } = await invite('Sanne@Example.nl', 'desk');
    expect(token).toMatch(/^inv_\d+\.[A-Za-z0-9_-]{32}$/);
    const details = await ctx.app.inject({ method: 'POST', url: '/api/auth/invitations/lookup', payload: { token } });
    expect(details.json()).toEqual({ email: 'sanne@example.nl', role: 'desk', congress: expect.objectContaining({ en: '18th TCI Global Conference' }), accountExists: false });
    const short = await accept(token, 'Sanne', 'short');
    expect([short.statusCode, short.json().field]).toEqual([422, 'password']);
    const nameless = await accept(token, null);
    expect([nameless.statusCode, nameless.json().field]).toEqual([422, 'displayName']);
    const joined = await accept(token);
    expect(joined.statusCode).toBe(200);
    const session = bearer(joined.json().token);
    expect(joined.json().account).toMatchObject({ email: 'sanne@example.nl', displayName: 'Sanne Jansen', role: 'desk' });
    // Desk staff reach the check-in desks, not the floor nor the organisers' pages.
    expect((await ctx.app.inject({ url: '/api/check-ins/counts', headers: session })).statusCode).toBe(200);
    expect((await ctx.app.inject({ url: '/api/consultations/floor', headers: session })).statusCode).toBe(403);
    expect((await ctx.app.inject({ url: '/api/delegates', headers: session })).statusCode).toBe(403);
    expect((await ctx.app.inject({ url: '/api/auth/account', headers: session })).json()).toMatchObject({ email: 'sanne@example.nl', role: 'desk' });
    const again = await accept(token, 'Someone else');
    expect([again.statusCode, again.json().field]).toEqual([410, 'token']);
    expect((await ctx.app.inject({ method: 'POST', url: '/api/auth/invitations/accept', payload: { token: `${token.slice(0, -2)}xx`, displayName: 'X', password } })).statusCode).toBe(410);
    expect((await login('sanne@example.nl')).statusCode).toBe(200);
    const member = await ctx.app.inject({ method: 'POST', url: '/api/accounts/invitations', headers: { ...ctx.organiser, 'accept-language': 'es' }, payload: { email: 'sanne@example.nl', role: 'organiser' } });
    expect([member.statusCode, member.json()]).toEqual([409, { field: 'email', message: 'Correo electrónico: esta persona ya forma parte del equipo de este congreso.' }]);
    const team = (await ctx.app.inject({ url: '/api/accounts', headers: ctx.organiser })).json();
    expect(team.accounts.map((account: { email: string; role: string; disabled: boolean }) => [account.email, account.role, account.disabled])).toEqual([
      ['sanne@example.nl', 'desk', false],
      [organiserCredentials.email, 'owner', false],
    ]);
    expect(team.invitations).toEqual([]);
  });

  it('roles are per congress: a member of one edition sees nothing of another until invited there, and joins it with the password they have', async () => {
    await createEindhovenEdition(ctx.app, ctx.organiser);
    const { token } = await invite('sanne@example.nl', 'floor');
    const sanne = (await accept(token, 'Sanne')).json();
    const inDaegu = bearer(sanne.token);
    // Signing in at Eindhoven's address: the password is right, but she is not on that team.
    const outside = await login('sanne@example.nl', password, '/api/c/tci-2016-eindhoven');
    expect([outside.statusCode, outside.json().field]).toEqual([403, 'email']);
    for (const url of ['/api/c/tci-2016-eindhoven/consultations/floor', '/api/c/tci-2016-eindhoven/check-ins/counts', '/api/c/tci-2016-eindhoven/auth/account']) {
      const refused = await ctx.app.inject({ url, headers: inDaegu });
      expect([refused.statusCode, refused.json().field], url).toEqual([403, 'Authorization']);
    }
    expect((await ctx.app.inject({ url: '/api/congresses', headers: inDaegu })).json().map((edition: { slug: string; role: string }) => [edition.slug, edition.role])).toEqual([['tci-2015-daegu', 'floor']]);
    // Nor can she copy an edition she does not organise.
    const copy = await ctx.app.inject({
      method: 'POST',
      url: '/api/c/tci-2016-eindhoven/congresses',
      headers: ctx.organiser,
      payload: { slug: 'tci-2017', name: { en: 'TCI 2017' }, startsOn: '2017-10-01', endsOn: '2017-10-03', venue: { en: 'V' }, city: { en: 'C' }, timeZone: 'UTC', copyFrom: 'tci-2015-daegu' },
    });
    expect(copy.statusCode).toBe(201);

    // Invited to Eindhoven as organiser, she joins with her existing password; her name stays.
    const second = await invite('sanne@example.nl', 'organiser', ctx.organiser, '/api/c/tci-2016-eindhoven');
    expect((await ctx.app.inject({ method: 'POST', url: '/api/auth/invitations/lookup', payload: { token: second.token } })).json()).toMatchObject({ accountExists: true, role: 'organiser' });
    const wrong = await accept(second.token, null, 'not her password at all');
    expect([wrong.statusCode, wrong.json().field]).toEqual([422, 'password']);
    const joined = await accept(second.token, 'Another name');
    expect(joined.json().account).toMatchObject({ id: sanne.account.id, displayName: 'Sanne', role: 'organiser' });
    expect((await ctx.app.inject({ url: '/api/c/tci-2016-eindhoven/delegates/counts', headers: inDaegu })).statusCode).toBe(200);
    // In Daegu she is still floor staff.
    expect((await ctx.app.inject({ url: '/api/delegates/counts', headers: inDaegu })).statusCode).toBe(403);
    const copyFromFloor = await ctx.app.inject({
      method: 'POST',
      url: '/api/c/tci-2016-eindhoven/congresses',
      headers: inDaegu,
      payload: { slug: 'tci-2018', name: { en: 'TCI 2018' }, startsOn: '2018-10-01', endsOn: '2018-10-03', venue: { en: 'V' }, city: { en: 'C' }, timeZone: 'UTC', copyFrom: 'tci-2015-daegu' },
    });
    expect([copyFromFloor.statusCode, copyFromFloor.json().field]).toEqual([422, 'copyFrom']);
    const team = (await ctx.app.inject({ url: '/api/c/tci-2016-eindhoven/accounts', headers: inDaegu })).json();
    expect(team.accounts.map((account: { email: string; role: string }) => [account.email, account.role])).toEqual([
      ['sanne@example.nl', 'organiser'],
      [organiserCredentials.email, 'owner'],
    ]);
  });

  it('only an owner names owners or changes one; organisers change the others’ roles but never their own', async () => {
    const organiser = (await accept((await invite('pieter@example.nl', 'organiser')).token, 'Pieter')).json();
    const asPieter = bearer(organiser.token);
    const owner = (await ctx.app.inject({ url: '/api/accounts', headers: ctx.organiser })).json().you as number;
    const refused = await ctx.app.inject({ method: 'POST', url: '/api/accounts/invitations', headers: { ...asPieter, 'accept-language': 'fr' }, payload: { email: 'x@example.nl', role: 'owner' } });
    expect([refused.statusCode, refused.json()]).toEqual([403, { field: 'role', message: 'Rôle : seul un propriétaire peut nommer un propriétaire ou le modifier.' }]);
    const demote = await ctx.app.inject({ method: 'PATCH', url: `/api/accounts/${owner}`, headers: asPieter, payload: { role: 'desk' } });
    expect([demote.statusCode, demote.json().field]).toEqual([403, 'role']);
    const own = await ctx.app.inject({ method: 'PATCH', url: `/api/accounts/${organiser.account.id}`, headers: asPieter, payload: { role: 'owner' } });
    expect([own.statusCode, own.json().field]).toEqual([409, 'id']);
    // API tokens are the owners' alone.
    expect((await ctx.app.inject({ url: '/api/api-tokens', headers: asPieter })).statusCode).toBe(403);

    const staff = (await accept((await invite('joost@example.nl', 'desk', asPieter)).token, 'Joost')).json();
    expect((await ctx.app.inject({ method: 'PATCH', url: `/api/accounts/${staff.account.id}`, headers: asPieter, payload: { role: 'floor' } })).statusCode).toBe(204);
    expect((await ctx.app.inject({ url: '/api/consultations/floor', headers: bearer(staff.token) })).statusCode).toBe(200);
    expect((await ctx.app.inject({ url: '/api/check-ins/counts', headers: bearer(staff.token) })).statusCode).toBe(403);
    const audit = (await ctx.app.inject({ url: '/api/audit?area=account', headers: ctx.organiser })).json();
    expect(audit.items[0]).toMatchObject({ action: 'account.role', actor: { name: 'Pieter' }, data: { from: 'desk', to: 'floor' } });
  });

  it('disabling a member ends what they do in this congress at once, sessions and API tokens alike; nobody disables themselves', async () => {
    const { token } = await invite('pieter@example.nl', 'owner');
    const joined = (await accept(token, 'Pieter')).json();
    const session = bearer(joined.token);
    const apiToken = bearer((await ctx.app.inject({ method: 'POST', url: '/api/api-tokens', headers: session, payload: { name: 'sheet', readOnly: true } })).json().token);
    expect((await ctx.app.inject({ url: '/api/delegates/counts', headers: apiToken })).statusCode).toBe(200);

    expect((await ctx.app.inject({ method: 'PATCH', url: `/api/accounts/${joined.account.id}`, headers: ctx.organiser, payload: { disabled: true } })).statusCode).toBe(204);
    expect((await ctx.app.inject({ url: '/api/delegates/counts', headers: session })).statusCode).toBe(403);
    expect((await ctx.app.inject({ url: '/api/delegates/counts', headers: apiToken })).statusCode).toBe(401);
    const refused = await login('pieter@example.nl');
    expect([refused.statusCode, refused.json().field]).toEqual([403, 'email']);

    const me = (await ctx.app.inject({ url: '/api/accounts', headers: ctx.organiser })).json().you as number;
    const own = await ctx.app.inject({ method: 'PATCH', url: `/api/accounts/${me}`, headers: ctx.organiser, payload: { disabled: true } });
    expect([own.statusCode, own.json().field]).toEqual([409, 'id']);
    const empty = await ctx.app.inject({ method: 'PATCH', url: `/api/accounts/${joined.account.id}`, headers: ctx.organiser, payload: {} });
    expect(empty.statusCode).toBe(400);
    // Enabled again, he signs in as before.
    await ctx.app.inject({ method: 'PATCH', url: `/api/accounts/${joined.account.id}`, headers: ctx.organiser, payload: { disabled: false } });
    expect((await login('pieter@example.nl')).statusCode).toBe(200);
    expect((await ctx.app.inject({ url: '/api/delegates/counts', headers: apiToken })).statusCode).toBe(200);
  });

  it('changes the own password after checking the current one and signs out the other sessions', async () => {
    const other = bearer((await login(organiserCredentials.email, organiserCredentials.password)).json().token);
    const wrong = await ctx.app.inject({ method: 'POST', url: '/api/auth/password', headers: { ...ctx.organiser, 'accept-language': 'ko' }, payload: { currentPassword: 'not it', newPassword: 'another long passphrase' } });
    expect([wrong.statusCode, wrong.json()]).toEqual([422, { field: 'currentPassword', message: '현재 비밀번호: 비밀번호가 맞지 않습니다.' }]);
    const changed = await ctx.app.inject({ method: 'POST', url: '/api/auth/password', headers: ctx.organiser, payload: { currentPassword: organiserCredentials.password, newPassword: 'another long passphrase' } });
    expect(changed.statusCode).toBe(204);
    expect((await ctx.app.inject({ url: '/api/delegates/counts', headers: ctx.organiser })).statusCode).toBe(200);
    expect((await ctx.app.inject({ url: '/api/delegates/counts', headers: other })).statusCode).toBe(401);
    expect((await login(organiserCredentials.email, organiserCredentials.password)).statusCode).toBe(401);
    expect((await login(organiserCredentials.email, 'another long passphrase')).statusCode).toBe(200);
  });
});
