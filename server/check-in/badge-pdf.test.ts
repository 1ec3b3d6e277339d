import jsQR from 'jsqr';
import { describe, expect, it } from 'vitest';
import { badgeCode, readBadgeCode } from './badge-token.ts';
import { qrModules } from '../printing/qr-code.ts';

/** The modules as a grey-scale picture, 4 pixels a module with a 4-module quiet zone, as a camera would see it printed. */
function picture(modules: boolean[][]) {
  const scale = 4;
  const side = (modules.length + 8) * scale;
  const pixels = new Uint8ClampedArray(side * side * 4).fill(255);
  modules.forEach((row, r) =>
    row.forEach((dark, c) => {
      if (!dark) return;
      for (let y = 0; y < scale; y++)
        for (let x = 0; x < scale; x++) {
          const at = (((r + 4) * scale + y) * side + (c + 4) * scale + x) * 4;
          pixels[at] = pixels[at + 1] = pixels[at + 2] = 0;
        }
    }),
  );
  return { pixels, side };
}

describe('badge QR codes', () => {
  it('carry the signed check-in code, which a reader decodes and the door accepts', () => {
    const secret = 'a-secret-for-the-test';
    for (const id of [1, 42, 900, 123456]) {
      const code = badgeCode(secret, id);
      const { pixels, side } = picture(qrModules(code));
      expect(jsQR(pixels, side, side)?.data).toBe(code);
      expect(readBadgeCode(secret, code)).toBe(id);
      expect(readBadgeCode('another-secret', code)).toBeNull();
    }
  });

  it("tie the signature to the delegate's id: one delegate's signature opens no other badge", () => {
    const secret = 'a-secret-for-the-test';
    const signatureOf = (id: number) => badgeCode(secret, id).split('.')[2]!;
    // Both delegates exist: only the id the signature was made for is read.
    expect(readBadgeCode(secret, `TCI1.42.${signatureOf(42)}`)).toBe(42);
    expect(readBadgeCode(secret, `TCI1.43.${signatureOf(42)}`)).toBeNull();
    expect(readBadgeCode(secret, `TCI1.42.${signatureOf(43)}`)).toBeNull();
  });

  it('have one spelling per badge: leading zeros, another prefix case or a changed letter are no badge', () => {
    const secret = 'a-secret-for-the-test';
    const code = badgeCode(secret, 7);
    const [, , signature] = code.split('.');
    expect(readBadgeCode(secret, `TCI1.007.${signature}`)).toBeNull();
    expect(readBadgeCode(secret, `TCI1.07.${signature}`)).toBeNull();
    expect(readBadgeCode(secret, `tci1.7.${signature}`)).toBeNull();
    expect(readBadgeCode(secret, `TCI1.7.${signature!.slice(0, -1)}${signature!.endsWith('A') ? 'B' : 'A'}`)).toBeNull();
    // What a scanner adds around the code is not part of it.
    expect(readBadgeCode(secret, ` ${code}\r\n`)).toBe(7);
  });
});
