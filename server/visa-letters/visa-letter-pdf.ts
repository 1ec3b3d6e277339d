import { formatCalendarDate, formatCalendarRange } from '../../shared/event-time.ts';
import { countryName } from '../../shared/countries.ts';
import { fallbackLanguage, isUiLanguage, type UiLanguage } from '../../shared/languages.ts';
import { inReaderLanguage, type LocalizedText } from '../../shared/localized-text.ts';
import type { VisaLetterSettings } from '../../shared/visa-letter-schema.ts';
import { translatorFor } from '../i18n/translator.ts';
import { renderPdf, useLanguageFont } from '../printing/pdf-document.ts';
import { drawQrCode } from '../printing/qr-code.ts';

/** Everything a letter prints: the edition, the holder's passport, the decision and where to check it. */
export interface VisaLetterContent {
  congress: { name: LocalizedText; theme: Partial<LocalizedText>; languages: readonly string[]; venue: LocalizedText; city: LocalizedText; startsOn: string; endsOn: string; settings: VisaLetterSettings | null };
  holder: { passportName: string; nationality: string; passportNumber: string; birthDate: string; passportExpiry: string; consulate: string; organisation: string | null; jobTitle: string | null };
  /** The issue date on the edition's calendar. */
  issuedOn: string;
  verificationCode: string;
  /** The page a consulate opens, in full: `https://…/verify/<code>`. */
  verificationUrl: string;
}

/**
 * The languages a letter is written in: English, which every consulate reads, then the edition's own first language
 * (Korean for a congress in Korea), so the letter also reads in the host country's language.
 */
export function letterLanguages(congressLanguages: readonly string[]): UiLanguage[] {
  const own = congressLanguages.find((language) => language !== fallbackLanguage && isUiLanguage(language));
  return own ? [fallbackLanguage, own as UiLanguage] : [fallbackLanguage];
}

/** Intl writes thin and narrow no-break spaces in some dates and ranges; the letter's font has no glyph for them. */
const printable = (text: string) => text.replace(/[\u2009\u202f]/g, ' ');
const calendarDate = (date: string, language: string) => printable(formatCalendarDate(date, language));

/** One page of the letter in `language`. */
function drawLetter(doc: PDFKit.PDFDocument, letter: VisaLetterContent, language: UiLanguage) {
  const t = translatorFor(language);
  const { congress, holder } = letter;
  const name = inReaderLanguage(congress.name, language, congress.languages);
  const theme = inReaderLanguage(congress.theme as LocalizedText, language, congress.languages);
  const venue = inReaderLanguage(congress.venue, language, congress.languages);
  const city = inReaderLanguage(congress.city, language, congress.languages);
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  useLanguageFont(doc, language);

  // Letterhead: the edition, its theme, where and when, over a rule.
  doc.rect(0, 0, doc.page.width, 8).fill('#0b5cad');
  doc.fillColor('#0b5cad').fontSize(17).text(name, left, 40, { width });
  if (theme) doc.fillColor('#333333').fontSize(10).text(theme, { width });
  const dates = printable(formatCalendarRange(congress.startsOn, congress.endsOn, language));
  doc.fillColor('#555555').fontSize(9).text(`${venue}, ${city} · ${dates}`, { width });
  const rule = doc.y + 8;
  doc.moveTo(left, rule).lineTo(left + width, rule).lineWidth(0.8).strokeColor('#0b5cad').stroke();

  doc.fillColor('#000000').fontSize(10).text(t('mail:visaLetter.pdf.date', { date: calendarDate(letter.issuedOn, language) }), left, rule + 14, { width, align: 'right' });
  doc.text(t('mail:visaLetter.pdf.reference', { code: letter.verificationCode }), { width, align: 'right' });
  doc.moveDown(1).text(t('mail:visaLetter.pdf.to', { consulate: holder.consulate }), left, doc.y, { width });
  doc.moveDown(1.2).fontSize(15).text(t('mail:visaLetter.pdf.title'), { width, align: 'center' });
  doc.moveDown(1).fontSize(10.5);

  const paragraph = (text: string) => doc.text(text, left, doc.y, { width, align: 'left', lineGap: 2 }).moveDown(0.7);
  paragraph(t('mail:visaLetter.pdf.salutation'));
  paragraph(
    t('mail:visaLetter.pdf.invitation', {
      name: holder.passportName,
      nationality: countryName(holder.nationality, language),
      congress: name,
      venue,
      city,
      from: calendarDate(congress.startsOn, language),
      to: calendarDate(congress.endsOn, language),
    }),
  );
  // The holder's particulars as a consulate compares them with the passport.
  const particulars: [string, string][] = [
    [t('mail:visaLetter.pdf.passportName'), holder.passportName],
    [t('mail:visaLetter.pdf.nationality'), countryName(holder.nationality, language)],
    [t('mail:visaLetter.pdf.passportNumber'), holder.passportNumber],
    [t('mail:visaLetter.pdf.birthDate'), calendarDate(holder.birthDate, language)],
    [t('mail:visaLetter.pdf.passportExpiry'), calendarDate(holder.passportExpiry, language)],
    ...(holder.organisation ? [[t('mail:visaLetter.pdf.organisation'), [holder.jobTitle, holder.organisation].filter(Boolean).join(', ')] as [string, string]] : []),
  ];
  for (const [label, value] of particulars) {
    const y = doc.y;
    doc.fillColor('#555555').text(label, left + 20, y, { width: 170 });
    const labelEnd = doc.y;
    doc.fillColor('#000000').text(value, left + 200, y, { width: width - 200 });
    doc.y = Math.max(doc.y, labelEnd) + 2;
  }
  doc.moveDown(0.7);
  const settings = congress.settings;
  paragraph(settings ? inReaderLanguage(settings.covers, language, congress.languages) : t('mail:visaLetter.pdf.defaultCovers'));
  paragraph(t('mail:visaLetter.pdf.noObligation'));
  paragraph(t('mail:visaLetter.pdf.closing'));
  doc.moveDown(1.2);
  doc.text(settings?.signatory ?? t('mail:visaLetter.pdf.defaultSignatory'), left, doc.y, { width });
  if (settings) doc.text(inReaderLanguage(settings.signatoryTitle, language, congress.languages), { width });
  doc.text(name, { width });

  // Verification: the QR code of the page a consulate opens, and that page's address in full.
  const boxTop = doc.page.height - doc.page.margins.bottom - 100;
  doc.rect(left, boxTop, width, 96).lineWidth(0.6).strokeColor('#999999').stroke();
  drawQrCode(doc, letter.verificationUrl, left + 6, boxTop + 6, 84);
  doc.fillColor('#000000').fontSize(9).text(t('mail:visaLetter.pdf.verify'), left + 100, boxTop + 12, { width: width - 110 });
  doc.fontSize(10).text(letter.verificationUrl, { width: width - 110 });
  doc.fontSize(9).text(t('mail:visaLetter.pdf.code', { code: letter.verificationCode }), { width: width - 110 });
}

/** The letter as a PDF: one page per letter language, English first. */
export function renderVisaLetter(letter: VisaLetterContent): Promise<Buffer> {
  const languages = letterLanguages(letter.congress.languages);
  return renderPdf(languages[0]!, `${letter.holder.passportName} · ${inReaderLanguage(letter.congress.name, 'en', letter.congress.languages)}`, (doc) => {
    languages.forEach((language, index) => {
      if (index > 0) doc.addPage();
      drawLetter(doc, letter, language);
    });
  });
}
