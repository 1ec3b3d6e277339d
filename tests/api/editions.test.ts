import { describe, expect, it } from 'vitest';
import { createEindhovenEdition, demoCongressId, registerDelegate, useTestApp } from '../support/test-app.ts';

const ctx = useTestApp();

const eindhoven = {
  slug: 'tci-2016-eindhoven',
  name: { en: '19th TCI Global Conference', nl: undefined, fr: '19e conférence mondiale TCI' },
  startsOn: '2016-09-27',
  endsOn: '2016-09-30',
  venue: { en: 'Evoluon' },
  city: { en: 'Eindhoven' },
  timeZone: 'Europe/Amsterdam',
  languages: ['en', 'fr'],
};

const create = (body: Record<string, unknown>, language = 'en') =>
  ctx.app.inject({ method: 'POST', url: '/api/congresses', headers: { ...ctx.organiser, 'accept-language': language }, payload: body });

describe('editions', () => {
  it('creates an edition by copying the demo, with its days and times moved to the new dates and zone', async () => {
    const created = await create({ ...eindhoven, name: { en: eindhoven.name.en, fr: eindhoven.name.fr }, copyFrom: 'tci-2015-daegu', copyProgramme: true });
    expect([created.statusCode, created.json()]).toEqual([201, { slug: 'tci-2016-eindhoven' }]);

    const congress = (await ctx.app.inject({ url: '/api/c/tci-2016-eindhoven/congress' })).json();
    expect(congress).toMatchObject({ slug: 'tci-2016-eindhoven', timeZone: 'Europe/Amsterdam', languages: ['en', 'fr'], registrationOpen: false, archived: false });
    expect(congress.days.map((day: { date: string; focus: string }) => `${day.date} ${day.focus}`)).toEqual([
      '2016-09-27 tours', '2016-09-28 consultation', '2016-09-29 conference', '2016-09-30 closing',
    ]);
    expect(congress.categories.map((category: { code: string }) => category.code)).toContain('press');

    // The demo's 10:00 in Daegu is 10:00 in Eindhoven, a year later.
    const demoTours = (await ctx.app.inject({ url: '/api/tours' })).json() as { code: string; departsAt: string }[];
    const copiedTours = (await ctx.app.inject({ url: '/api/c/tci-2016-eindhoven/tours' })).json() as { code: string; departsAt: string }[];
    expect(copiedTours.map((tour) => tour.code)).toEqual(demoTours.map((tour) => tour.code));
    expect(demoTours[0]!.departsAt).toBe('2015-11-03T07:30:00+09:00');
    expect(copiedTours[0]!.departsAt).toBe('2016-09-27T07:30:00+02:00');

    const programme = (await ctx.app.inject({ url: '/api/c/tci-2016-eindhoven/programme' })).json();
    expect(programme.sessions.length).toBeGreaterThan(10);
    expect(programme.sessions.every((session: { startsAt: string }) => session.startsAt.startsWith('2016-09-'))).toBe(true);

    // Its feeds are in its own zone, and their UIDs name the edition.
    const feed = (await ctx.app.inject({ url: '/api/c/tci-2016-eindhoven/calendar/programme.ics' })).body;
    expect(feed).toContain('TZID:Europe/Amsterdam');
    expect(feed).not.toContain('Asia/Seoul');
    expect(feed).toMatch(/UID:session-[a-z0-9-]+@tci-2016-eindhoven\./);

    // Structure, not people: nobody is registered in the copy, and its consultation has no meetings.
    const counts = (await ctx.app.inject({ url: '/api/c/tci-2016-eindhoven/delegates/counts', headers: ctx.organiser })).json();
    expect(counts.total).toBe(0);
    const instance = (await ctx.app.inject({ url: '/api/c/tci-2016-eindhoven/consultations/instance', headers: ctx.organiser })).json();
    expect([instance.meetings.length, instance.participants.length, instance.slots.length > 0, instance.tables.length > 0]).toEqual([0, 0, true, true]);
  });

  it('keeps each edition to itself: registrations, tokens and the demo untouched', async () => {
    await create({ ...eindhoven, name: { en: eindhoven.name.en }, copyFrom: 'tci-2015-daegu' });
    const before = (await ctx.app.inject({ url: '/api/delegates/counts', headers: ctx.organiser })).json();
    const closed = await ctx.app.inject({ method: 'POST', url: '/api/c/tci-2016-eindhoven/registrations', payload: { givenName: 'Anne', familyName: 'de Vries', email: 'anne@example.nl', country: 'NL', category: 'university', languages: ['nl', 'en'] } });
    expect([closed.statusCode, closed.json().field]).toEqual([409, 'congress']);
    await ctx.app.inject({ method: 'PATCH', url: '/api/c/tci-2016-eindhoven/congress', headers: ctx.organiser, payload: { registrationOpen: true } });

    const registered = await ctx.app.inject({ method: 'POST', url: '/api/c/tci-2016-eindhoven/registrations', payload: { givenName: 'Anne', familyName: 'de Vries', email: 'anne@example.nl', country: 'NL', category: 'university', languages: ['nl', 'en'] } });
    expect(registered.statusCode).toBe(201);
    const token = registered.json().token as string;
    expect(registered.json().calendarUrl).toMatch(/^\/api\/c\/tci-2016-eindhoven\/calendar\/\d+\/[\w-]+\.ics$/);
    const personalFeed = await ctx.app.inject({ url: registered.json().calendarUrl });
    expect([personalFeed.statusCode, personalFeed.body.includes('X-WR-TIMEZONE:Europe/Amsterdam')]).toEqual([200, true]);
    // The feed address is worthless under another edition's prefix.
    expect((await ctx.app.inject({ url: registered.json().calendarUrl.replace('tci-2016-eindhoven', 'tci-2015-daegu') })).statusCode).toBe(404);
    expect((await ctx.app.inject({ url: '/api/c/tci-2016-eindhoven/me', headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(200);
    // The same token is worthless in the demo edition, and the demo's counts did not move.
    expect((await ctx.app.inject({ url: '/api/me', headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(403);
    expect((await ctx.app.inject({ url: '/api/delegates/counts', headers: ctx.organiser })).json()).toEqual(before);
    // And a demo delegate's token is worthless in the new edition.
    const demoDelegate = await registerDelegate(ctx.app);
    expect((await ctx.app.inject({ url: '/api/c/tci-2016-eindhoven/me', headers: demoDelegate.headers })).statusCode).toBe(403);
    // The same email registers once per edition, not once per installation.
    const again = await ctx.app.inject({ method: 'POST', url: '/api/registrations', payload: { givenName: 'Anne', familyName: 'de Vries', email: 'anne@example.nl', country: 'NL', category: 'university', languages: ['nl', 'en'] } });
    expect(again.statusCode).toBe(201);
    expect(demoCongressId(ctx.app)).not.toBe(ctx.app.findCongress('tci-2016-eindhoven')!.id);
  });

  it('shows an edition’s name in the reader’s language, else its own languages, else English', async () => {
    await create({ ...eindhoven, name: { fr: 'Conférence TCI', en: 'TCI Conference' }, languages: ['fr', 'en'] });
    const congress = (await ctx.app.inject({ url: '/api/c/tci-2016-eindhoven/congress' })).json();
    expect(congress.name).toEqual({ fr: 'Conférence TCI', en: 'TCI Conference' });
    const { inReaderLanguage } = await import('../../shared/localized-text.ts');
    expect(inReaderLanguage(congress.name, 'ko', congress.languages)).toBe('Conférence TCI');
    expect(inReaderLanguage(congress.name, 'en', congress.languages)).toBe('TCI Conference');
    expect(inReaderLanguage({ ja: '会議', en: 'Congress' }, 'ko', ['fr'])).toBe('Congress');
  });

  it('refuses bad editions naming the field, in the organiser’s language, and stores nothing', async () => {
    const cases: [Record<string, unknown>, number, string][] = [
      [{ ...eindhoven, name: { en: 'X' }, timeZone: 'Mars/Olympus' }, 422, 'timeZone'],
      [{ ...eindhoven, name: { en: 'X' }, timeZone: 'CET+1' }, 422, 'timeZone'],
      [{ ...eindhoven, name: { en: 'X' }, slug: 'TCI 2016' }, 400, 'slug'],
      [{ ...eindhoven, name: { en: 'X' }, slug: 'tci-2015-daegu' }, 409, 'slug'],
      [{ ...eindhoven, name: { en: 'X' }, endsOn: '2016-09-01' }, 422, 'endsOn'],
      [{ ...eindhoven, name: { en: 'X' }, startsOn: '2016-02-30' }, 400, 'startsOn'],
      [{ ...eindhoven, name: { en: 'X' }, copyFrom: 'tci-1999' }, 422, 'copyFrom'],
      [{ ...eindhoven, name: {} }, 400, 'name'],
      [{ ...eindhoven, name: { xx: 'X' } }, 400, 'name.xx'],
      [{ ...eindhoven, name: { en: 'X' }, languages: ['en', 'nl'] }, 400, 'languages[1]'],
    ];
    for (const [body, status, field] of cases) {
      const response = await create(body, 'fr');
      expect([response.statusCode, response.json().field], JSON.stringify(body)).toEqual([status, field]);
    }
    const zone = await create({ ...eindhoven, name: { en: 'X' }, timeZone: 'Mars/Olympus' }, 'fr');
    expect(zone.json().message).toBe('Fuseau horaire : « Mars/Olympus » n’est pas un fuseau horaire. Utilisez un nom IANA comme Europe/Amsterdam ou Asia/Seoul.');
    const list = (await ctx.app.inject({ url: '/api/congresses', headers: ctx.organiser })).json() as { slug: string }[];
    expect(list.map((congress) => congress.slug)).toEqual(['tci-2015-daegu']);
    expect((await ctx.app.inject({ url: '/api/c/nowhere/congress' })).json().field).toBe('slug');
    expect((await ctx.app.inject({ method: 'POST', url: '/api/congresses', payload: eindhoven })).statusCode).toBe(401);
  });

  it('archives an edition: still readable, no longer open for registration', async () => {
    await create({ ...eindhoven, name: { en: 'X' } });
    await ctx.app.inject({ method: 'PATCH', url: '/api/c/tci-2016-eindhoven/congress', headers: ctx.organiser, payload: { registrationOpen: true } });
    const archived = await ctx.app.inject({ method: 'PATCH', url: '/api/c/tci-2016-eindhoven/congress', headers: ctx.organiser, payload: { archived: true } });
    expect(archived.json()).toMatchObject({ archived: true, registrationOpen: false });
    const refused = await ctx.app.inject({ method: 'POST', url: '/api/c/tci-2016-eindhoven/registrations', payload: { givenName: 'Anne', familyName: 'de Vries', email: 'anne@example.nl', country: 'NL', category: 'university', languages: ['en'] } });
    expect(refused.statusCode).toBe(409);
    const list = (await ctx.app.inject({ url: '/api/congresses', headers: ctx.organiser })).json() as { slug: string; archived: boolean; isDefault: boolean }[];
    expect(list).toEqual([
      expect.objectContaining({ slug: 'tci-2016-eindhoven', archived: true, isDefault: false }),
      expect.objectContaining({ slug: 'tci-2015-daegu', archived: false, isDefault: true }),
    ]);
  });
});

describe('an edition’s own texts', () => {
  it('are changed by its organisers: name and theme per language, venue, city and languages; bad ones name the field', async () => {
    await createEindhovenEdition(ctx.app, ctx.organiser);
    const patch = (payload: Record<string, unknown>, language = 'en') =>
      ctx.app.inject({ method: 'PATCH', url: '/api/c/tci-2016-eindhoven/congress', headers: { ...ctx.organiser, 'accept-language': language }, payload });
    const changed = await patch({ name: { en: '19th TCI Global Conference', nl: undefined, fr: '19e conférence mondiale TCI' }, theme: { en: 'Brainport: smart and healthy' }, venue: { en: ' Evoluon ' }, city: { en: 'Eindhoven', fr: 'Eindhoven' }, languages: ['en', 'fr'] });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ name: { en: '19th TCI Global Conference', fr: '19e conférence mondiale TCI' }, theme: { en: 'Brainport: smart and healthy' }, venue: { en: 'Evoluon' }, languages: ['en', 'fr'] });
    expect((await ctx.app.inject({ url: '/api/congress' })).json().venue).toEqual({ en: 'EXCO', ko: '엑스코(EXCO)' });

    const nameless = await patch({ name: {} }, 'fr');
    expect([nameless.statusCode, nameless.json().field]).toEqual([400, 'name']);
    const noLanguage = await patch({ languages: [] });
    expect([noLanguage.statusCode, noLanguage.json().field]).toEqual([400, 'languages']);
    const blankCity = await patch({ city: { en: '   ' } });
    expect([blankCity.statusCode, blankCity.json().field]).toEqual([400, 'city.en']);
    const noCity = await patch({ city: {} });
    expect([noCity.statusCode, noCity.json().field]).toEqual([400, 'city']);
    expect((await ctx.app.inject({ url: '/api/c/tci-2016-eindhoven/congress' })).json().city).toEqual({ en: 'Eindhoven', fr: 'Eindhoven' });
  });
});
