import { eq } from 'drizzle-orm';
import { congresses, congressDays, delegateCategories } from '../../db/schema/index.ts';
import type { AppDatabase } from '../database/connection.ts';
import { nowIso, withTransaction } from '../database/transaction.ts';
import { ensureDemoConsultation } from '../consultations/demo-consultation.ts';
import { ensureDemoTours } from '../tours/demo-tours.ts';
import { ensureDemoProgramme } from '../programme/demo-programme.ts';

export const demoCongressSlug = 'tci-2015-daegu';

/** The delegate categories of the 2015 congress; press, speakers and staff are accredited by an organiser. */
export const demoCategories = [
  { code: 'government', capacity: 160, requiresApproval: false },
  { code: 'university', capacity: 170, requiresApproval: false },
  { code: 'research', capacity: 120, requiresApproval: false },
  { code: 'large-company', capacity: 110, requiresApproval: false },
  { code: 'sme', capacity: 200, requiresApproval: false },
  { code: 'international-organisation', capacity: 50, requiresApproval: false },
  { code: 'press', capacity: 40, requiresApproval: true },
  { code: 'speaker', capacity: 40, requiresApproval: true },
  { code: 'staff', capacity: 80, requiresApproval: true },
] as const;

/** The 18th TCI Global Conference, EXCO Daegu, 3–6 November 2015: what the four days were for. */
const demoDays = [
  { date: '2015-11-03', focus: 'tours' },
  { date: '2015-11-04', focus: 'consultation' },
  { date: '2015-11-05', focus: 'conference' },
  { date: '2015-11-06', focus: 'closing' },
] as const;

/** Creates the demo congress (with its tours, export consultation and programme) unless it exists; returns its id either way. */
export function ensureDemoCongress(db: AppDatabase): number {
  return withTransaction(db, (tx) => {
    const existing = tx.select({ id: congresses.id }).from(congresses).where(eq(congresses.slug, demoCongressSlug)).get();
    if (existing) {
      // A demo database made before tours, the consultation or the programme existed gets them too.
      ensureDemoTours(tx, existing.id);
      ensureDemoConsultation(tx, existing.id);
      ensureDemoProgramme(tx, existing.id);
      return existing.id;
    }
    const { id } = tx
      .insert(congresses)
      .values({
        slug: demoCongressSlug,
        name: { ko: '제18회 세계 클러스터 경쟁력 총회', en: '18th TCI Global Conference' },
        theme: { ko: '창조경제와 클러스터: 비즈니스 모델과 정책 아젠다', en: 'Creative economy and clusters: business models and policy agenda' },
        // English first: TCI's working language is what a reader of neither language is shown.
        languages: ['en', 'ko'],
        startsOn: '2015-11-03',
        endsOn: '2015-11-06',
        venue: { en: 'EXCO', ko: '엑스코(EXCO)' },
        city: { en: 'Daegu', ko: '대구' },
        timeZone: 'Asia/Seoul',
        createdAt: nowIso(),
      })
      .returning({ id: congresses.id })
      .get();
    tx.insert(congressDays).values(demoDays.map((day) => ({ congressId: id, ...day }))).run();
    tx.insert(delegateCategories)
      .values(demoCategories.map((category, sortOrder) => ({ congressId: id, sortOrder, ...category })))
      .run();
    ensureDemoTours(tx, id);
    ensureDemoConsultation(tx, id);
    ensureDemoProgramme(tx, id);
    return id;
  });
}
