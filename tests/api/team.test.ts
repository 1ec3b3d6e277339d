import { describe, expect, it } from 'vitest';
import { organiserCredentials, useTestApp } from '../support/test-app.ts';

const ctx = useTestApp();
const password = 'a long enough passphrase';

const invite = async (email: string, role: 'organiser' | 'staff') => {
  const made = await ctx.app.inject({ method: 'POST', url: '/api/accounts/invitations', headers: ctx.organiser, payload: { email, role } });
  expect(made.statusCode).toBe(201);
  return made.json() as { id: number; token: string };
};
const accept = (token: string, displayName = 'Sanne Jansen', chosen = password) =>
  ctx.app.inject({ method: 'POST', url: '/api/auth/invitations/accept', payload: { token, displayName, password: chosen } });
const login = (email: string, chosen = password) => ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: chosen } });

describe('the team', () => {
  it('invites staff by email and role; the one-time link creates the account, signed in, once', async () => {
    const { token } = await invite('Sanne@Example.nl', 'staff');
    expect(token).toMatch(/^inv_\d+\.[A-Za-z0-9_-]{32}$/);
    const short = await accept(token, 'Sanne', 'short');
    expect([short.statusCode, short.json().field]).toEqual([400, 'password']);
    const joined = await accept(token);
    expect(joined.statusCode).toBe(200);
    const session = { authorization: `Bearer ${joined.json().token}` };
    expect(joined.json().account).toMatchObject({ email: 'sanne@example.nl', displayName: 'Sanne Jansen', role: 'staff' });
    // Staff reach the desks, not the organisers' pages.
    expect((await ctx.app.inject({ url: '/api/check-ins/counts', headers: session })).statusCode).toBe(200);
    expect((await ctx.app.inject({ url: '/api/delegates', headers: session })).statusCode).toBe(403);
    const again = await accept(token, 'Someone else');
    expect([again.statusCode, again.json().field]).toEqual([410, 'token']);
    expect((await ctx.app.inject({ method: 'POST', url: '/api/auth/invitations/accept', payload: { token: `${token.slice(0, -2)}xx`, displayName: 'X', password } })).statusCode).toBe(410);
    expect((await login('sanne@example.nl')).statusCode).toBe(200);
    const taken = await ctx.app.inject({ method: 'POST', url: '/api/accounts/invitations', headers: { ...ctx.organiser, 'accept-language': 'es' }, payload: { email: 'sanne@example.nl', role: 'organiser' } });
    expect([taken.statusCode, taken.json()]).toEqual([409, { field: 'email', message: 'Correo electrónico: ya existe una cuenta con este correo electrónico.' }]);
    const team = (await ctx.app.inject({ url: '/api/accounts', headers: ctx.organiser })).json();
    expect(team.accounts.map((account: { email: string; role: string; disabled: boolean }) => [account.email, account.role, account.disabled])).toEqual([
      ['sanne@example.nl', 'staff', false],
      [organiserCredentials.email, 'organiser', false],
    ]);
    expect(team.invitations).toEqual([]);
  });

  it('disabling ends the account’s sessions and API tokens at once and refuses its sign-in; nobody disables themselves', async () => {
    const { token } = await invite('pieter@example.nl', 'organiser');
    const joined = (await accept(token, 'Pieter')).json();
    const session = { authorization: `Bearer ${joined.token}` };
    const apiToken = (await ctx.app.inject({ method: 'POST', url: '/api/api-tokens', headers: session, payload: { name: 'sheet', readOnly: true } })).json().token;
    expect((await ctx.app.inject({ url: '/api/delegates/counts', headers: { authorization: `Bearer ${apiToken}` } })).statusCode).toBe(200);

    expect((await ctx.app.inject({ method: 'PATCH', url: `/api/accounts/${joined.account.id}`, headers: ctx.organiser, payload: { disabled: true } })).statusCode).toBe(204);
    expect((await ctx.app.inject({ url: '/api/delegates/counts', headers: session })).statusCode).toBe(401);
    expect((await ctx.app.inject({ url: '/api/delegates/counts', headers: { authorization: `Bearer ${apiToken}` } })).statusCode).toBe(401);
    const refused = await login('pieter@example.nl');
    expect([refused.statusCode, refused.json().field]).toEqual([403, 'email']);

    const me = (await ctx.app.inject({ url: '/api/accounts', headers: ctx.organiser })).json().accounts.find((account: { email: string }) => account.email === organiserCredentials.email);
    const own = await ctx.app.inject({ method: 'PATCH', url: `/api/accounts/${me.id}`, headers: ctx.organiser, payload: { disabled: true } });
    expect([own.statusCode, own.json().field]).toEqual([409, 'id']);
    // Enabled again, he signs in as before.
    await ctx.app.inject({ method: 'PATCH', url: `/api/accounts/${joined.account.id}`, headers: ctx.organiser, payload: { disabled: false } });
    expect((await login('pieter@example.nl')).statusCode).toBe(200);
  });

  it('changes the own password after checking the current one and signs out the other sessions', async () => {
    const other = { authorization: `Bearer ${(await login(organiserCredentials.email, organiserCredentials.password)).json().token}` };
    const wrong = await ctx.app.inject({ method: 'POST', url: '/api/auth/password', headers: { ...ctx.organiser, 'accept-language': 'ko' }, payload: { currentPassword: 'not it', newPassword: 'another long passphrase' } });
    expect([wrong.statusCode, wrong.json()]).toEqual([422, { field: 'currentPassword', message: '현재 비밀번호: 현재 비밀번호가 맞지 않습니다.' }]);
    const changed = await ctx.app.inject({ method: 'POST', url: '/api/auth/password', headers: ctx.organiser, payload: { currentPassword: organiserCredentials.password, newPassword: 'another long passphrase' } });
    expect(changed.statusCode).toBe(204);
    expect((await ctx.app.inject({ url: '/api/delegates/counts', headers: ctx.organiser })).statusCode).toBe(200);
    expect((await ctx.app.inject({ url: '/api/delegates/counts', headers: other })).statusCode).toBe(401);
    expect((await login(organiserCredentials.email, organiserCredentials.password)).statusCode).toBe(401);
    expect((await login(organiserCredentials.email, 'another long passphrase')).statusCode).toBe(200);
  });
});
