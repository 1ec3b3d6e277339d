import { describe, expect, it } from 'vitest';
import { useMailApps } from '../support/mail-app.ts';
import { organiserCredentials, startTestApp } from '../support/test-app.ts';

type App = Awaited<ReturnType<typeof startTestApp>>['app'];
const appWithMail = useMailApps();

const ask = (app: App, email: string, language = 'en') => app.inject({ method: 'POST', url: '/api/auth/password-reset', headers: { 'accept-language': language }, payload: { email } });
const confirm = (app: App, token: string, password: string) => app.inject({ method: 'POST', url: '/api/auth/password-reset/confirm', payload: { token, password } });
const login = (app: App, password: string) => app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: organiserCredentials.email, password } });
const tokenIn = (text: string) => decodeURIComponent(/reset#token=([^\s&]+)/.exec(text)![1]!);

describe('password reset', () => {
  it('mails a one-time link in the asker’s language; the new password works, the old one and every session end', async () => {
    const { app, sink, organiser: session } = await appWithMail();
    const known = await ask(app, 'Organiser@Test.example', 'ja');
    const unknown = await ask(app, 'nobody@test.example', 'ja');
    // Nothing tells an asker whether an account has the address.
    expect([known.statusCode, unknown.statusCode]).toEqual([202, 202]);
    expect(unknown.body).toBe(known.body);
    const [mail] = await sink.waitFor(1);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(sink.received).toHaveLength(1);
    expect(mail!.to).toBe(organiserCredentials.email);
    expect(mail!.subject).toBe('18th TCI Global Conferenceの新しいパスワード設定');
    expect(mail!.text).toContain('https://congress.example.org/c/tci-2015-daegu/organiser/reset#token=pwr_');
    const token = tokenIn(mail!.text);

    const short = await confirm(app, token, 'short');
    expect(short.statusCode).toBe(400);
    expect(short.json().field).toBe('password');
    expect((await confirm(app, token, 'a brand new passphrase')).statusCode).toBe(204);
    expect((await login(app, organiserCredentials.password)).statusCode).toBe(401);
    expect((await login(app, 'a brand new passphrase')).statusCode).toBe(200);
    expect((await app.inject({ url: '/api/auth/account', headers: session })).statusCode).toBe(401);
    // Spent, the link opens nothing; nor does a forged one.
    const again = await confirm(app, token, 'yet another passphrase');
    expect(again.statusCode).toBe(410);
    expect(again.json().field).toBe('token');
    expect((await confirm(app, token.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')), 'yet another passphrase')).statusCode).toBe(410);
    expect((await confirm(app, 'pwr_1.not-a-secret', 'yet another passphrase')).statusCode).toBe(410);
    const audit = app.db.$client.prepare("select action from audit_log where action like 'account.password%' order by id").pluck().all();
    expect(audit).toEqual(['account.passwordResetAsked', 'account.passwordReset']);
  });

  it('sends at most three links an hour to one address, each replacing the one before', async () => {
    const { app, sink } = await appWithMail();
    for (let k = 0; k < 10; k++) expect((await ask(app, organiserCredentials.email)).statusCode).toBe(202);
    await sink.waitFor(3);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(sink.received).toHaveLength(3);
    const [first, , last] = sink.received.map((mail) => tokenIn(mail.text));
    expect((await confirm(app, first!, 'a brand new passphrase')).statusCode).toBe(410);
    expect((await confirm(app, last!, 'a brand new passphrase')).statusCode).toBe(204);
  });

  it('sets one password when the link is used twice at once', async () => {
    const { app, sink } = await appWithMail();
    await ask(app, organiserCredentials.email);
    const [mail] = await sink.waitFor(1);
    const token = tokenIn(mail!.text);
    const answers = await Promise.all([confirm(app, token, 'first passphrase here'), confirm(app, token, 'second passphrase here')]);
    expect(answers.map((answer) => answer.statusCode).sort()).toEqual([204, 410]);
    const worked = await Promise.all([login(app, 'first passphrase here'), login(app, 'second passphrase here')]);
    expect(worked.map((answer) => answer.statusCode).sort()).toEqual([200, 401]);
  });
});
