/** Reads a QR code off a playing video: the browser's own reader where it has one, jsQR on a frame elsewhere. */
export type QrReader = (video: HTMLVideoElement) => Promise<string | null>;

interface BarcodeDetector {
  detect(source: HTMLVideoElement): Promise<{ rawValue: string }[]>;
}
const NativeDetector = (globalThis as { BarcodeDetector?: new (options: { formats: string[] }) => BarcodeDetector }).BarcodeDetector;

/** Whether this browser can film at all (a camera API and a secure page). */
export const cameraAvailable = () => Boolean(navigator.mediaDevices?.getUserMedia);

export async function createQrReader(): Promise<QrReader> {
  if (NativeDetector) {
    const detector = new NativeDetector({ formats: ['qr_code'] });
    return async (video) => (await detector.detect(video))[0]?.rawValue ?? null;
  }
  // Chromium on Windows and Linux, Firefox and Safari have no BarcodeDetector: decode the frame ourselves.
  const { default: jsQR } = await import('jsqr');
  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d', { willReadFrequently: true })!;
  return async (video) => {
    if (video.videoWidth === 0) return null;
    canvas.width = video.videoWidth;
    canvas.height = video.videoHeight;
    context.drawImage(video, 0, 0);
    const frame = context.getImageData(0, 0, canvas.width, canvas.height);
    return jsQR(frame.data, frame.width, frame.height, { inversionAttempts: 'dontInvert' })?.data ?? null;
  };
}
