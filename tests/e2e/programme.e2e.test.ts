import { describe, expect, it } from 'vitest';
import { signInAt, useBrowserApp } from '../support/browser.ts';
import { parseFeed } from '../support/ics.ts';
import { aDelegate } from '../support/test-app.ts';

const session = useBrowserApp();

describe('the programme in the browser', () => {
  it('shows the three congress days in Japanese, times in Seoul time whatever the browser’s zone', async () => {
    const context = await session.browser.newContext({ locale: 'ja-JP', timezoneId: 'America/New_York' });
    const page = await context.newPage();
    await page.goto(`${session.baseUrl}/programme`);
    const programme = page.getByTestId('programme');
    await expect.poll(() => programme.locator('h1').textContent()).toBe('プログラム');
    expect(await programme.locator('h2').allTextContents()).toEqual(['2015年11月4日(水)', '2015年11月5日(木)', '2015年11月6日(金)']);
    const keynote = programme.locator('[data-session=keynote-1]');
    expect(await keynote.locator('.session__time').textContent()).toBe('10:30–11:30 · Auditorium (5F)');
    expect(await keynote.locator('h3').textContent()).toBe('基調講演 Keynote 1: Clusters in the creative economy');
    expect(await keynote.textContent()).toContain('講演者：Christian Ketels (Harvard Business School)');
    expect(await programme.locator('.session--keynote').count()).toBe(6);
    await programme.locator('[data-session=paper-01] summary').click();
    expect(await programme.locator('[data-session=paper-01] details li').count()).toBe(6);
    await context.close();
  });

  it('a delegate builds an agenda in Japanese, sees a clash and a side-event place, and subscribes to the feed', async () => {
    const delegate = (await (
      await fetch(`${session.baseUrl}/api/registrations`, { method: 'POST', headers: { 'content-type': 'application/json', 'accept-language': 'ja' }, body: JSON.stringify(aDelegate({ country: 'JP', languages: ['ja'] })) })
    ).json()) as { token: string; calendarUrl: string };
    const context = await session.browser.newContext({ locale: 'ja-JP' });
    const page = await context.newPage();
    await page.goto(`${session.baseUrl}/me#token=${encodeURIComponent(delegate.token)}`);
    await page.getByTestId('build-agenda').click();
    const programme = page.getByTestId('programme');
    await expect.poll(() => programme.getByTestId('agenda-keynote-1').count()).toBe(1);
    await programme.getByTestId('agenda-keynote-1').getByRole('button', { name: 'マイアジェンダに追加' }).click();
    await expect.poll(() => programme.getByTestId('agenda-keynote-1').textContent()).toContain('アジェンダに追加済み');
    await programme.getByTestId('agenda-export-consultation').getByRole('button', { name: 'マイアジェンダに追加' }).click();
    await expect.poll(() => programme.getByTestId('clash-keynote-1').textContent()).toBe('同じ時間：セッション · Export consultation');
    await programme.getByTestId('agenda-night-tour').getByRole('button', { name: '申し込む' }).click();
    await expect.poll(() => programme.locator('[data-session=night-tour]').textContent()).toContain('定員45名のうち残り44名');
    await programme.getByTestId('only-mine').check();
    expect(await programme.locator('[data-session]').count()).toBe(3);

    await page.goto(`${session.baseUrl}/me`);
    const feedLink = await page.getByTestId('agenda-feed').getAttribute('href');
    expect(feedLink).toBe(`webcal://${new URL(session.baseUrl).host}${delegate.calendarUrl}`);
    const events = parseFeed(await (await fetch(feedLink!.replace(/^webcal:/, 'http:'))).text());
    expect(events.map((event) => event.uid.split('@')[0]).sort()).toEqual(['session-export-consultation', 'session-keynote-1', 'session-night-tour']);
    expect(events.find((event) => event.uid.startsWith('session-keynote-1@'))!.description).toContain('基調講演');

    // The company presentations' one place is taken: the delegate waits, and hears on the page when it frees.
    const json = { 'content-type': 'application/json' };
    await fetch(`${session.baseUrl}/api/programme/sessions/company-presentations`, { method: 'PATCH', headers: { ...json, ...session.organiser }, body: JSON.stringify({ capacity: 1 }) });
    const other = (await (await fetch(`${session.baseUrl}/api/registrations`, { method: 'POST', headers: json, body: JSON.stringify(aDelegate()) })).json()) as { token: string };
    const asOther = { authorization: `Bearer ${other.token}` };
    await fetch(`${session.baseUrl}/api/me/agenda/company-presentations`, { method: 'PUT', headers: asOther });
    await page.goto(`${session.baseUrl}/programme`);
    await programme.getByTestId('agenda-company-presentations').getByRole('button', { name: '申し込む' }).click();
    await expect.poll(() => programme.getByTestId('agenda-company-presentations').textContent()).toContain('キャンセル待ち');
    await fetch(`${session.baseUrl}/api/me/agenda/company-presentations`, { method: 'DELETE', headers: asOther });
    await expect.poll(() => page.getByTestId('agenda-notice').textContent(), { timeout: 2000 }).toBe('「Excellent-company presentations」に空きが出て、あなたの参加が確定しました。');
    await expect.poll(() => programme.getByTestId('agenda-company-presentations').textContent()).toContain('アジェンダに追加済み');
    await context.close();
  });

  it('an organiser moves a keynote in Korean: a double-booked room is refused beside the field, a free hour is saved', async () => {
    const context = await session.browser.newContext({ locale: 'ko-KR' });
    const page = await context.newPage();
    await signInAt(page, `${session.baseUrl}/organiser/programme`);
    const row = page.locator('tr[data-session=keynote-3]');
    await row.getByRole('button', { name: '수정' }).click();
    const form = page.getByTestId('session-form');
    // Both languages are there to edit, whatever the organiser reads the screen in.
    await expect.poll(() => form.locator('#field-title-en').inputValue()).toBe('Keynote 3: Steel and regional innovation');
    expect(await form.locator('#field-title-ko').inputValue()).toBe('기조연설 3: 철강 산업과 지역 혁신');
    await form.locator('#field-startsAt').fill('2015-11-05T10:00');
    await form.locator('#field-endsAt').fill('2015-11-05T11:00');
    await form.getByRole('button', { name: '세션 저장' }).click();
    await expect.poll(() => form.locator('[data-field=room] .field__error').textContent()).toBe('장소: 그 시간에 이 장소는 “기조연설 4: 창조경제와 산업 정책”에 배정되어 있습니다.');
    await form.locator('#field-startsAt').fill('2015-11-05T08:30');
    await form.locator('#field-endsAt').fill('2015-11-05T09:30');
    await form.getByRole('button', { name: '세션 저장' }).click();
    await expect.poll(() => form.locator('[role=status]').textContent()).toContain('세션을 저장했습니다.');
    expect(session.app.db.$client.prepare("select starts_at, sequence from programme_sessions where code = 'keynote-3'").get()).toEqual({ starts_at: '2015-11-05T08:30:00+09:00', sequence: 1 });
    await context.close();
  });

  it('an organiser in French adds a paper, corrects a room and calls a side event off; a missing title and too few seats are refused beside the field', async () => {
    const context = await session.browser.newContext({ locale: 'fr-FR' });
    const page = await context.newPage();
    await signInAt(page, `${session.baseUrl}/organiser/programme`);
    await page.locator('tr[data-session=paper-02]').getByRole('button', { name: 'Modifier' }).click();
    const form = page.getByTestId('session-form');
    await expect.poll(() => form.locator('.paper').count()).toBe(6);
    await form.getByRole('button', { name: 'Ajouter une communication' }).click();
    await form.locator('[name="papers[6].authors"]').fill('Brun A., Kim S.');
    await form.getByRole('button', { name: 'Enregistrer la session' }).click();
    await expect.poll(() => form.locator('[data-field=papers] .field__error').textContent()).toBe('Communication 7 · Titre : ce champ est obligatoire.');
    await form.locator('[name="papers[6].title"]').fill('Les pôles de compétitivité et la région de Daegu');
    // Speakers are picked by name, not typed as codes.
    await form.getByRole('combobox', { name: 'Ajouter un intervenant…' }).selectOption({ label: 'Cluster expert, ADB · Asian Development Bank' });
    await form.getByRole('button', { name: 'Enregistrer la session' }).click();
    await expect.poll(() => form.locator('[role=status]').textContent()).toContain('Session enregistrée.');
    const papers = session.app.db.$client
      .prepare("select title, authors from programme_papers where session_id = (select id from programme_sessions where code = 'paper-02') order by sort_order")
      .all() as { title: string; authors: string }[];
    expect(papers).toHaveLength(7);
    expect(papers[6]).toEqual({ title: 'Les pôles de compétitivité et la région de Daegu', authors: 'Brun A., Kim S.' });
    expect(session.app.db.$client.prepare("select p.code from programme_session_speakers s join programme_people p on p.id = s.person_id where s.session_id = (select id from programme_sessions where code = 'paper-02')").pluck().all()).toEqual(['adb']);

    const rooms = page.getByTestId('rooms-editor');
    await rooms.locator('li[data-code=culture]').getByRole('button', { name: 'Modifier' }).click();
    await rooms.locator('#field-capacity').fill('50');
    await rooms.getByRole('button', { name: 'Enregistrer la salle' }).click();
    await expect.poll(() => rooms.locator('[data-field=capacity] .field__error').textContent()).toContain('offre 80 places');
    await rooms.locator('#field-capacity').fill('90');
    await rooms.locator('#field-name-en').fill('Korean culture hall (3F)');
    await rooms.getByRole('button', { name: 'Enregistrer la salle' }).click();
    await expect.poll(() => rooms.locator('li[data-code=culture]').textContent()).toContain('Korean culture hall (3F) · 90 places');

    // A speaker's role and affiliation are written per language, like every text organisers enter.
    const people = page.getByTestId('people-editor');
    await people.locator('li[data-code=ketels]').getByRole('button', { name: 'Modifier' }).click();
    expect(await people.locator('#field-name-ko').inputValue()).toBe('크리스티안 케텔스');
    await people.locator('#field-affiliation-ko').fill('하버드 경영대학원 전략경쟁력연구소');
    await people.getByRole('button', { name: 'Enregistrer la personne' }).click();
    await expect.poll(async () => ((await (await fetch(`${session.baseUrl}/api/programme`, { headers: { 'accept-language': 'ko' } })).json()) as { people: { code: string; affiliation: string }[] }).people.find((person) => person.code === 'ketels')?.affiliation).toBe('하버드 경영대학원 전략경쟁력연구소');

    // Calling the culture hall off: it stays on the public programme, marked and without a sign-up.
    await page.locator('tr[data-session=culture-hall]').getByRole('button', { name: 'Modifier' }).click();
    await form.locator('#field-cancelled').check();
    // Cancelling is asked first.
    page.once('dialog', (dialog) => {
      expect(dialog.message()).toContain('Annuler cette session');
      void dialog.accept();
    });
    await form.getByRole('button', { name: 'Enregistrer la session' }).click();
    await expect.poll(() => page.locator('tr[data-session=culture-hall]').textContent()).toContain('Annulée');
    await page.goto(`${session.baseUrl}/programme`);
    await expect.poll(() => page.locator('[data-session=culture-hall] h3').textContent()).toBe('Événement parallèle Annulée Korean culture experience hall');
    await context.close();
  });
});
