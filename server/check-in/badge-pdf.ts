import { and, asc, eq, type SQL } from 'drizzle-orm';
import { delegateCategories, delegates } from '../../db/schema/index.ts';
import { categoryColours, defaultCategoryColour } from '../../shared/category-colours.ts';
import { countryName } from '../../shared/countries.ts';
import type { UiLanguage } from '../../shared/languages.ts';
import { fullName } from '../../shared/person-name.ts';
import type { Executor } from '../database/transaction.ts';
import { translatorFor } from '../i18n/translator.ts';
import { renderPdf } from '../printing/pdf-document.ts';
import { drawQrCode } from '../printing/qr-code.ts';
import { badgeCode } from './badge-token.ts';
import { categoryLabel } from '../../shared/category-label.ts';

/**
 * Badges: one A6 page per confirmed delegate, with a colour band for the category, the name in the delegate's script
 * and in Latin letters where given, and the signed check-in code as a QR code.
 */

interface BadgeFilter {
  category?: string | undefined;
  country?: string | undefined;
  delegateId?: number | undefined;
}

export function badgeHolders(db: Executor, congressId: number, filter: BadgeFilter) {
  const conditions: SQL[] = [eq(delegates.congressId, congressId), eq(delegates.status, 'confirmed')];
  if (filter.category) conditions.push(eq(delegateCategories.code, filter.category));
  if (filter.country) conditions.push(eq(delegates.country, filter.country));
  if (filter.delegateId !== undefined) conditions.push(eq(delegates.id, filter.delegateId));
  return db
    .select({ id: delegates.id, givenName: delegates.givenName, familyName: delegates.familyName, latinName: delegates.latinName, organisation: delegates.organisation, country: delegates.country, category: delegateCategories.code, categoryName: delegateCategories.name })
    .from(delegates)
    .innerJoin(delegateCategories, eq(delegateCategories.id, delegates.categoryId))
    .where(and(...conditions))
    .orderBy(asc(delegates.country), asc(delegates.familyName), asc(delegates.id))
    .all();
}

export type BadgeHolder = ReturnType<typeof badgeHolders>[number];

/** The badges of `holders` as one PDF, their QR codes signed with the congress's badge key `secret`. No database: it runs in the printing thread. */
export function renderBadges(secret: string, holders: BadgeHolder[], language: UiLanguage): Promise<Buffer> {
  const t = translatorFor(language);
  return renderPdf(
    language,
    'TCI 2015 · Daegu',
    (doc) => {
      holders.forEach((holder) => {
        doc.addPage();
        const width = doc.page.width;
        const colour = categoryColours[holder.category] ?? defaultCategoryColour;
        doc.rect(0, 0, width, 56).fill(colour);
        doc.fillColor('#ffffff').fontSize(11).text('18th TCI Global Conference · Daegu 2015', 20, 12, { width: width - 40, align: 'center' });
        doc.fontSize(14).text(categoryLabel({ code: holder.category, name: holder.categoryName }, t, language), 20, 30, { width: width - 40, align: 'center' });
        const name = fullName(holder.givenName, holder.familyName);
        doc.fillColor('#000000').fontSize(22).text(name, 20, 80, { width: width - 40, align: 'center' });
        if (holder.latinName && holder.latinName !== name) doc.fontSize(15).text(holder.latinName, { width: width - 40, align: 'center' });
        if (holder.organisation) doc.fontSize(12).fillColor('#333333').text(holder.organisation, { width: width - 40, align: 'center' });
        doc.fontSize(12).fillColor('#333333').text(`${countryName(holder.country, language)} (${holder.country})`, { width: width - 40, align: 'center' });
        drawQrCode(doc, badgeCode(secret, holder.id), (width - 150) / 2, 222, 150);
        doc.fontSize(7).fillColor('#666666').text(String(holder.id), 20, 380, { width: width - 40, align: 'center' });
      });
    },
    'A6',
  );
}
