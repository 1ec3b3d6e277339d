import fp from 'fastify-plugin';
import { MailSender, type MailSenderOptions } from './mail-sender.ts';
import { queueDueReminders } from './reminders.ts';

export interface MailSettings {
  /** Without it messages stay in the outbox, for organisers to see. */
  smtpUrl?: string | undefined;
  from: string;
  /** Where the links in messages point: the address delegates open, e.g. `https://congress.example.org`. */
  publicUrl: string;
  /** How often due reminders are looked for (every five minutes). */
  reminderEveryMs?: number;
  /** Finer sender settings (tests shorten the delays). */
  sender?: Partial<Omit<MailSenderOptions, 'smtpUrl' | 'from'>>;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Tells the sender that messages were queued, so they leave now rather than at its next look. */
    wakeMailSender: () => void;
    /** Whether messages leave at all: false without `SMTP_URL`. */
    mailSending: boolean;
    /** The address delegates open (`PUBLIC_URL`), for what is printed rather than mailed (a letter's verification page). */
    publicUrl: string;
    /** `PUBLIC_URL`'s host name: calendar UIDs are made from it, never from a request's Host header. */
    publicHost: string;
  }
}

export default fp<MailSettings>(
  async (app, settings) => {
    const sender = settings.smtpUrl ? new MailSender(app.db, { smtpUrl: settings.smtpUrl, from: settings.from, publicUrl: settings.publicUrl, log: app.log, ...settings.sender }) : null;
    app.decorate('mailSending', sender !== null);
    app.decorate('publicUrl', settings.publicUrl);
    app.decorate('publicHost', new URL(settings.publicUrl).hostname);
    app.decorate('wakeMailSender', () => sender?.wake());
    if (sender) {
      app.addHook('onReady', async () => sender.start());
      app.addHook('preClose', async () => sender.stop());
    }
    // Reminders are queued whether or not mail leaves: without a mail server they wait in the outbox like the rest.
    const remind = () => {
      try {
        if (queueDueReminders(app.db) > 0) sender?.wake();
      } catch (error) {
        app.log.warn({ err: error }, 'reminders not queued');
      }
    };
    const reminders = setInterval(remind, settings.reminderEveryMs ?? 5 * 60_000);
    reminders.unref();
    app.addHook('onReady', async () => remind());
    app.addHook('preClose', async () => clearInterval(reminders));
  },
  { name: 'mail', dependencies: ['database'] },
);
