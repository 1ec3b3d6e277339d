import { existsSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import type { UiLanguage } from '../../shared/languages.ts';

/**
 * Noto Sans CJK (Debian's fonts-noto-cjk) covers every interface language: Hangul, Chinese, kana, Latin with
 * Vietnamese marks, Cyrillic. Each CJK language gets its own regional glyph forms from the collection.
 */
export const pdfFontPath = process.env.PDF_FONT ?? '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
const fontFamily: Partial<Record<UiLanguage, string>> = { zh: 'NotoSansCJKsc-Regular', ja: 'NotoSansCJKjp-Regular' };

/** Whether the font PDFs are printed with is installed (README: `apt-get install fonts-noto-cjk`). */
export const pdfFontInstalled = () => existsSync(pdfFontPath);

/** Switches the document's font to `language`'s glyph forms, for a page in another language than the document's. */
export function useLanguageFont(doc: PDFKit.PDFDocument, language: UiLanguage): void {
  const name = `text-${language}`;
  doc.registerFont(name, pdfFontPath, fontFamily[language] ?? 'NotoSansCJKkr-Regular');
  doc.font(name);
}

/** A document (A4 unless `size` says otherwise) in `language`'s font; `draw` fills it, and the bytes come back when it is finished. */
export function renderPdf(language: UiLanguage, title: string, draw: (doc: PDFKit.PDFDocument) => void, size = 'A4'): Promise<Buffer> {
  const doc = new PDFDocument({ size, margin: size === 'A4' ? 50 : 20, info: { Title: title }, lang: language, autoFirstPage: size === 'A4' });
  doc.registerFont('text', pdfFontPath, fontFamily[language] ?? 'NotoSansCJKkr-Regular');
  doc.font('text');
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  draw(doc);
  doc.end();
  return done;
}
