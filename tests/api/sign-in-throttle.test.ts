import { describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app.ts';
import { noAbuseLimits } from '../../server/abuse/abuse-limits.ts';
import { signInFailures } from '../../server/auth/sign-in-throttle.ts';
import { passwordWeakness } from '../../server/auth/password-strength.ts';
import { createAccount } from '../../server/auth/accounts-service.ts';
import { hashPassword } from '../../server/auth/password.ts';
import { demoCongressId, organiserCredentials, signInOrganiser, startTestApp } from '../support/test-app.ts';

type App = Awaited<ReturnType<typeof startTestApp>>['app'];
const signIn = (app: App, password: string, address: string, email = organiserCredentials.email) =>
  app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password }, remoteAddress: address, headers: { 'accept-language': 'ko' } });

describe('sign-in throttled per account', () => {
  it('stops an account after repeated failures from many addresses, keeps the count across a restart, and spares other accounts', async () => {
    const { app, databasePath } = await startTestApp();
    await signInOrganiser(app);
    // Each guess from another address: a per-address limit alone would never see more than one.
    for (let i = 0; i < signInFailures.max; i++) expect((await signIn(app, `guess number ${i}`, `203.0.113.${i + 1}`)).statusCode).toBe(401);
    const held = await signIn(app, organiserCredentials.password, '198.51.100.77');
    expect(held.statusCode).toBe(429);
    expect(held.json()).toMatchObject({ field: 'password', message: expect.stringContaining('15분') });
    // Another way of writing the address is the same account.
    expect((await signIn(app, organiserCredentials.password, '198.51.100.78', organiserCredentials.email.toUpperCase())).statusCode).toBe(429);
    await app.close();

    const restarted = await buildApp({ databasePath, limits: noAbuseLimits });
    try {
      expect((await signIn(restarted, organiserCredentials.password, '198.51.100.79')).statusCode).toBe(429);
      // Another account of the same database signs in as usual.
      createAccount(restarted.db, { email: 'other@test.example', displayName: 'Other', passwordHash: await hashPassword(organiserCredentials.password), congressId: demoCongressId(restarted), role: 'desk' });
      expect((await signIn(restarted, organiserCredentials.password, '198.51.100.79', 'other@test.example')).statusCode).toBe(200);
    } finally {
      await restarted.close();
    }
  });

  it('does not count successful sign-ins', async () => {
    const { app } = await startTestApp();
    await signInOrganiser(app);
    for (let i = 0; i < signInFailures.max + 5; i++) expect((await signIn(app, organiserCredentials.password, `198.51.100.${i + 1}`)).statusCode).toBe(200);
    await app.close();
  });
});

describe('password strength', () => {
  it('refuses short passwords and easy guesses, and takes passphrases', () => {
    expect(passwordWeakness('a')?.messageKey).toBe('tooShort');
    expect(passwordWeakness('password1234')?.messageKey).toBe('weakPassword');
    expect(passwordWeakness('qwertyuiop12')?.messageKey).toBe('weakPassword');
    expect(passwordWeakness('aaaaaaaaaaaa')?.messageKey).toBe('weakPassword');
    expect(passwordWeakness('minjun.kim@kicox.or.kr', ['minjun.kim@kicox.or.kr', 'Minjun Kim'])?.messageKey).toBe('weakPassword');
    expect(passwordWeakness('minjun.kim@kicox.or.kr')).toBeNull();
    expect(passwordWeakness('correct horse battery staple')).toBeNull();
    expect(passwordWeakness('구름 위의 자전거 여행 2015')).toBeNull();
  });

  it('refuses a weak new password when it is changed, naming the field in the reader’s language', async () => {
    const { app } = await startTestApp();
    const organiser = await signInOrganiser(app);
    const weak = await app.inject({ method: 'POST', url: '/api/auth/password', headers: { ...organiser, 'accept-language': 'ko' }, payload: { currentPassword: organiserCredentials.password, newPassword: 'password1234' } });
    expect(weak.statusCode).toBe(422);
    expect(weak.json()).toMatchObject({ field: 'newPassword', message: expect.stringContaining('추측하기 너무 쉬운') });
    expect((await signIn(app, organiserCredentials.password, '198.51.100.9')).statusCode).toBe(200);
    await app.close();
  });
});
