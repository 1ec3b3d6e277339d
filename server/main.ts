import { buildApp } from './app.ts';
import { readConfig } from './config.ts';
import { demoCongressSlug } from './congress/demo-congress.ts';
import { prepareOrganiser, seedDemoDelegatesIfEmpty } from './demo-setup.ts';
import { pdfFontInstalled, pdfFontPath } from './printing/pdf-document.ts';

let config: ReturnType<typeof readConfig>;
try {
  config = readConfig();
} catch (error) {
  // A setting to correct, said plainly: no stack trace.
  console.error(`Cannot start: ${(error as Error).message}`);
  process.exit(1);
}
const app = await buildApp({ databasePath: config.databasePath, webRoot: config.webRoot, defaultCongress: config.defaultCongress, mail: config.mail, limits: config.limits, logger: { level: process.env.LOG_LEVEL ?? 'warn' } });
if (!config.mail.smtpUrl) console.log('No SMTP_URL set: messages wait in the outbox (/organiser/outbox) and are not sent.');
const demo = app.registrationsOf(app.findCongress(demoCongressSlug)!.id);
const organiserId = await prepareOrganiser(demo, { email: config.adminEmail, password: config.adminPassword });
const seeded = await seedDemoDelegatesIfEmpty(demo, organiserId, Number(process.env.DEMO_DELEGATES ?? 900));
if (seeded) console.log(`Demo congress: ${seeded.added} synthetic delegates registered.`);
if (!pdfFontInstalled()) console.warn(`Printed schedules need the font ${pdfFontPath}: apt-get install fonts-noto-cjk (or set PDF_FONT).`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void app.close().then(() => process.exit(0)));
}
await app.listen({ port: config.port, host: config.host });
const address = app.server.address();
const port = typeof address === 'object' && address ? address.port : config.port;
console.log(`Congress server listening on http://${config.host}:${port} (database ${config.databasePath})`);
