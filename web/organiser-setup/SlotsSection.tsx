import { useEffect, useState } from 'preact/hooks';
import type { CongressInfo } from '../../shared/congress-schema.ts';
import type { DaySlots } from '../../shared/consultation-schema.ts';
import { formatEventDay } from '../../shared/event-time.ts';
import { api } from '../app/api.ts';
import { formatEventDateTime } from '../app/event-zone.ts';
import { useTranslation } from '../app/i18n.ts';
import { useFormErrors } from '../app/use-form-errors.ts';

/** The consultation day's slots laid out from a pattern: start, end, length and one break such as lunch. */
export function SlotsSection({ token }: { token: string }) {
  const { t, language } = useTranslation();
  const [days, setDays] = useState<CongressInfo['days']>([]);
  const [form, setForm] = useState({ date: '', start: '10:00', end: '17:00', minutes: '30', breakStart: '12:00', breakEnd: '13:30' });
  const [laid, setLaid] = useState<DaySlots['slots'] | null>(null);
  const { errors, general, clear, show } = useFormErrors(['date', 'start', 'end', 'minutes', 'breaks', 'slots']);
  useEffect(() => {
    void api<CongressInfo>('/api/congress').then((info) => {
      setDays(info.days);
      const consultationDay = info.days.find((day) => day.focus === 'consultation') ?? info.days[0];
      if (consultationDay) setForm((current) => ({ ...current, date: consultationDay.date }));
    });
  }, [token]);
  const set = (key: keyof typeof form) => (event: Event) => setForm({ ...form, [key]: (event.currentTarget as HTMLInputElement).value });
  const submit = async (event: Event) => {
    event.preventDefault();
    clear();
    setLaid(null);
    const breaks = form.breakStart && form.breakEnd ? [{ start: form.breakStart, end: form.breakEnd }] : [];
    try {
      const answer = await api<DaySlots>(`/api/consultations/days/${form.date}/slots`, { method: 'PUT', token, body: { start: form.start, end: form.end, minutes: Number(form.minutes), breaks } });
      setLaid(answer.slots);
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
          <select id="field-date" value={form.date} onChange={set('date')}>
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
      {laid && (
        <div role="status">
          <p class="notice">{t('setup.slotsLaid', { count: laid.length })}</p>
          <ul class="checks" data-testid="laid-slots">
            {laid.map((slot) => (
              <li key={slot.id}>{formatEventDateTime(slot.start, language)}</li>
            ))}
          </ul>
        </div>
      )}
    </form>
  );
}
