import fp from 'fastify-plugin';
import { MailSender, type MailSenderOptions } from './mail-sender.ts';

export interface MailSettings {
  /** Without it messages stay in the outbox, for organisers to see. */
  smtpUrl?: string | undefined;
  from: string;
  /** Where the links in messages point: the address delegates open, e.g. `https://congress.example.org`. */
  publicUrl: string;
  /** Finer sender settings (tests shorten the delays). */
  sender?: Partial<Omit<MailSenderOptions, 'smtpUrl' | 'from'>>;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Tells the sender that messages were queued, so they leave now rather than at its next look. */
    wakeMailSender: () => void;
    /** Whether messages leave at all: false without `SMTP_URL`. */
    mailSending: boolean;
  }
}

export default fp<MailSettings>(
  async (app, settings) => {
    const sender = settings.smtpUrl ? new MailSender(app.db, { smtpUrl: settings.smtpUrl, from: settings.from, publicUrl: settings.publicUrl, log: app.log, ...settings.sender }) : null;
    app.decorate('mailSending', sender !== null);
    app.decorate('wakeMailSender', () => sender?.wake());
    if (sender) {
      app.addHook('onReady', async () => sender.start());
      app.addHook('preClose', async () => sender.stop());
    }
  },
  { name: 'mail', dependencies: ['database'] },
);
