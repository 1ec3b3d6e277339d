import { describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { aDelegate, organiserCredentials, signInOrganiser, useAppsPerTest, type startTestApp } from '../support/test-app.ts';

type App = Awaited<ReturnType<typeof startTestApp>>['app'];
const apps = useAppsPerTest();
async function started(options: Parameters<typeof startTestApp>[0] = {}) {
  const { app } = await apps.start(options);
  await signInOrganiser(app);
  return app;
}

/** Signs in as the page does, and returns the cookie to send back and the CSRF token. */
async function cookieSignIn(app: App) {
  const answer = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { ...organiserCredentials, session: 'cookie' } });
  expect(answer.statusCode).toBe(200);
  const setCookie = String(answer.headers['set-cookie']);
  return { answer, setCookie, cookie: setCookie.split(';')[0]!, csrfToken: answer.json().csrfToken as string };
}

describe('security headers', () => {
  it('sends a CSP without inline scripts, no framing, nosniff and no referrer, on pages and on the API', async () => {
    const webRoot = mkdtempSync(join(tmpdir(), 'congress-web-'));
    mkdirSync(webRoot, { recursive: true });
    writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>t</title>');
    const app = await started({ webRoot });
    for (const url of ['/organiser', '/', '/api/health']) {
      const answer = await app.inject({ url });
      const policy = String(answer.headers['content-security-policy']);
      const scripts = policy.split(';').find((directive) => directive.trim().startsWith('script-src'))!;
      expect(scripts.trim()).toBe("script-src 'self'");
      expect(policy).toContain("frame-ancestors 'none'");
      expect(policy).toContain("object-src 'none'");
      expect(answer.headers['x-content-type-options']).toBe('nosniff');
      expect(answer.headers['referrer-policy']).toBe('no-referrer');
    }
  });
});

describe('organiser sessions in an HttpOnly cookie', () => {
  it('hands a browser an HttpOnly, SameSite=Strict cookie and a CSRF token, never the session itself', async () => {
    const app = await started();
    const { answer, setCookie, csrfToken } = await cookieSignIn(app);
    expect(setCookie).toMatch(/^congress_session=ses_[^;]+;/);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Strict');
    // Served over plain HTTP here, so not Secure (a browser would drop it).
    expect(setCookie).not.toContain('Secure');
    expect(answer.json().token).toBeUndefined();
    expect(csrfToken).toMatch(/^csrf_/);
    expect(answer.body).not.toContain(setCookie.split(';')[0]!.split('=')[1]!);
  });

  it('marks the cookie Secure when PUBLIC_URL is an https address', async () => {
    const app = await started({ mail: { from: 'x <x@example.org>', publicUrl: 'https://congress.example.org' } });
    expect((await cookieSignIn(app)).setCookie).toContain('Secure');
  });

  it('reads with the cookie alone, changes only with the CSRF token, and ends with sign-out', async () => {
    const app = await started();
    const { cookie, csrfToken } = await cookieSignIn(app);
    expect((await app.inject({ url: '/api/delegates/counts', headers: { cookie } })).statusCode).toBe(200);
    const account = (await app.inject({ url: '/api/auth/account', headers: { cookie } })).json();
    expect(account.csrfToken).toBe(csrfToken);

    const change = { method: 'PATCH' as const, url: '/api/categories/press', payload: { capacity: 41 } };
    const forged = await app.inject({ ...change, headers: { cookie, 'accept-language': 'ko' } });
    expect(forged.statusCode).toBe(403);
    expect(forged.json()).toMatchObject({ field: 'x-csrf-token', message: expect.stringContaining('운영자 화면') });
    const wrong = await app.inject({ ...change, headers: { cookie, 'x-csrf-token': `${csrfToken}x` } });
    expect(wrong.statusCode).toBe(403);
    expect((await app.inject({ ...change, headers: { cookie, 'x-csrf-token': csrfToken } })).statusCode).toBe(200);

    // A public form sent from a browser that also holds an organiser's cookie still works, as anyone's.
    expect((await app.inject({ method: 'POST', url: '/api/registrations', headers: { cookie }, payload: aDelegate() })).statusCode).toBe(201);

    const out = await app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie, 'x-csrf-token': csrfToken } });
    expect(out.statusCode).toBe(204);
    expect(String(out.headers['set-cookie'])).toMatch(/^congress_session=;/);
    expect((await app.inject({ url: '/api/delegates/counts', headers: { cookie } })).statusCode).toBe(401);
  });

  it('needs no CSRF token with a bearer token, which an API client sends and another site cannot', async () => {
    const app = await started();
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: organiserCredentials });
    expect(login.headers['set-cookie']).toBeUndefined();
    const bearer = { authorization: `Bearer ${login.json().token as string}` };
    expect((await app.inject({ method: 'PATCH', url: '/api/categories/press', headers: bearer, payload: { capacity: 42 } })).statusCode).toBe(200);
  });
});

describe('PUBLIC_URL names the site', () => {
  it('makes calendar UIDs from PUBLIC_URL whatever Host a feed is read through', async () => {
    const app = await started({ mail: { from: 'x <x@example.org>', publicUrl: 'https://congress.example.org' } });
    const uids = async (host: string) => {
      const feed = await app.inject({ url: '/api/calendar/programme.ics', headers: { host } });
      expect(feed.statusCode).toBe(200);
      return [...feed.body.matchAll(/^UID:(.+)$/gm)].map((match) => match[1]!.trim());
    };
    const throughEvil = await uids('evil.example');
    expect(throughEvil.length).toBeGreaterThan(5);
    expect(throughEvil.every((uid) => uid.endsWith('.congress.example.org'))).toBe(true);
    expect(throughEvil.join()).not.toContain('evil.example');
    expect(await uids('127.0.0.1:3000')).toEqual(throughEvil);
  });
});
