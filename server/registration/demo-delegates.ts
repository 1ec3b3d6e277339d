import { Faker, allLocales, type LocaleDefinition } from '@faker-js/faker';
import { pinyin } from 'pinyin-pro';
import { latinBadgeName, suggestLatinName } from '../../shared/person-name.ts';
import { demoCategories } from '../congress/demo-congress.ts';
import type { RegistrationBody } from '../../shared/registration-schema.ts';
import { ApiFailure } from '../http/api-failure.ts';
import { addDemoTourChoices } from '../tours/demo-tours.ts';
import { approveDelegate, register } from './registration-service.ts';
import type { RegistrationStore } from './registration-store.ts';

type LocaleName = keyof typeof allLocales;

/**
 * The 86 countries of the 2015 congress's delegates, with how many of ~900 came from each (Korea about a third;
 * the buyer countries India and China strong), the names' locale and the languages delegates speak.
 */
export const demoCountries: { country: string; weight: number; locale: LocaleName; languages: string[] }[] = [
  { country: 'KR', weight: 300, locale: 'ko', languages: ['ko'] },
  { country: 'JP', weight: 40, locale: 'ja', languages: ['ja'] },
  { country: 'CN', weight: 40, locale: 'zh_CN', languages: ['zh'] },
  { country: 'IN', weight: 30, locale: 'en_IN', languages: ['en', 'hi'] },
  { country: 'US', weight: 35, locale: 'en_US', languages: ['en'] },
  { country: 'VN', weight: 15, locale: 'vi', languages: ['vi'] },
  { country: 'TW', weight: 8, locale: 'zh_TW', languages: ['zh'] },
  { country: 'HK', weight: 4, locale: 'en_HK', languages: ['zh', 'en'] },
  { country: 'GB', weight: 15, locale: 'en_GB', languages: ['en'] },
  { country: 'DE', weight: 14, locale: 'de', languages: ['de'] },
  { country: 'FR', weight: 12, locale: 'fr', languages: ['fr'] },
  { country: 'NL', weight: 12, locale: 'nl', languages: ['nl'] },
  { country: 'ES', weight: 14, locale: 'es', languages: ['es'] },
  { country: 'IT', weight: 8, locale: 'it', languages: ['it'] },
  { country: 'SE', weight: 6, locale: 'sv', languages: ['sv'] },
  { country: 'NO', weight: 4, locale: 'nb_NO', languages: ['nb'] },
  { country: 'DK', weight: 5, locale: 'da', languages: ['da'] },
  { country: 'FI', weight: 5, locale: 'fi', languages: ['fi'] },
  { country: 'BE', weight: 5, locale: 'nl_BE', languages: ['nl', 'fr'] },
  { country: 'CH', weight: 4, locale: 'de_CH', languages: ['de', 'fr'] },
  { country: 'AT', weight: 5, locale: 'de_AT', languages: ['de'] },
  { country: 'IE', weight: 3, locale: 'en_IE', languages: ['en'] },
  { country: 'PT', weight: 4, locale: 'pt_PT', languages: ['pt'] },
  { country: 'PL', weight: 5, locale: 'pl', languages: ['pl'] },
  { country: 'CZ', weight: 3, locale: 'cs_CZ', languages: ['cs'] },
  { country: 'SK', weight: 2, locale: 'sk', languages: ['sk'] },
  { country: 'HU', weight: 3, locale: 'hu', languages: ['hu'] },
  { country: 'RO', weight: 3, locale: 'ro', languages: ['ro'] },
  { country: 'MD', weight: 1, locale: 'ro_MD', languages: ['ro'] },
  { country: 'HR', weight: 2, locale: 'hr', languages: ['hr'] },
  { country: 'SI', weight: 2, locale: 'sl_SI', languages: ['sl'] },
  { country: 'RS', weight: 2, locale: 'sr_RS_latin', languages: ['sr'] },
  { country: 'MK', weight: 1, locale: 'mk', languages: ['mk'] },
  { country: 'GR', weight: 3, locale: 'el', languages: ['el'] },
  { country: 'TR', weight: 6, locale: 'tr', languages: ['tr'] },
  { country: 'LV', weight: 2, locale: 'lv', languages: ['lv'] },
  { country: 'LU', weight: 1, locale: 'fr_LU', languages: ['fr', 'de'] },
  { country: 'RU', weight: 10, locale: 'ru', languages: ['ru'] },
  { country: 'UA', weight: 4, locale: 'uk', languages: ['uk', 'ru'] },
  { country: 'KZ', weight: 4, locale: 'ru', languages: ['kk', 'ru'] },
  { country: 'UZ', weight: 3, locale: 'uz_UZ_latin', languages: ['uz', 'ru'] },
  { country: 'MN', weight: 3, locale: 'mn_MN_cyrl', languages: ['mn'] },
  { country: 'GE', weight: 2, locale: 'ka_GE', languages: ['ka'] },
  { country: 'AM', weight: 2, locale: 'hy', languages: ['hy'] },
  { country: 'AZ', weight: 2, locale: 'az', languages: ['az'] },
  { country: 'ID', weight: 10, locale: 'id_ID', languages: ['id'] },
  { country: 'MY', weight: 6, locale: 'id_ID', languages: ['ms'] },
  { country: 'TH', weight: 8, locale: 'th', languages: ['th'] },
  { country: 'PH', weight: 6, locale: 'en_US', languages: ['fil'] },
  { country: 'SG', weight: 5, locale: 'en_HK', languages: ['en', 'zh'] },
  { country: 'KH', weight: 2, locale: 'vi', languages: ['km'] },
  { country: 'BD', weight: 3, locale: 'bn_BD', languages: ['bn'] },
  { country: 'NP', weight: 2, locale: 'ne', languages: ['ne'] },
  { country: 'LK', weight: 2, locale: 'ta_IN', languages: ['si', 'ta'] },
  { country: 'PK', weight: 3, locale: 'ur', languages: ['ur'] },
  { country: 'IR', weight: 3, locale: 'fa', languages: ['fa'] },
  { country: 'IL', weight: 3, locale: 'he', languages: ['he'] },
  { country: 'SA', weight: 3, locale: 'ar', languages: ['ar'] },
  { country: 'AE', weight: 3, locale: 'ar', languages: ['ar'] },
  { country: 'EG', weight: 3, locale: 'ar', languages: ['ar'] },
  { country: 'JO', weight: 1, locale: 'ar', languages: ['ar'] },
  { country: 'MA', weight: 2, locale: 'fr', languages: ['ar', 'fr'] },
  { country: 'TN', weight: 2, locale: 'ar', languages: ['ar', 'fr'] },
  { country: 'ZA', weight: 4, locale: 'en_ZA', languages: ['en'] },
  { country: 'NG', weight: 4, locale: 'en_NG', languages: ['en', 'yo'] },
  { country: 'GH', weight: 2, locale: 'en_GH', languages: ['en'] },
  { country: 'KE', weight: 3, locale: 'en', languages: ['en', 'sw'] },
  { country: 'TZ', weight: 2, locale: 'en', languages: ['sw', 'en'] },
  { country: 'ET', weight: 2, locale: 'en', languages: ['am', 'en'] },
  { country: 'RW', weight: 1, locale: 'fr', languages: ['rw', 'fr'] },
  { country: 'SN', weight: 2, locale: 'fr_SN', languages: ['fr'] },
  { country: 'CA', weight: 6, locale: 'en_CA', languages: ['en', 'fr'] },
  { country: 'MX', weight: 8, locale: 'es_MX', languages: ['es'] },
  { country: 'BR', weight: 8, locale: 'pt_BR', languages: ['pt'] },
  { country: 'AR', weight: 5, locale: 'es', languages: ['es'] },
  { country: 'CL', weight: 5, locale: 'es', languages: ['es'] },
  { country: 'CO', weight: 6, locale: 'es', languages: ['es'] },
  { country: 'PE', weight: 4, locale: 'es', languages: ['es'] },
  { country: 'EC', weight: 2, locale: 'es', languages: ['es'] },
  { country: 'UY', weight: 2, locale: 'es', languages: ['es'] },
  { country: 'CR', weight: 2, locale: 'es', languages: ['es'] },
  { country: 'PA', weight: 1, locale: 'es', languages: ['es'] },
  { country: 'AU', weight: 8, locale: 'en_AU', languages: ['en'] },
  { country: 'NZ', weight: 3, locale: 'en_AU', languages: ['en'] },
  { country: 'FJ', weight: 1, locale: 'en_AU', languages: ['en'] },
  { country: 'BN', weight: 1, locale: 'id_ID', languages: ['ms', 'en'] },
];

/** Which kinds of delegate a country sends: hosts bring staff, press and SMEs; guests bring researchers and officials. */
const categoryWeights = {
  host: { government: 14, university: 12, research: 12, 'large-company': 14, sme: 28, 'international-organisation': 0, press: 6, speaker: 3, staff: 11 },
  guest: { government: 22, university: 24, research: 16, 'large-company': 10, sme: 12, 'international-organisation': 9, press: 2, speaker: 5, staff: 0 },
} satisfies Record<string, Record<(typeof demoCategories)[number]['code'], number>>;

function pickWeighted<T>(faker: Faker, entries: [T, number][]): T {
  const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = faker.number.float({ min: 0, max: total });
  for (const [value, weight] of entries) {
    roll -= weight;
    if (roll <= 0) return value;
  }
  return entries[entries.length - 1]![0];
}

const fakerByLocale = new Map<LocaleName, Faker>();
function fakerFor(locale: LocaleName): Faker {
  let faker = fakerByLocale.get(locale);
  if (!faker) {
    const chain: LocaleDefinition[] = [allLocales[locale], allLocales.en, allLocales.base];
    fakerByLocale.set(locale, (faker = new Faker({ locale: chain })));
  }
  return faker;
}

const inPinyin = (han: string) => pinyin(han, { toneType: 'none', separator: '' });

/** The Latin name a delegate writing in Hangul or Chinese characters would give; others write in Latin letters already or leave it out. */
function demoLatinName(country: string, givenName: string, familyName: string): string | null {
  if (country === 'CN' || country === 'TW') return latinBadgeName(inPinyin(givenName), inPinyin(familyName));
  return suggestLatinName(givenName, familyName);
}

/** The `index`-th synthetic delegate of `seed`: the same seed always gives the same people. */
export function demoDelegate(seed: number, index: number): RegistrationBody {
  const chooser = fakerFor('en');
  chooser.seed([seed, index]);
  // The first 86 delegates cover every country once; the rest follow the weights.
  const origin = demoCountries[index] ?? pickWeighted(chooser, demoCountries.map((entry) => [entry, entry.weight]));
  const category = pickWeighted(chooser, Object.entries(origin.country === 'KR' ? categoryWeights.host : categoryWeights.guest));
  const local = fakerFor(origin.locale);
  local.seed([seed, index, 1]);
  const languages = [...origin.languages];
  if (!languages.includes('en') && chooser.number.float() < (origin.country === 'KR' ? 0.6 : 0.85)) languages.push('en');
  if (origin.country !== 'KR' && chooser.number.float() < 0.05) languages.push('ko');
  const givenName = local.person.firstName();
  const familyName = local.person.lastName();
  return {
    givenName,
    familyName,
    latinName: demoLatinName(origin.country, givenName, familyName),
    email: `${chooser.internet.username().toLowerCase().replace(/[^a-z0-9._-]/g, '')}.${seed}.${index}@example.org`,
    country: origin.country,
    category,
    organisation: local.company.name(),
    jobTitle: chooser.person.jobTitle(),
    languages,
    phone: chooser.number.float() < 0.7 ? chooser.phone.number({ style: 'international' }) : null,
    dietary: chooser.helpers.maybe(() => chooser.helpers.arrayElement(['vegetarian', 'halal', 'no pork', 'vegan', 'gluten-free']), { probability: 0.12 }) ?? null,
    accessibility: chooser.helpers.maybe(() => 'wheelchair access', { probability: 0.01 }) ?? null,
  };
}

/**
 * Registers `count` synthetic delegates through the ordinary registration rules (capacities, approval, waiting lists)
 * and has the organiser approve most pending ones. Delegates of this seed already present are skipped.
 */
export function addDemoDelegates(registrations: RegistrationStore, options: { seed: number; count: number; organiserId: number }) {
  // Synthetic people get no messages.
  const store = { ...registrations, mailing: false };
  const approver = fakerFor('en');
  approver.seed(options.seed);
  let added = 0;
  for (let index = 0; index < options.count; index++) {
    const input = demoDelegate(options.seed, index);
    try {
      const { body } = register(store, input, input.country === 'KR' ? 'ko' : 'en');
      added++;
      if (body.status === 'pending' && approver.number.float() < 0.8) approveDelegate(store, body.id, options.organiserId);
    } catch (error) {
      if (!(error instanceof ApiFailure && error.field === 'email')) throw error;
    }
  }
  const withTourChoices = addDemoTourChoices(store.db, store.congressId, options.seed);
  return { added, skipped: options.count - added, withTourChoices };
}
