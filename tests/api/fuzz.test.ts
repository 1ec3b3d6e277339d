import { describe, expect, it } from 'vitest';
import { listRoutes } from '../support/routes.ts';
import { registerDelegate, signInAccount, useTestApp } from '../support/test-app.ts';

const ctx = useTestApp();

/** A small seeded generator (mulberry32): the same seed sends the same requests, so a failure can be replayed. */
function generator(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (below: number) => Math.floor(next() * below);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  return { next, int, pick };
}
type Random = ReturnType<typeof generator>;

/** Texts a careless or hostile client sends: scripts, markup, controls, halves of pairs, huge or empty ones. */
const nastyTexts = [
  '', ' ', 'a', '0', '-1', '1e309', 'NaN', 'null', 'true', '[]', '{}', '김민준', '山田花子', 'Nguyễn', 'مرحبا', '👩🏽‍💻',
  '<script>alert(1)</script>', "'; drop table delegates; --", '../../etc/passwd', '%00', '%E0%A4%A', '\u0000', '\u001b[31m',
  '\ud800', '\u202eevil', '\r\n\r\nX-Injected: 1', '=HYPERLINK("http://x")', 'x'.repeat(300), 'y'.repeat(70_000),
  '2015-11-04T10:00:00+09:00', '2015-11-31', '9999-99-99', 'M001', 'B01', 'S01', 'sme', 'auditorium', 'ko', 'en', 'KR',
  'org@example.org', 'not-an-email', 'TCI1.1.AAAAAAAAAAAAAAAAAAAAAA',
];
const nastyNumbers = [0, -1, 1, 2, 3.5, 2 ** 31, 2 ** 53 + 2, -0, 1e308, Number.MIN_VALUE];

function value(random: Random, keys: readonly string[], depth: number): unknown {
  switch (random.int(depth > 2 ? 4 : 7)) {
    case 0:
      return random.pick(nastyTexts);
    case 1:
      return random.pick(nastyNumbers);
    case 2:
      return random.pick([true, false, null]);
    case 3:
      return random.pick(nastyTexts).slice(0, 40);
    case 4:
      return Array.from({ length: random.int(4) }, () => value(random, keys, depth + 1));
    default:
      return object(random, keys, depth + 1);
  }
}

function object(random: Random, keys: readonly string[], depth: number): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (let i = random.int(7); i > 0; i--) result[random.next() < 0.85 ? random.pick(keys) : random.pick(nastyTexts).slice(0, 20)] = value(random, keys, depth);
  return result;
}

/** Every property name any request schema knows, so random bodies reach past "unknown field" into the handlers. */
function knownKeys(document: { paths?: Record<string, Record<string, unknown>> }): string[] {
  const keys = new Set<string>();
  const walk = (node: unknown) => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(walk);
    const record = node as Record<string, unknown>;
    if (record.properties && typeof record.properties === 'object') for (const key of Object.keys(record.properties)) keys.add(key);
    if (record.name && typeof record.name === 'string' && record.in) keys.add(record.name);
    for (const child of Object.values(record)) walk(child);
  };
  walk(document.paths);
  return [...keys];
}

/** encodeURIComponent refuses half a surrogate pair; a client can still send its UTF-8 bytes. */
const encoded = (text: string) => {
  try {
    return encodeURIComponent(text);
  } catch {
    return '%ED%A0%80';
  }
};

const seed = 20151103;
const requestsPerRoute = 25;

describe('a bounded fuzz of every route', () => {
  it(`answers ${requestsPerRoute} seeded random requests per route and role without a 5xx, each 4xx naming a field`, async () => {
    const random = generator(seed);
    const delegate = await registerDelegate(ctx.app);
    const callers = [ctx.organiser, {}, delegate.headers, await signInAccount(ctx.app, 'desk')];
    const keys = knownKeys((await ctx.app.inject({ url: '/api/docs' })).json());
    expect(keys.length).toBeGreaterThan(50);
    // The live channel is a WebSocket; signing out and erasing would end the callers' sessions halfway.
    const routes = listRoutes(ctx.app).filter(({ method, url }) => url !== '/api/live' && url !== '/api/auth/logout' && !(method === 'DELETE' && url === '/api/me'));
    const failures: string[] = [];
    let sent = 0;
    for (const { method, url } of routes) {
      for (let i = 0; i < requestsPerRoute; i++) {
        const path = url.replace(/:(\w+)/g, () => encoded(String(random.next() < 0.5 ? random.pick(nastyNumbers) : random.pick(nastyTexts).slice(0, 120))).replace(/%25/g, random.next() < 0.2 ? '%' : '%25'));
        const query = random.next() < 0.5 ? '' : `?${Array.from({ length: 1 + random.int(3) }, () => `${encoded(random.pick(keys))}=${encoded(String(value(random, keys, 3)))}`).join('&')}`;
        const headers = { ...random.pick(callers), 'accept-language': random.pick(['ko', 'en', 'vi', 'xx', '*']) } as Record<string, string>;
        const hasBody = method !== 'GET' && method !== 'DELETE';
        const payload = hasBody ? (random.next() < 0.1 ? random.pick(['{', '[1,', '"text"', 'null', '']) : JSON.stringify(random.next() < 0.8 ? object(random, keys, 0) : value(random, keys, 0))) : undefined;
        const answer = await ctx.app.inject({
          method: method as 'GET',
          url: `${path}${query}`,
          headers: hasBody ? { ...headers, 'content-type': 'application/json' } : headers,
          ...(payload === undefined ? {} : { payload }),
        });
        sent++;
        const where = `${method} ${path}${query} ${payload?.slice(0, 200) ?? ''}`;
        if (answer.statusCode >= 500) failures.push(`${answer.statusCode} ${where}: ${answer.body.slice(0, 200)}`);
        else if (answer.statusCode >= 400 && String(answer.headers['content-type']).startsWith('application/json')) {
          const body = answer.json() as { field?: unknown; message?: unknown };
          if (typeof body.field !== 'string' || typeof body.message !== 'string' || body.message === '') failures.push(`${answer.statusCode} without a field: ${where}: ${answer.body.slice(0, 200)}`);
        } else if (answer.statusCode >= 400) failures.push(`${answer.statusCode} not JSON: ${where}`);
      }
    }
    console.log(`fuzz: ${sent} requests over ${routes.length} routes, seed ${seed}, ${failures.length} failures`);
    expect(failures).toEqual([]);
    expect(sent).toBe(routes.length * requestsPerRoute);
  });
});
