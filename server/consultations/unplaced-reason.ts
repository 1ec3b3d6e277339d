import { languageName, type UiLanguage } from '../../shared/languages.ts';
import { translatorFor } from '../i18n/translator.ts';
import type { ReasonParticipant, SlotRange, UnplacedReason } from './engine/explain-unplaced.ts';

const clocks = new Map<string, Intl.DateTimeFormat>();
/** `14:00` in the edition's zone whatever the slot's own offset; without a zone, as the time is written (a file's own offset). */
function clock(iso: string, language: UiLanguage, timeZone: string | undefined): string {
  if (!timeZone) return /T(\d\d:\d\d)/.exec(iso)?.[1] ?? iso;
  const key = `${language} ${timeZone}`;
  let format = clocks.get(key);
  if (!format) clocks.set(key, (format = new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone })));
  return format.format(new Date(iso));
}

/** Why a meeting has no place, in `language`, its times in `timeZone` (the edition's). */
export function describeUnplaced(reason: UnplacedReason, language: UiLanguage, timeZone?: string): string {
  const t = translatorFor(language);
  const ranges = (slots: SlotRange[]) =>
    slots.length === 0
      ? t('consultations:unplaced.noSlot')
      : new Intl.ListFormat(language, { type: 'unit', style: 'short' }).format(slots.map((range) => `${clock(range.start, language, timeZone)}–${clock(range.end, language, timeZone)}`));
  const who = (participant: ReasonParticipant) =>
    t('consultations:unplaced.participant', { role: t(`consultations:unplaced.roles.${participant.role}`, { defaultValue: participant.role }), id: participant.id });
  const pair = ([buyer, supplier]: [string[], string[]]) =>
    [buyer, supplier].map((tags) => tags.map((tag) => languageName(tag, language)).join('/')).join('–');
  switch (reason.code) {
    case 'two-home-tables':
      return t('consultations:unplaced.twoHomeTables', { buyer: who(reason.buyer), supplier: who(reason.supplier), tables: reason.tables.join(', ') });
    case 'no-common-slot':
      return t('consultations:unplaced.noCommonSlot', {
        buyer: who(reason.buyer),
        supplier: who(reason.supplier),
        buyerAvailable: ranges(reason.buyerAvailable),
        supplierAvailable: ranges(reason.supplierAvailable),
      });
    case 'no-interpreter':
      return t('consultations:unplaced.noInterpreter', { pair: pair(reason.languages) });
    case 'no-interpreter-on-duty':
      return t('consultations:unplaced.noInterpreterOnDuty', { pair: pair(reason.languages), slots: ranges(reason.common) });
    case 'both-booked': {
      const booked = reason.booked.map((entry) => t('consultations:unplaced.booked', { participant: who(entry.participant), slots: ranges(entry.slots) }));
      return t('consultations:unplaced.bothBooked', { slots: ranges(reason.common), booked: new Intl.ListFormat(language, { type: 'conjunction' }).format(booked) });
    }
    case 'tables-taken':
      return reason.table
        ? t('consultations:unplaced.tableTaken', { table: reason.table, slots: ranges(reason.bothFree) })
        : t('consultations:unplaced.tablesTaken', { slots: ranges(reason.bothFree) });
    case 'interpreters-busy':
      return t('consultations:unplaced.interpretersBusy', { pair: pair(reason.languages), slots: ranges(reason.bothFree) });
    case 'place-free':
      return t('consultations:unplaced.placeFree', { slots: ranges(reason.slots) });
  }
}

/** Reasons as the `consultation-schedule/1` file gives them: in English. */
export const describeUnplacedInEnglish = (reason: UnplacedReason) => describeUnplaced(reason, 'en');
