import { writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

export const cameraWidth = 320;
export const cameraHeight = 240;

/**
 * A short video (YUV4MPEG2, which Chromium's fake camera plays in a loop) of one still grey-scale picture, such as
 * a badge or a phone screen held in front of the desk's camera. `grey` holds a 0–255 value per pixel, row by row.
 */
export function writeStillVideo(path: string, grey: ArrayLike<number>) {
  const luma = Buffer.from(Array.from(grey, (value) => Math.round(16 + (value / 255) * 219)));
  const chroma = Buffer.alloc((cameraWidth / 2) * (cameraHeight / 2) * 2, 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), luma, chroma]);
  writeFileSync(path, Buffer.concat([Buffer.from(`YUV4MPEG2 W${cameraWidth} H${cameraHeight} F10:1 Ip A1:1 C420jpeg\n`), ...Array.from({ length: 10 }, () => frame)]));
}

/** What the camera sees of `selector` on `page` (an image or SVG): drawn by the browser, centred on white, in grey. */
export function photograph(page: Page, selector: string): Promise<number[]> {
  return page.evaluate(
    async ({ selector, width, height }) => {
      const element = document.querySelector(selector)!;
      const svg = element instanceof SVGSVGElement ? element : element.querySelector('svg')!;
      const picture = new Image();
      picture.src = `data:image/svg+xml;base64,${btoa(new XMLSerializer().serializeToString(svg))}`;
      await picture.decode();
      const canvas = Object.assign(document.createElement('canvas'), { width, height });
      const context = canvas.getContext('2d')!;
      context.fillStyle = '#ffffff';
      context.fillRect(0, 0, width, height);
      const side = Math.min(width, height) - 20;
      context.drawImage(picture, (width - side) / 2, (height - side) / 2, side, side);
      const pixels = context.getImageData(0, 0, width, height).data;
      return Array.from({ length: width * height }, (_, at) => pixels[at * 4]!);
    },
    { selector, width: cameraWidth, height: cameraHeight },
  );
}
