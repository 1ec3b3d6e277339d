import { writeFileSync } from 'node:fs';
import { qrModules } from '../../server/check-in/badge-pdf.ts';

/**
 * A short video (YUV4MPEG2, which Chromium's fake camera plays in a loop) of a badge's QR code held still in front
 * of the camera: black modules on white paper, 6 pixels a module, centred in a 320×240 frame.
 */
export function writeQrVideo(path: string, text: string) {
  const width = 320;
  const height = 240;
  const modules = qrModules(text);
  const scale = 6;
  const left = (width - modules.length * scale) >> 1;
  const top = (height - modules.length * scale) >> 1;
  const luma = Buffer.alloc(width * height, 235);
  modules.forEach((row, r) =>
    row.forEach((dark, c) => {
      if (!dark) return;
      for (let y = 0; y < scale; y++) luma.fill(16, (top + r * scale + y) * width + left + c * scale, (top + r * scale + y) * width + left + (c + 1) * scale);
    }),
  );
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), luma, chroma]);
  writeFileSync(path, Buffer.concat([Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`), ...Array.from({ length: 10 }, () => frame)]));
}
