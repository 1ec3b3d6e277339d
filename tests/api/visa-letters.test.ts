import { describe, expect, it } from 'vitest';
import type { MyVisaLetter, VisaLetterQueue, VisaLetterVerification } from '../../shared/visa-letter-schema.ts';
import { eraseExpiredPersonalData } from '../../server/registration/retention.ts';
import { pdfPages } from '../support/pdf-text.ts';
import { useMailApps } from '../support/mail-app.ts';
import { registerDelegate, signInAccount, startTestApp } from '../support/test-app.ts';

type App = Awaited<ReturnType<typeof startTestApp>>['app'];
const appWithMail = useMailApps();

const passport = { passportName: 'Ivanova Anna', nationality: 'RU', passportNumber: '751234567', birthDate: '1985-04-12', passportExpiry: '2030-01-31', consulate: 'Consulate General of the Republic of Korea in Vladivostok' };

const requestLetter = (app: App, headers: { authorization: string }, body: Record<string, unknown> = passport, language = 'en') =>
  app.inject({ method: 'POST', url: '/api/me/visa-letter', headers: { ...headers, 'accept-language': language }, payload: body });

describe('visa invitation letters', () => {
  it('go from a delegate’s request through the organisers’ approval to a letter a consulate can verify', async () => {
    const { app, sink, organiser } = await appWithMail();
    const delegate = await registerDelegate(app, { givenName: 'Анна', familyName: 'Иванова', latinName: 'Anna Ivanova', email: 'anna@example.ru', country: 'RU', category: 'research', languages: ['ru', 'en'], organisation: 'Tomsk Cluster' }, 'ru');
    expect(delegate.status).toBe('confirmed');

    expect((await app.inject({ url: '/api/me/visa-letter', headers: delegate.headers })).json()).toBeNull();
    const asked = await requestLetter(app, delegate.headers);
    expect(asked.statusCode).toBe(201);
    // The delegate sees their passport number by its end only, and never their birth date.
    expect(asked.json()).toEqual({ status: 'requested', passportName: 'IVANOVA ANNA', nationality: 'RU', passportNumberEnd: '567', passportExpiry: '2030-01-31', consulate: passport.consulate, requestedAt: expect.any(String), decidedAt: null, declineReason: null, verificationCode: null });
    expect((await app.inject({ url: '/api/me/visa-letter.pdf', headers: delegate.headers })).statusCode).toBe(409);

    // Passport data is for organisers: floor or desk staff do not see the queue.
    const desk = await signInAccount(app, 'desk');
    expect((await app.inject({ url: '/api/visa-letters', headers: desk })).statusCode).toBe(403);
    expect((await app.inject({ url: '/api/visa-letters' })).statusCode).toBe(401);
    const queue = (await app.inject({ url: '/api/visa-letters', headers: organiser })).json() as VisaLetterQueue;
    expect(queue.counts.requested).toBe(1);
    expect(queue.items[0]).toMatchObject({ delegateId: delegate.id, delegateName: 'Анна Иванова', passportNumber: '751234567', birthDate: '1985-04-12', status: 'requested' });
    // The history says a request was made, not what passport it named.
    expect(JSON.stringify(app.db.$client.prepare('select * from audit_log').all())).not.toContain('751234567');

    const approved = await app.inject({ method: 'POST', url: `/api/visa-letters/${queue.items[0]!.id}/approve`, headers: organiser });
    expect(approved.statusCode).toBe(200);
    const code = approved.json().verificationCode as string;
    expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    expect((await app.inject({ method: 'POST', url: `/api/visa-letters/${queue.items[0]!.id}/approve`, headers: organiser })).statusCode).toBe(409);

    // The letter: English, then Korean (the edition's own language), the passport's particulars and the address to check it.
    const pdf = await app.inject({ url: '/api/me/visa-letter.pdf', headers: delegate.headers });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const pages = await pdfPages(pdf.rawPayload);
    expect(pages).toHaveLength(2);
    expect(pages[0]).toContain('Letter of invitation');
    expect(pages[0]).toContain('IVANOVA ANNA');
    expect(pages[0]).toContain('751234567');
    expect(pages[0]).toContain('Russia');
    expect(pages[0]).toContain('Consulate General of the Republic of Korea in Vladivostok');
    expect(pages[0]).toContain(`https://congress.example.org/verify/${code}`);
    // No character the letter's font cannot print (Intl's thin spaces in date ranges).
    expect(pages.join('')).not.toMatch(/[\u0000\u2009\u202f]/);
    expect(pages[1]).toContain('초청장');
    expect(pages[1]).toContain('러시아');
    expect(pages[1]).toContain(`https://congress.example.org/verify/${code}`);

    // The delegate is told in Russian, the letter attached.
    const [mail] = await sink.waitFor(2).then((all) => all.filter((each) => each.subject.includes('визовое')));
    expect(mail!.to).toBe('anna@example.ru');
    expect(mail!.text).toContain(code);
    expect(mail!.attachments.map((file) => file.contentType)).toEqual(['application/pdf']);

    // Anyone holding the code learns the holder, the congress and the date, nothing more.
    const verified = await app.inject({ url: `/api/verify/${code.toLowerCase()}` });
    expect(verified.statusCode).toBe(200);
    const verification = verified.json() as VisaLetterVerification;
    expect(verification).toMatchObject({ holderName: 'IVANOVA ANNA', nationality: 'RU', startsOn: '2015-11-03', revoked: false });
    expect(verified.body).not.toContain('751234567');
    expect(verified.body).not.toContain('1985');
    // A code altered by one character, or made up, is unknown.
    const altered = code.slice(0, -1) + (code.endsWith('2') ? '3' : '2');
    expect((await app.inject({ url: `/api/verify/${altered}` })).statusCode).toBe(404);
    expect((await app.inject({ url: '/api/verify/not-a-code' })).statusCode).toBe(404);

    // Revoked by the organisers, the page says so.
    const revoked = await app.inject({ method: 'POST', url: `/api/visa-letters/${queue.items[0]!.id}/revoke`, headers: organiser, payload: { reason: 'Registration withdrawn by the delegate’s organisation.' } });
    expect(revoked.statusCode).toBe(200);
    expect(((await app.inject({ url: `/api/verify/${code}` })).json() as VisaLetterVerification).revoked).toBe(true);
  });

  it('refuses an expired passport, a birth date to come and bad fields, naming the field in the delegate’s language', async () => {
    const { app } = await appWithMail();
    const delegate = await registerDelegate(app, { country: 'VN' }, 'vi');
    const expired = await requestLetter(app, delegate.headers, { ...passport, passportExpiry: '2015-11-05' }, 'ru');
    expect(expired.statusCode).toBe(400);
    expect(expired.json().field).toBe('passportExpiry');
    expect(expired.json().message).toMatch(/^Паспорт действителен до: паспорт должен действовать и после окончания конгресса 6 ноября 2015/);
    const unborn = await requestLetter(app, delegate.headers, { ...passport, birthDate: '2999-01-01' });
    expect(unborn.json()).toMatchObject({ field: 'birthDate', message: 'Date of birth: the birth date must be in the past.' });
    expect((await requestLetter(app, delegate.headers, { ...passport, nationality: 'XX' })).json().field).toBe('nationality');
    expect((await requestLetter(app, delegate.headers, { ...passport, passportName: 'Анна Иванова' })).json().field).toBe('passportName');
    expect((await requestLetter(app, delegate.headers, { ...passport, birthDate: '1985-02-30' })).json().field).toBe('birthDate');
    expect((await requestLetter(app, delegate.headers, { ...passport, passportNumber: '75 12\n34' })).json().field).toBe('passportNumber');
    // Nothing was stored by the refused requests.
    expect(app.db.$client.prepare('select count(*) from visa_letters').pluck().get()).toBe(0);
  });

  it('declines with a reason the delegate reads, lets them ask again, and withdraws the request when they cancel', async () => {
    const { app, sink, organiser } = await appWithMail();
    const delegate = await registerDelegate(app, { email: 'luis@example.es', country: 'ES' }, 'es');
    await requestLetter(app, delegate.headers);
    const id = ((await app.inject({ url: '/api/visa-letters', headers: organiser })).json() as VisaLetterQueue).items[0]!.id;
    expect((await app.inject({ method: 'POST', url: `/api/visa-letters/${id}/decline`, headers: organiser, payload: { reason: '  ' } })).json().field).toBe('reason');
    const declined = await app.inject({ method: 'POST', url: `/api/visa-letters/${id}/decline`, headers: organiser, payload: { reason: 'The passport name does not match the registration.' } });
    expect(declined.json()).toMatchObject({ status: 'declined', declineReason: 'The passport name does not match the registration.' });
    const mail = (await sink.waitFor(2)).find((each) => each.to === 'luis@example.es' && each.subject.includes('visado'))!;
    expect(mail.text).toContain('The passport name does not match the registration.');
    expect(((await app.inject({ url: '/api/me/visa-letter', headers: delegate.headers })).json() as MyVisaLetter).declineReason).toBe('The passport name does not match the registration.');

    expect((await requestLetter(app, delegate.headers, { ...passport, passportName: 'Garcia Luis' })).json()).toMatchObject({ status: 'requested', passportName: 'GARCIA LUIS', declineReason: null });
    expect((await app.inject({ method: 'DELETE', url: '/api/me', headers: delegate.headers })).statusCode).toBe(200);
    expect(((await app.inject({ url: '/api/visa-letters', headers: organiser })).json() as VisaLetterQueue).counts).toMatchObject({ requested: 0, declined: 1 });
  });

  it('erases passport data first when the edition’s retention ends, and with a delegate’s own erasure; the code then verifies nothing', async () => {
    const { app, organiser } = await appWithMail();
    const first = await registerDelegate(app, { country: 'RU' });
    const second = await registerDelegate(app, { country: 'RU' });
    for (const delegate of [first, second]) await requestLetter(app, delegate.headers);
    const queue = ((await app.inject({ url: '/api/visa-letters', headers: organiser })).json() as VisaLetterQueue).items;
    const code = (await app.inject({ method: 'POST', url: `/api/visa-letters/${queue[0]!.id}/approve`, headers: organiser })).json().verificationCode as string;

    expect((await app.inject({ method: 'DELETE', url: '/api/me?erase=true', headers: first.headers })).statusCode).toBe(204);
    expect((await app.inject({ url: `/api/verify/${code}` })).statusCode).toBe(404);
    expect(app.db.$client.prepare('select passport_number from visa_letters where delegate_id = ?').pluck().get(first.id)).toBeNull();

    await app.inject({ method: 'PATCH', url: '/api/congress', headers: organiser, payload: { personalDataUntil: '2015-11-30' } });
    eraseExpiredPersonalData(app.db, app.registrationsOf, new Date('2016-01-01T00:00:00Z'));
    expect(app.db.$client.prepare('select count(*) from visa_letters where passport_number is not null or birth_date is not null').pluck().get()).toBe(0);
    // After the delegate's own erasure, the retention's first row is the edition's letters, then each delegate.
    const audit = app.db.$client.prepare("select action, data from audit_log where action in ('visaLetter.erase', 'delegate.erase') order by id").all() as { action: string; data: string | null }[];
    expect(audit.slice(0, 3)).toEqual([
      { action: 'delegate.erase', data: null },
      { action: 'visaLetter.erase', data: JSON.stringify({ letters: 1 }) },
      { action: 'delegate.erase', data: null },
    ]);
  });
});
