import { afterEach } from 'vitest';
import type { MailSenderOptions } from '../../server/mail/mail-sender.ts';
import { startSmtpSink } from './smtp-sink.ts';
import { signInOrganiser, startTestApp } from './test-app.ts';

/**
 * For a test file whose tests need mail that really leaves: each call starts a real SMTP server (refusing the
 * addresses `refuse` matches) and an app sending through it with short delays, signed in as the demo's owner; both
 * are closed after each test.
 */
export function useMailApps() {
  const closing: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const close of closing.splice(0).reverse()) await close();
  });
  return async (options: { refuse?: RegExp; sender?: Partial<MailSenderOptions> } = {}) => {
    const sink = await startSmtpSink(options.refuse ? { refuse: options.refuse } : {});
    closing.push(sink.close);
    const { app } = await startTestApp({ mail: { smtpUrl: sink.url, from: 'TCI 2015 <noreply@tci2015.example>', publicUrl: 'https://congress.example.org', sender: { pollMs: 20, ...options.sender } } });
    await app.ready();
    closing.push(() => app.close());
    return { app, sink, organiser: await signInOrganiser(app) };
  };
}
