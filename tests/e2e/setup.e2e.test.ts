import type { ConsultationPlan } from '../../shared/consultation-plan-schema.ts';
import { describe, expect, it } from 'vitest';
import type { CongressInfo } from '../../shared/congress-schema.ts';
import type { ConsultationHall } from '../../shared/consultation-hall-schema.ts';
import type { ToursAsStored } from '../../shared/tour-setup-schema.ts';
import { signInAt, useBrowserApp } from '../support/browser.ts';

const session = useBrowserApp();

async function signedIn(locale: string, viewport = { width: 1280, height: 900 }) {
  const context = await session.browser.newContext({ locale, timezoneId: 'America/Los_Angeles', viewport });
  const page = await context.newPage();
  await signInAt(page, `${session.baseUrl}/organiser/setup`);
  await page.getByTestId('setup-page').waitFor();
  return { context, page };
}
const read = async <T,>(path: string) => (await (await fetch(`${session.baseUrl}${path}`, { headers: session.organiser })).json()) as T;

describe('setting an edition up in the browser', () => {
  it('a Russian organiser on a phone adds a cluster tour on Daegu’s clock and a bus whose guides are picked by name', async () => {
    const { context, page } = await signedIn('ru-RU', { width: 390, height: 844 });
    const tours = page.getByTestId('tours-setup');
    const adding = tours.getByTestId('new-tour');
    await adding.locator('#new-tour-code').fill('pohang');
    await adding.getByLabel('Название (английский)').fill('Pohang steel industrial complex');
    await adding.getByLabel('Название (корейский)').fill('포항 철강산업단지');
    await adding.getByLabel('Место сбора (английский)').fill('EXCO east hall, bus bay 8');
    await adding.locator('#new-tour-departsAt').fill('2015-11-03T08:00');
    await adding.locator('#new-tour-returnsAt').fill('2015-11-03T07:00');
    await adding.getByRole('button', { name: 'Добавить тур' }).click();
    // A return before the departure is refused beside the return, in Russian.
    await expect.poll(() => adding.locator('.field--invalid .field__error').textContent()).toContain('Возвращение');
    await adding.locator('#new-tour-returnsAt').fill('2015-11-03T18:30');
    await adding.getByRole('button', { name: 'Добавить тур' }).click();
    const card = tours.locator('li[data-tour=pohang]');
    await expect.poll(() => card.locator('summary').textContent()).toContain('Pohang steel industrial complex');
    // Typed on the congress's clock whatever the browser's zone (here Los Angeles).
    const stored = (await read<ToursAsStored>('/api/tours/setup')).tours.find((tour) => tour.code === 'pohang')!;
    expect([stored.departsAt, stored.returnsAt]).toEqual(['2015-11-03T08:00:00+09:00', '2015-11-03T18:30:00+09:00']);

    await card.locator('summary').click();
    const newBus = card.getByTestId('new-bus-pohang');
    await newBus.getByRole('combobox', { name: 'Добавить язык…' }).selectOption({ label: 'английский' });
    await newBus.getByRole('combobox', { name: 'Добавить язык…' }).selectOption({ label: 'русский' });
    await expect.poll(() => newBus.locator('.chip').allTextContents()).toEqual(['английский×', 'русский×']);
    await newBus.locator('input[type=number]').fill('40');
    await newBus.getByRole('button', { name: 'Добавить автобус' }).click();
    await expect.poll(() => card.locator('tr[data-bus]').count()).toBe(1);
    const bus = (await read<ToursAsStored>('/api/tours/setup')).tours.find((tour) => tour.code === 'pohang')!.buses[0]!;
    // Named in each of the edition's languages as that language numbers a bus; each can be changed.
    expect(bus).toMatchObject({ label: { en: 'Bus 1', ko: '1호차' }, capacity: 40, guideLanguages: ['en', 'ru'] });
    expect(await card.locator(`tr[data-bus="${bus.id}"]`).getByLabel('Название (корейский)').inputValue()).toBe('1호차');
    // Zero seats is refused beside the bus, and the bus keeps its 40.
    const row = card.locator(`tr[data-bus="${bus.id}"]`);
    await row.locator('input[type=number]').fill('0');
    await row.getByRole('button', { name: 'Сохранить' }).click();
    await expect.poll(() => row.getByRole('alert').textContent()).toBeTruthy();
    expect((await read<ToursAsStored>('/api/tours/setup')).tours.find((tour) => tour.code === 'pohang')!.buses[0]!.capacity).toBe(40);
    await page.screenshot({ path: 'test-results/setup-tours-ru-phone.png', fullPage: true });
    await context.close();
  });

  it('a Korean organiser frees a buyer’s table, gives another table instead, and adds an interpreter for two slots', async () => {
    // B01's meetings leave the plan first: a table the plan uses cannot be freed.
    let plan = await read<ConsultationPlan>('/api/consultations/plan');
    for (const assignment of plan.assignments.filter((each) => each.buyer === 'B01')) {
      plan = (await session.app.inject({ method: 'DELETE', url: `/api/consultations/plan/meetings/${assignment.meeting}?revision=${plan.revision}`, headers: session.organiser })).json() as ConsultationPlan;
    }
    const { context, page } = await signedIn('ko-KR');
    const hall = page.getByTestId('hall-setup');
    await hall.getByRole('combobox', { name: 'T01 테이블의 고정 바이어' }).selectOption('');
    await expect.poll(async () => (await read<ConsultationHall>('/api/consultations/hall')).buyers[0]!.homeTable).toBeNull();
    await hall.getByRole('combobox', { name: 'T19 테이블의 고정 바이어' }).selectOption({ label: 'Bharat Auto Components Pvt. Ltd. (B01)' });
    await expect.poll(async () => (await read<ConsultationHall>('/api/consultations/hall')).buyers[0]!.homeTable).toBe('T19');

    // Five more tables, numbered on from T21.
    const numbered = hall.getByTestId('numbered-tables');
    await numbered.locator('#numbered-tables-first').fill('21');
    await numbered.locator('#numbered-tables-count').fill('5');
    await numbered.getByRole('button', { name: '번호 테이블 추가' }).click();
    await expect.poll(() => hall.getByTestId('hall-tables').locator('tbody tr').count()).toBe(25);
    expect((await read<ConsultationHall>('/api/consultations/hall')).tables.at(-1)!.code).toBe('T25');

    const adding = hall.locator('tr[data-interpreter=new]');
    await adding.getByPlaceholder('이름').fill('Sanne Jansen');
    await adding.getByPlaceholder('코드').fill('I-nl-1');
    await adding.getByRole('button', { name: '통역사 추가' }).click();
    // Without languages: refused in Korean beside the row, nothing stored.
    await expect.poll(() => adding.getByRole('alert').textContent()).toContain('사용 언어');
    await adding.getByRole('combobox', { name: '언어 추가…' }).selectOption({ label: '네덜란드어' });
    await adding.getByRole('combobox', { name: '언어 추가…' }).selectOption({ label: '한국어' });
    await adding.locator('.hours summary').click();
    await adding.getByLabel('종일').uncheck();
    const slots = adding.locator('.hours__slots input');
    for (let index = 2; index < 10; index++) await slots.nth(index).uncheck();
    await adding.getByRole('button', { name: '통역사 추가' }).click();
    await expect.poll(() => hall.locator('tr[data-interpreter=I-nl-1]').count()).toBe(1);
    const added = (await read<ConsultationHall>('/api/consultations/hall')).interpreters.find((interpreter) => interpreter.code === 'I-nl-1');
    expect(added).toEqual({ code: 'I-nl-1', name: 'Sanne Jansen', languages: ['nl', 'ko'], available: ['d2-1000', 'd2-1030'], plannedMeetings: 0 });
    await page.screenshot({ path: 'test-results/setup-hall-ko.png', fullPage: true });
    await context.close();
  });

  it('a Spanish organiser names a day, is refused dropping the tour day beside the field, adds a day and moves the edition a week on', async () => {
    const { context, page } = await signedIn('es-ES');
    page.on('dialog', (dialog) => void dialog.accept());
    const days = page.getByTestId('days-setup');
    const fifth = days.locator('li[data-day="2015-11-05"]');
    await fifth.locator('summary').click();
    await fifth.getByLabel('Nombre en inglés (opcional)').fill('Paper sessions');
    await fifth.getByLabel('Nombre en coreano (opcional)').fill('논문 발표');
    await fifth.getByRole('button', { name: 'Guardar' }).click();
    await expect.poll(() => fifth.locator('summary').textContent()).toContain('Paper sessions');

    const edition = page.getByTestId('edition-setup');
    await edition.locator('#field-startsOn').fill('2015-11-04');
    await edition.getByRole('button', { name: 'Guardar la edición' }).click();
    await expect.poll(() => edition.locator('[data-field=startsOn] .field__error').textContent()).toContain('Primer día');
    expect(await edition.locator('[data-field=startsOn] .field__error').textContent()).toBe('Primer día: el 3 de noviembre de 2015 aún tiene la visita «Banwol-Sihwa National Industrial Complex — parts and materials»: cámbiela antes de día.');
    await edition.locator('#field-startsOn').fill('2015-11-03');
    await edition.locator('#field-endsOn').fill('2015-11-07');
    await edition.getByRole('button', { name: 'Guardar la edición' }).click();
    await expect.poll(() => page.getByTestId('days-setup').locator('li[data-day]').count()).toBe(5);

    await page.getByTestId('move-edition').locator('#move-startsOn').fill('2015-11-10');
    await page.getByTestId('move-edition').getByRole('button', { name: 'Trasladar la edición' }).click();
    await expect.poll(() => page.getByTestId('days-setup').locator('li[data-day]').first().getAttribute('data-day')).toBe('2015-11-10');
    const info = await read<CongressInfo>('/api/congress');
    expect([info.startsOn, info.endsOn, info.days.find((day) => day.date === '2015-11-12')!.title]).toEqual(['2015-11-10', '2015-11-14', { en: 'Paper sessions', ko: '논문 발표' }]);
    await page.screenshot({ path: 'test-results/setup-days-es.png', fullPage: true });
    await context.close();
  });
});
