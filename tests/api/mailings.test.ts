import { describe, expect, it } from 'vitest';
import type { MailingDetail, MailingList, MailingPreview } from '../../shared/mailing-schema.ts';
import { useMailApps } from '../support/mail-app.ts';
import { registerDelegate, signInAccount, startTestApp } from '../support/test-app.ts';

type App = Awaited<ReturnType<typeof startTestApp>>['app'];
const startMailApp = useMailApps();
const appWithMail = (refuse?: RegExp) => startMailApp({ ...(refuse ? { refuse } : {}), sender: { retryBaseMs: 20 } });

const draft = (filter: Record<string, unknown>, texts: { subject?: Record<string, string>; body?: Record<string, string> } = {}) => ({
  subject: texts.subject ?? { en: 'Your bus for {congress}', vi: 'Xe buýt của bạn tại {congress}' },
  body: texts.body ?? { en: 'Dear {name},\n\nThe buses leave from EXCO at 08:00.\n\nYour page: {link}', vi: 'Kính gửi {name},\n\nXe buýt rời EXCO lúc 08:00.\n\nTrang của bạn: {link}' },
  filter,
});

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, ms = 8000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

async function people(app: App) {
  const lan = await registerDelegate(app, { givenName: 'Lan', familyName: 'Nguyễn', email: 'lan@example.vn', country: 'VN', languages: ['vi', 'en'] }, 'vi');
  const minh = await registerDelegate(app, { givenName: 'Minh', familyName: 'Trần', email: 'minh@example.vn', country: 'VN', languages: ['vi'], category: 'sme' }, 'en');
  const hans = await registerDelegate(app, { givenName: 'Hans', familyName: 'Müller', email: 'hans@example.de', country: 'DE', languages: ['de'] }, 'fr');
  return { lan, minh, hans };
}

describe('messages from organisers', () => {
  it('preview the count and one sample in its recipient’s language, with the placeholders filled', async () => {
    const { app, organiser } = await appWithMail();
    await people(app);
    const answer = await app.inject({ method: 'POST', url: '/api/mailings/preview', headers: organiser, payload: draft({ countries: ['VN'] }) });
    expect(answer.statusCode).toBe(200);
    const preview = answer.json() as MailingPreview;
    expect(preview.recipients).toBe(2);
    expect(preview.languages).toEqual({ vi: 1, en: 1 });
    expect(preview.sample).toMatchObject({ name: 'Lan Nguyễn', to: 'lan@example.vn', language: 'vi', subject: 'Xe buýt của bạn tại 18th TCI Global Conference' });
    // The organisers' own greeting, not the product's on top of it.
    expect(preview.sample!.text.match(/Kính gửi/g)).toHaveLength(1);
    expect(preview.sample!.text).toContain('Kính gửi Lan Nguyễn');
    expect(preview.sample!.text).toContain('Trang của bạn: https://congress.example.org/c/tci-2015-daegu/me');
    // A reader whose language the message lacks reads the edition's own language, then English (the demo lists English first).
    const french = (await app.inject({ method: 'POST', url: '/api/mailings/preview', headers: organiser, payload: draft({ countries: ['DE'] }) })).json() as MailingPreview;
    expect(french.sample).toMatchObject({ language: 'fr', subject: 'Your bus for 18th TCI Global Conference' });
    expect(french.sample!.text).toContain('Dear Hans Müller');
    // Nothing is queued by a preview.
    expect(app.db.$client.prepare("select count(*) from outbox_messages where kind = 'mailing'").pluck().get()).toBe(0);
  });

  it('refuses an unknown placeholder, a subject on two lines, an unknown category and a filter reaching nobody, naming the field, storing nothing', async () => {
    const { app, organiser } = await appWithMail();
    await people(app);
    const before = app.db.$client.prepare('select count(*) from outbox_messages').pluck().get();
    const unknown = await app.inject({ method: 'POST', url: '/api/mailings', headers: { ...organiser, 'accept-language': 'ko' }, payload: draft({}, { body: { en: 'Dear {name}, your seat is {seat}.' } }) });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ field: 'body.en', message: '본문 (영어): {seat}은(는) 채울 수 없는 자리표시자입니다. {name}, {congress}, {link}, {calendar} 중에서 쓰세요.' });
    const preview = await app.inject({ method: 'POST', url: '/api/mailings/preview', headers: organiser, payload: draft({}, { subject: { en: 'Hello {nom}' } }) });
    expect(preview.json().field).toBe('subject.en');
    const injected = await app.inject({ method: 'POST', url: '/api/mailings', headers: organiser, payload: draft({}, { subject: { en: 'Hello\r\nBcc: everyone@example.org' } }) });
    expect(injected.json()).toMatchObject({ field: 'subject.en' });
    const category = await app.inject({ method: 'POST', url: '/api/mailings', headers: organiser, payload: draft({ categories: ['astronauts'] }) });
    expect(category.json()).toMatchObject({ field: 'filter.categories' });
    const nobody = await app.inject({ method: 'POST', url: '/api/mailings', headers: organiser, payload: draft({ countries: ['FJ'] }) });
    expect(nobody.statusCode).toBe(400);
    expect(nobody.json().field).toBe('filter');
    expect(app.db.$client.prepare('select count(*) from outbox_messages').pluck().get()).toBe(before);
    expect(app.db.$client.prepare('select count(*) from mailings').pluck().get()).toBe(0);
    // Staff who are not organisers cannot write to everyone.
    const desk = await signInAccount(app, 'desk');
    expect((await app.inject({ method: 'POST', url: '/api/mailings', headers: desk, payload: draft({}) })).statusCode).toBe(403);
  });

  it('sends one message per recipient in their language and shows each one’s delivery, a refused address as failed with the server’s answer', async () => {
    const { app, sink, organiser } = await appWithMail(/^minh@/);
    await people(app);
    await sink.waitFor(2);
    const received = sink.received.length;
    const sent = await app.inject({ method: 'POST', url: '/api/mailings', headers: organiser, payload: draft({ countries: ['VN', 'DE'] }) });
    expect(sent.statusCode).toBe(201);
    const { id, recipients } = sent.json() as { id: number; recipients: number };
    expect(recipients).toBe(3);
    const detail = await until(
      async () => (await app.inject({ url: `/api/mailings/${id}`, headers: organiser })).json() as MailingDetail,
      (value) => value.counts.sent === 2 && value.counts.failed === 1,
    );
    expect(detail.counts).toEqual({ queued: 0, sending: 0, sent: 2, failed: 1 });
    const minh = detail.items.find((item) => item.to === 'minh@example.vn')!;
    expect(minh).toMatchObject({ name: 'Minh Trần', status: 'failed' });
    expect(minh.lastError).toContain('550');
    const mails = sink.received.slice(received);
    expect(mails.map((mail) => [mail.to, mail.subject]).sort()).toEqual([
      ['hans@example.de', 'Your bus for 18th TCI Global Conference'],
      ['lan@example.vn', 'Xe buýt của bạn tại 18th TCI Global Conference'],
    ]);
    expect(mails.find((mail) => mail.to === 'lan@example.vn')!.html).toContain('Kính gửi Lan Nguyễn');
    const list = (await app.inject({ url: '/api/mailings', headers: organiser })).json() as MailingList;
    expect(list.items).toEqual([{ id, subject: draft({}).subject, createdAt: expect.any(String), createdBy: 'Test owner', recipients: 3, counts: { queued: 0, sending: 0, sent: 2, failed: 1 } }]);
    const audit = app.db.$client.prepare("select data from audit_log where action = 'mailing.send'").pluck().get() as string;
    expect(JSON.parse(audit)).toEqual({ recipients: 3, filter: { countries: ['VN', 'DE'] } });
    // Only failed ones, as the organisers' filter asks.
    const failed = (await app.inject({ url: `/api/mailings/${id}?status=failed`, headers: organiser })).json() as MailingDetail;
    expect(failed.items.map((item) => item.to)).toEqual(['minh@example.vn']);
  });

  it('filters by status, category, tour seat, consultation role and check-in', async () => {
    const { app, organiser } = await appWithMail();
    const { lan, minh, hans } = await people(app);
    const count = async (filter: Record<string, unknown>) => ((await app.inject({ method: 'POST', url: '/api/mailings/preview', headers: organiser, payload: draft(filter) })).json() as MailingPreview).recipients;
    expect(await count({})).toBe(3);
    expect(await count({ categories: ['sme'] })).toBe(1);
    await app.inject({ method: 'DELETE', url: '/api/me', headers: hans.headers });
    expect(await count({})).toBe(2);
    expect(await count({ statuses: ['cancelled'] })).toBe(1);
    const bus = app.db.$client.prepare("select b.id from tour_buses b join tours t on t.id = b.tour_id where t.code = 'gumi' limit 1").pluck().get() as number;
    expect((await app.inject({ method: 'PUT', url: `/api/tours/assignment/seats/${lan.id}`, headers: organiser, payload: { bus } })).statusCode).toBe(200);
    expect(await count({ tours: ['gumi'] })).toBe(1);
    expect(await count({ tours: ['ulsan'] })).toBe(0);
    expect((await app.inject({ method: 'PUT', url: '/api/consultations/participants/S12/delegate', headers: organiser, payload: { delegate: minh.id } })).statusCode).toBe(204);
    expect(await count({ consultationRoles: ['supplier'] })).toBe(1);
    expect(await count({ consultationRoles: ['buyer'] })).toBe(0);
    expect((await app.inject({ method: 'POST', url: '/api/check-ins/by-name', headers: organiser, payload: { delegate: lan.id, desk: 'A' } })).statusCode).toBe(200);
    expect(await count({ checkedIn: true })).toBe(1);
    expect(await count({ checkedIn: false, countries: ['VN'] })).toBe(1);
  });
});
