import QRCode from 'qrcode';

/** The dark modules of `text`'s QR code, row by row. */
export function qrModules(text: string): boolean[][] {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  return Array.from({ length: modules.size }, (_, row) => Array.from({ length: modules.size }, (_, column) => Boolean(modules.get(row, column))));
}

/** A QR code drawn as vector squares with a one-module quiet zone: sharp at any size, far quicker than an image per badge. */
export function drawQrCode(doc: PDFKit.PDFDocument, text: string, x: number, y: number, size: number) {
  const modules = qrModules(text);
  const cell = size / (modules.length + 2);
  doc.save().fillColor('#000000');
  modules.forEach((row, r) => row.forEach((dark, c) => dark && doc.rect(x + (c + 1) * cell, y + (r + 1) * cell, cell, cell)));
  doc.fill().restore();
}
