import { Type, type Static } from 'typebox';

const Bilingual = Type.Object({ ko: Type.Union([Type.String(), Type.Null()]), en: Type.Union([Type.String(), Type.Null()]) });

export const CongressInfo = Type.Object({
  name: Bilingual,
  theme: Bilingual,
  startsOn: Type.String(),
  endsOn: Type.String(),
  venue: Type.String(),
  city: Type.String(),
  timeZone: Type.String(),
  registrationOpen: Type.Boolean(),
  days: Type.Array(Type.Object({ date: Type.String(), focus: Type.String() })),
  categories: Type.Array(Type.Object({ code: Type.String(), requiresApproval: Type.Boolean() })),
});
export type CongressInfo = Static<typeof CongressInfo>;

/** The Korean text for Korean readers, the English one for everybody else. */
export const inReaderLanguage = (text: Static<typeof Bilingual>, language: string) => (language === 'ko' ? text.ko : text.en) ?? text.en ?? text.ko ?? '';

export const RegistrationSwitch = Type.Object({ registrationOpen: Type.Boolean() }, { additionalProperties: false });
export type RegistrationSwitch = Static<typeof RegistrationSwitch>;
