import { useEffect, useState } from 'preact/hooks';
import type { CongressInfo } from '../../shared/congress-schema.ts';
import type { ConsultationHall } from '../../shared/consultation-hall-schema.ts';
import type { DaySlots } from '../../shared/consultation-schema.ts';
import { formatEventDay } from '../../shared/event-time.ts';
import { api } from '../app/api.ts';
import { formatEventTime, toEventWallClock } from '../app/event-zone.ts';
import { useTranslation } from '../app/i18n.ts';
import { useFormErrors } from '../app/use-form-errors.ts';

type Slot = DaySlots['slots'][number];
const blank = { start: '10:00', end: '17:00', minutes: '30', breakStart: '12:00', breakEnd: '13:30' };

/** The pattern a day's slots follow, read back from them: first start, last end, the first slot's length and first gap. */
function patternOf(slots: Slot[]) {
  if (slots.length === 0) return blank;
  const clock = (iso: string) => toEventWallClock(iso).slice(11, 16);
  const gap = slots.findIndex((slot, index) => index > 0 && slot.start !== slots[index - 1]!.end);
  return {
    start: clock(slots[0]!.start),
    end: clock(slots.at(-1)!.end),
    minutes: String(Math.round((Date.parse(slots[0]!.end) - Date.parse(slots[0]!.start)) / 60_000)),
    breakStart: gap > 0 ? clock(slots[gap - 1]!.end) : '',
    breakEnd: gap > 0 ? clock(slots[gap]!.start) : '',
  };
}

/** The consultation day's slots laid out from a pattern: start, end, length and one break such as lunch; a day's own slots are shown and fill the form in. */
export function SlotsSection({ token }: { token: string }) {
  const { t, language } = useTranslation();
  const [days, setDays] = useState<CongressInfo['days']>([]);
  const [slots, setSlots] = useState<Slot[]>([]);
  const [form, setForm] = useState({ date: '', ...blank });
  const [laid, setLaid] = useState<Slot[] | null>(null);
  const { errors, general, clear, show } = useFormErrors(['date', 'start', 'end', 'minutes', 'breaks', 'slots']);
  const onDay = (date: string, all: Slot[]) => all.filter((slot) => toEventWallClock(slot.start).startsWith(date));
  useEffect(() => {
    void Promise.all([api<CongressInfo>('/api/congress'), api<ConsultationHall>('/api/consultations/hall', { token })]).then(([info, hall]) => {
      const all = hall.slots.map((slot) => ({ id: slot.code, start: slot.startsAt, end: slot.endsAt }));
      setDays(info.days);
      setSlots(all);
      const consultationDay = info.days.find((day) => day.focus === 'consultation') ?? info.days[0];
      if (consultationDay) setForm({ date: consultationDay.date, ...patternOf(onDay(consultationDay.date, all)) });
    });
  }, [token]);
  const set = (key: keyof typeof form) => (event: Event) => setForm({ ...form, [key]: (event.currentTarget as HTMLInputElement).value });
  const chooseDay = (date: string) => {
    setLaid(null);
    setForm({ date, ...patternOf(onDay(date, slots)) });
  };
  const current = laid ?? onDay(form.date, slots);
  const submit = async (event: Event) => {
    event.preventDefault();
    clear();
    setLaid(null);
    const breaks = form.breakStart && form.breakEnd ? [{ start: form.breakStart, end: form.breakEnd }] : [];
    try {
      const answer = await api<DaySlots>(`/api/consultations/days/${form.date}/slots`, { method: 'PUT', token, body: { start: form.start, end: form.end, minutes: Number(form.minutes), breaks } });
      setLaid(answer.slots);
      setSlots([...slots.filter((slot) => !toEventWallClock(slot.start).startsWith(form.date)), ...answer.slots]);
    } catch (error) {
      show(error);
    }
  };
  const field = (key: 'start' | 'end' | 'minutes' | 'breakStart' | 'breakEnd', label: string, type: string) => {
    const errorKey = key.startsWith('break') ? 'breaks' : key;
    return (
      <div class={`field${errors[errorKey] ? ' field--invalid' : ''}`}>
        <label for={`field-${key}`}>{label}</label>
        <input id={`field-${key}`} type={type} value={form[key]} {...(type === 'number' ? { min: 5, max: 240 } : {})} onInput={set(key)} aria-invalid={errors[errorKey] ? 'true' : undefined} />
        {errors[errorKey] && key !== 'breakStart' && (
          <p class="field__error" role="alert">
            {errors[errorKey]}
          </p>
        )}
      </div>
    );
  };
  return (
    <form class="card" onSubmit={submit} noValidate data-testid="slots-setup">
      <h3>{t('setup.slotsTitle')}</h3>
      <p class="muted">{t('setup.slotsIntro')}</p>
      {(general || errors.slots) && (
        <p class="field__error" role="alert">
          {general ?? errors.slots}
        </p>
      )}
      <div class="field-row">
        <div class={`field${errors.date ? ' field--invalid' : ''}`}>
          <label for="field-date">{t('setup.day')}</label>
          <select id="field-date" value={form.date} onChange={(event) => chooseDay(event.currentTarget.value)}>
            {days.map((day) => (
              <option key={day.date} value={day.date}>
                {formatEventDay(day.date, language)}
              </option>
            ))}
          </select>
        </div>
        {field('start', t('fields:start'), 'time')}
        {field('end', t('fields:end'), 'time')}
        {field('minutes', t('fields:minutes'), 'number')}
      </div>
      <div class="field-row">
        {field('breakStart', t('setup.breakStart'), 'time')}
        {field('breakEnd', t('setup.breakEnd'), 'time')}
      </div>
      <button type="submit">{t('setup.layOut')}</button>
      <div role="status">
        {laid && <p class="notice">{t('setup.slotsLaid', { count: laid.length })}</p>}
        {!laid && <p class="muted">{current.length > 0 ? t('setup.slotsNow', { count: current.length }) : t('setup.noSlots')}</p>}
        <ul class="slot-times" data-testid="laid-slots">
          {current.map((slot) => (
            <li key={slot.id}>{formatEventTime(slot.start, language)}</li>
          ))}
        </ul>
      </div>
    </form>
  );
}
