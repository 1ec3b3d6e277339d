import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { OutboxPage } from '../../shared/outbox-schema.ts';
import { startSmtpSink } from '../support/smtp-sink.ts';
import { queueDueReminders } from '../../server/mail/reminders.ts';
import { aDelegate, signInOrganiser, startTestApp } from '../support/test-app.ts';

type App = Awaited<ReturnType<typeof startTestApp>>['app'];
const closing: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const close of closing.splice(0).reverse()) await close();
});

async function appWith(smtpUrl: string | undefined, sender: Record<string, number> = {}) {
  const { app } = await startTestApp({ mail: { smtpUrl, from: 'TCI 2015 <noreply@tci2015.example>', publicUrl: 'https://congress.example.org', sender: { pollMs: 20, ...sender } } });
  await app.ready();
  closing.push(() => app.close());
  return app;
}
const register = (app: App, overrides: Record<string, unknown> = {}, language = 'en') =>
  app.inject({ method: 'POST', url: '/api/registrations', headers: { 'accept-language': language }, payload: aDelegate(overrides) });
const organisers = new WeakMap<App, Promise<{ authorization: string }>>();
const organiserOf = (app: App) => {
  if (!organisers.has(app)) organisers.set(app, signInOrganiser(app));
  return organisers.get(app)!;
};
const outbox = async (app: App) => (await app.inject({ url: '/api/outbox', headers: await organiserOf(app) })).json() as OutboxPage;
async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, ms = 5000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('outgoing mail', () => {
  it('without an SMTP server keeps each message in the outbox, where organisers see it', async () => {
    const app = await appWith(undefined);
    expect((await register(app, { email: 'mai@example.vn' }, 'vi')).statusCode).toBe(201);
    const page = await outbox(app);
    expect(page.sending).toBe(false);
    expect(page.items).toEqual([
      { id: expect.any(Number), kind: 'registration.confirmed', to: 'mai@example.vn', subject: 'Đăng ký tham dự 18th TCI Global Conference của bạn đã được xác nhận', language: 'vi', status: 'queued', attempts: 0, lastError: null, createdAt: expect.any(String), sentAt: null },
    ]);
    expect(page.counts).toEqual({ queued: 1, sending: 0, sent: 0, failed: 0 });
  });

  it('mails a registration in the delegate’s language with their personal link, and forgets the text once delivered', async () => {
    const sink = await startSmtpSink();
    closing.push(sink.close);
    const app = await appWith(sink.url);
    const created = (await register(app, { givenName: 'Thị Mai', familyName: 'Nguyễn', email: 'mai@example.vn' }, 'vi')).json() as { token: string };
    const [mail] = await sink.waitFor(1);
    expect(mail!.to).toBe('mai@example.vn');
    expect(mail!.subject).toBe('Đăng ký tham dự 18th TCI Global Conference của bạn đã được xác nhận');
    expect(mail!.text).toContain('Kính gửi Thị Mai Nguyễn,');
    expect(mail!.text).toContain(`https://congress.example.org/c/tci-2015-daegu/me#token=${encodeURIComponent(created.token)}`);
    expect(mail!.html).toContain(`href="https://congress.example.org/c/tci-2015-daegu/me#token=${encodeURIComponent(created.token)}"`);
    expect(mail!.text).toMatch(/https:\/\/congress\.example\.org\/api\/c\/tci-2015-daegu\/calendar\/\d+\/[\w-]+\.ics/);

    const page = await until(() => outbox(app), (value) => value.items[0]?.status === 'sent');
    expect(page.items[0]).toMatchObject({ status: 'sent', attempts: 1, sentAt: expect.any(String) });
    // The Message-ID chosen when queued is the one that arrived; the delivered text, which holds the link, is gone.
    const stored = app.db.$client.prepare('select message_id, text, html from outbox_messages').get() as { message_id: string; text: string | null; html: string | null };
    expect(stored).toEqual({ message_id: mail!.messageId, text: null, html: null });
  });

  it('marks an address the server refuses as failed with its answer, and lets everything else through', async () => {
    const sink = await startSmtpSink({ refuse: /^nobody@/ });
    closing.push(sink.close);
    const app = await appWith(sink.url);
    await register(app, { email: 'nobody@example.org' });
    await register(app, { email: 'somebody@example.org' });
    await sink.waitFor(1);
    const page = await until(() => outbox(app), (value) => value.counts.failed === 1 && value.counts.sent === 1);
    const failed = page.items.find((item) => item.to === 'nobody@example.org')!;
    expect(failed).toMatchObject({ status: 'failed', attempts: 1 });
    expect(failed.lastError).toContain('550');
    expect(sink.received.map((mail) => mail.to)).toEqual(['somebody@example.org']);
  });

  it('never keeps a request waiting on a mail server that is down or hangs; the message waits to be tried again', async () => {
    // A server that accepts connections and never says hello.
    const silent: Server = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    closing.push(() => new Promise((resolve) => silent.close(resolve)));
    const port = (silent.address() as { port: number }).port;
    const app = await appWith(`smtp://127.0.0.1:${port}`, { timeoutMs: 300, retryBaseMs: 60_000 });
    const started = Date.now();
    expect((await register(app, { email: 'patient@example.org' })).statusCode).toBe(201);
    expect(Date.now() - started).toBeLessThan(1000);
    const page = await until(() => outbox(app), (value) => value.items[0]?.attempts === 1 && value.items[0].status === 'queued', 5000);
    expect(page.items[0]).toMatchObject({ status: 'queued', attempts: 1 });
    expect(page.items[0]!.lastError).toMatch(/time|Greeting/i);
  });

  it('a change that is refused queues no message: the registration and its message land together or not at all', async () => {
    const app = await appWith(undefined);
    await register(app, { email: 'twice@example.org' });
    expect((await register(app, { email: 'twice@example.org' })).statusCode).toBe(409);
    expect((await outbox(app)).total).toBe(1);
  });

  it('sends the personal link again to a registered address only, at most three times an hour, and the new link replaces the old', async () => {
    const sink = await startSmtpSink();
    closing.push(sink.close);
    const app = await appWith(sink.url);
    const created = (await register(app, { email: 'Lan.Tran@example.vn' }, 'ja')).json() as { token: string };
    await sink.waitFor(1);
    const ask = (email: string, language = 'en') => app.inject({ method: 'POST', url: '/api/me/link', headers: { 'accept-language': language }, payload: { email } });

    const known = await ask('lan.tran@EXAMPLE.vn');
    const unknown = await ask('nobody.here@example.vn');
    expect([known.statusCode, known.json()]).toEqual([202, { accepted: true }]);
    expect([unknown.statusCode, unknown.body]).toEqual([202, known.body]);
    const [, link] = await sink.waitFor(2);
    expect(link!.to).toBe('Lan.Tran@example.vn');
    expect(link!.subject).toBe('18th TCI Global Conference の個人リンク');
    const fresh = decodeURIComponent(/#token=([^\s"]+)/.exec(link!.text)![1]!);
    expect(fresh).not.toBe(created.token);
    expect((await app.inject({ url: '/api/me', headers: { authorization: `Bearer ${created.token}` } })).statusCode).toBe(401);
    expect((await app.inject({ url: '/api/me', headers: { authorization: `Bearer ${fresh}` } })).json()).toMatchObject({ email: 'Lan.Tran@example.vn' });

    // However often it is asked, three links an hour at most; the answer never changes.
    for (let k = 0; k < 10; k++) expect((await ask('lan.tran@example.vn')).statusCode).toBe(202);
    await until(() => outbox(app), (page) => page.counts.sent === 4);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(sink.received.filter((mail) => mail.subject.includes('個人リンク'))).toHaveLength(3);
    const malformed = await ask('not an address', 'ko');
    expect([malformed.statusCode, malformed.json().field]).toEqual([400, 'email']);
  });

  it('refuses a line break in a name, so no name can write a header of its own', async () => {
    const sink = await startSmtpSink();
    closing.push(sink.close);
    const app = await appWith(sink.url);
    const answer = await register(app, { givenName: 'Mai\r\nBcc: thief@example.org', email: 'mai.safe@example.vn' }, 'vi');
    expect([answer.statusCode, answer.json().field]).toEqual([400, 'givenName']);
    expect(answer.json().message).toContain('Tên');
    expect((await outbox(app)).total).toBe(0);
    expect((await register(app, { organisation: 'KICOX\nTo: thief@example.org', email: 'org.safe@example.vn' })).json().field).toBe('organisation');
  });

  it('mails a team invitation in the inviter’s language with its one-time link', async () => {
    const sink = await startSmtpSink();
    closing.push(sink.close);
    const app = await appWith(sink.url);
    const invited = await app.inject({ method: 'POST', url: '/api/accounts/invitations', headers: { ...(await organiserOf(app)), 'accept-language': 'fr' }, payload: { email: 'Desk.Staff@example.org', role: 'desk' } });
    expect(invited.statusCode).toBe(201);
    expect(invited.json()).toMatchObject({ mailed: true });
    const [mail] = await sink.waitFor(1);
    expect(mail!.to).toBe('desk.staff@example.org');
    expect(mail!.subject).toBe('Rejoignez l’équipe de 18th TCI Global Conference');
    expect(mail!.text).toContain('en tant que Accueil.');
    expect(mail!.text).toContain(`https://congress.example.org/join#invite=${encodeURIComponent(invited.json().token)}`);
  });

  it('gives each seated delegate their bus when the tours are published, and the next in line theirs when a seat frees', async () => {
    const sink = await startSmtpSink();
    closing.push(sink.close);
    const app = await appWith(sink.url);
    const organiser = await organiserOf(app);
    const gumi = ((await app.inject({ url: '/api/tours/setup', headers: organiser })).json() as { tours: { code: string; buses: { id: number }[] }[] }).tours.find((tour) => tour.code === 'gumi')!;
    await app.inject({ method: 'PATCH', url: `/api/tours/buses/${gumi.buses[0]!.id}`, headers: organiser, payload: { capacity: 1 } });
    const first = (await register(app, { email: 'first@example.org', languages: ['en'] }, 'en')).json() as { token: string };
    const second = (await register(app, { email: 'second@example.org', languages: ['en'] }, 'fr')).json() as { token: string };
    for (const delegate of [first, second]) await app.inject({ method: 'PUT', url: '/api/me/tours/choices', headers: { authorization: `Bearer ${delegate.token}` }, payload: { tours: ['gumi'] } });
    await app.inject({ method: 'POST', url: '/api/tours/assignment/run', headers: organiser });
    await app.inject({ method: 'POST', url: '/api/tours/assignment/publish', headers: organiser });
    await sink.waitFor(3);
    const seat = sink.received.find((mail) => mail.subject.startsWith('Your seat'))!;
    expect(seat.to).toBe('first@example.org');
    expect(seat.subject).toBe('Your seat on the tour “Gumi National Industrial Complex — electronics”');
    expect(seat.text).toContain('You have a seat on Bus 1 for the tour “Gumi National Industrial Complex — electronics”. The bus leaves on Tuesday, November 3, 2015 at 8:30 AM from EXCO west hall main entrance, bus bay 2 and is back around 5:00 PM.');

    // The first gives the seat up: the second, in line, hears of it in French.
    await app.inject({ method: 'DELETE', url: '/api/me/tours/seat', headers: { authorization: `Bearer ${first.token}` } });
    await sink.waitFor(4);
    const promoted = sink.received.at(-1)!;
    expect([promoted.to, promoted.subject]).toEqual(['second@example.org', 'Votre place pour la visite « Gumi National Industrial Complex — electronics »']);
    expect(promoted.text).toContain('le mardi 3 novembre 2015 à 08:30');
  });

  it('mails each linked buyer and supplier their day when the plan is published, with the meetings as a calendar file', async () => {
    const sink = await startSmtpSink();
    closing.push(sink.close);
    const app = await appWith(sink.url);
    const organiser = await organiserOf(app);
    const buyer = (await register(app, { givenName: 'Hua', familyName: 'Chen', email: 'chen.hua@example.cn', country: 'CN', languages: ['zh'] }, 'zh')).json() as { id: number };
    await app.inject({ method: 'PUT', url: '/api/consultations/participants/B07/delegate', headers: organiser, payload: { delegate: buyer.id } });
    const plan = (await app.inject({ method: 'POST', url: '/api/consultations/plan/run', headers: organiser, payload: { seconds: 0.3 } })).json() as { revision: number; assignments: { buyer: string; table: string }[] };
    const mine = plan.assignments.filter((assignment) => assignment.buyer === 'B07');
    expect((await app.inject({ method: 'POST', url: '/api/consultations/plan/publish', headers: organiser, payload: { revision: plan.revision } })).statusCode).toBe(200);
    await sink.waitFor(2);
    const schedule = sink.received.find((mail) => mail.to === 'chen.hua@example.cn' && mail.attachments.length > 0)!;
    expect(schedule.subject).toBe('您在 18th TCI Global Conference 的出口洽谈日程');
    expect(schedule.text).toContain(`共有 ${mine.length} 场洽谈`);
    expect(schedule.text.match(/^• .*桌号 T07/gm)).toHaveLength(mine.length);
    const calendar = schedule.attachments[0]!;
    expect([calendar.filename, calendar.contentType]).toEqual(['consultation-B07.ics', 'text/calendar']);
    const ics = calendar.content.toString('utf8');
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(mine.length);
    expect(ics).toContain('TZID=Asia/Seoul');

    // Published again after a change: the same people hear that their day changed.
    const again = (await app.inject({ url: '/api/consultations/plan', headers: organiser })).json() as { revision: number };
    await app.inject({ method: 'POST', url: '/api/consultations/plan/run', headers: organiser, payload: { seconds: 0.2 } });
    const rerun = (await app.inject({ url: '/api/consultations/plan', headers: organiser })).json() as { revision: number };
    expect(rerun.revision).toBeGreaterThan(again.revision);
    await app.inject({ method: 'POST', url: '/api/consultations/plan/publish', headers: organiser, payload: { revision: rerun.revision } });
    await sink.waitFor(3);
    expect(sink.received.at(-1)!.subject).toBe('您在 18th TCI Global Conference 的出口洽谈日程有变动');
  });

  it('tells the other side of a meeting request, and the one who asked the answer, each in their own language', async () => {
    const sink = await startSmtpSink();
    closing.push(sink.close);
    const app = await appWith(sink.url);
    const organiser = await organiserOf(app);
    const buyer = (await register(app, { email: 'buyer.b07@example.cn', country: 'CN', languages: ['zh'] }, 'zh')).json() as { id: number; token: string };
    const supplier = (await register(app, { email: 'supplier.s11@example.kr', languages: ['ko'] }, 'ko')).json() as { id: number; token: string };
    await app.inject({ method: 'PUT', url: '/api/consultations/participants/B07/delegate', headers: organiser, payload: { delegate: buyer.id } });
    await app.inject({ method: 'PUT', url: '/api/consultations/participants/S11/delegate', headers: organiser, payload: { delegate: supplier.id } });
    const asked = await app.inject({ method: 'POST', url: '/api/consultations/requests', headers: { authorization: `Bearer ${buyer.token}` }, payload: { counterpart: 'S11', message: 'We buy moulds.' } });
    expect(asked.statusCode).toBe(201);
    await sink.waitFor(3);
    const request = sink.received.at(-1)!;
    expect([request.to, request.subject]).toEqual(['supplier.s11@example.kr', `${'Shenzhen Huaxin Electronics'}에서 상담을 요청했습니다`]);
    expect(request.text).toContain('보낸 메시지: “We buy moulds.”');
    // The footer names the venue and city in the reader's language.
    expect(request.text).toContain('엑스코(EXCO), 대구');
    await app.inject({ method: 'POST', url: `/api/consultations/requests/${asked.json().meeting}/accept`, headers: { authorization: `Bearer ${supplier.token}` } });
    await sink.waitFor(4);
    const answer = sink.received.at(-1)!;
    expect(answer.to).toBe('buyer.b07@example.cn');
    expect(answer.subject).toMatch(/接受了您的洽谈请求$/);
  });

  it('gives both sides of a walk-in booked at the desk its time and table', async () => {
    const sink = await startSmtpSink();
    closing.push(sink.close);
    const app = await appWith(sink.url);
    const organiser = await organiserOf(app);
    const plan = (await app.inject({ method: 'POST', url: '/api/consultations/plan/run', headers: organiser, payload: { seconds: 0.3 } })).json() as { assignments: { buyer: string; supplier: string; slot: string }[]; slots: { id: string; start: string }[] };
    const busy = (code: string) => new Set(plan.assignments.filter((a) => a.buyer === code || a.supplier === code).map((a) => a.slot));
    const buyerCode = plan.assignments.map((a) => a.buyer).find((code) => plan.slots.filter((slot) => slot.start >= '2015-11-04T13:30' && !busy(code).has(slot.id)).length >= 2)!;
    const supplierCode = app.db.$client
      .prepare("select s.code from consultation_participants s where s.role = 'supplier' and s.available is null and not exists (select 1 from consultation_meetings m join consultation_participants b on b.id = m.buyer_id where b.code = ? and m.supplier_id = s.id) order by s.code limit 1")
      .pluck()
      .get(buyerCode) as string;
    for (const [code, email, language] of [[buyerCode, 'walk.buyer@example.org', 'es'], [supplierCode, 'walk.supplier@example.kr', 'ko']] as const) {
      const delegate = (await register(app, { email }, language)).json() as { id: number };
      await app.inject({ method: 'PUT', url: `/api/consultations/participants/${code}/delegate`, headers: organiser, payload: { delegate: delegate.id } });
    }
    await sink.waitFor(2);
    const proposal = (await app.inject({ method: 'POST', url: '/api/consultations/floor/walk-ins', headers: organiser, payload: { buyer: buyerCode, supplier: supplierCode, at: '2015-11-04T13:10:00+09:00' } })).json() as { walkIn: string; proposals: { meeting: string; table: string }[] };
    expect((await app.inject({ method: 'POST', url: '/api/consultations/rebookings', headers: organiser, payload: proposal })).statusCode).toBe(204);
    const table = proposal.proposals.find((entry) => entry.meeting === proposal.walkIn)!.table;
    await sink.waitFor(4);
    const forBuyer = sink.received.find((mail) => mail.to === 'walk.buyer@example.org' && /^Su reunión con .+ tiene nueva hora$/.test(mail.subject));
    const forSupplier = sink.received.find((mail) => mail.to === 'walk.supplier@example.kr' && /상담 시각이 바뀌었습니다$/.test(mail.subject));
    expect(forBuyer!.text).toContain(`el miércoles, 4 de noviembre de 2015`);
    expect(forBuyer!.text).toContain(`en la mesa ${table}.`);
    expect(forSupplier!.text).toContain(`${table} 테이블에서 열립니다.`);
  });

  it('reminds each tour passenger and each linked buyer and supplier the day before, once, on the edition’s clock', async () => {
    const sink = await startSmtpSink();
    closing.push(sink.close);
    const app = await appWith(sink.url);
    const organiser = await organiserOf(app);
    const passenger = (await register(app, { email: 'passenger@example.org', languages: ['en'] }, 'en')).json() as { token: string };
    await app.inject({ method: 'PUT', url: '/api/me/tours/choices', headers: { authorization: `Bearer ${passenger.token}` }, payload: { tours: ['changwon'] } });
    const buyer = (await register(app, { email: 'buyer.reminded@example.org' })).json() as { id: number };
    await app.inject({ method: 'PUT', url: '/api/consultations/participants/B03/delegate', headers: organiser, payload: { delegate: buyer.id } });
    await app.inject({ method: 'POST', url: '/api/tours/assignment/run', headers: organiser });
    await app.inject({ method: 'POST', url: '/api/tours/assignment/publish', headers: organiser });
    const plan = (await app.inject({ method: 'POST', url: '/api/consultations/plan/run', headers: organiser, payload: { seconds: 0.2 } })).json() as { revision: number };
    await app.inject({ method: 'POST', url: '/api/consultations/plan/publish', headers: organiser, payload: { revision: plan.revision } });

    // The Changwon bus leaves at 07:30 on 3 November: nothing before 09:00 on the 2nd, then one reminder.
    expect(queueDueReminders(app.db, new Date('2015-11-02T08:00:00+09:00'))).toBe(0);
    expect(queueDueReminders(app.db, new Date('2015-11-02T09:05:00+09:00'))).toBe(1);
    expect(queueDueReminders(app.db, new Date('2015-11-02T18:00:00+09:00'))).toBe(0);
    const tour = await until(async () => sink.received.find((mail) => mail.subject.startsWith('Tomorrow: the tour')), Boolean);
    expect(tour!.to).toBe('passenger@example.org');
    expect(tour!.text).toContain('The bus leaves on Tuesday, November 3, 2015 at 7:30 AM from EXCO west hall main entrance, bus bay 1');

    // The consultation is on the 4th: the buyer's reminder lists their meetings, once.
    expect(queueDueReminders(app.db, new Date('2015-11-03T12:00:00+09:00'))).toBe(1);
    expect(queueDueReminders(app.db, new Date('2015-11-03T20:00:00+09:00'))).toBe(0);
    const meetings = await until(async () => sink.received.find((mail) => mail.subject === 'Tomorrow: your meetings at 18th TCI Global Conference'), Boolean);
    expect(meetings!.to).toBe('buyer.reminded@example.org');
    expect(meetings!.text).toMatch(/^• Wednesday, November 4, 2015 · .* · Table T03/m);
  });
});
