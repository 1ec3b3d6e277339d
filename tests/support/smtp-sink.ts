import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';

export interface ReceivedMail {
  /** Whom the message was handed to (the envelope), whatever its headers say. */
  envelopeTo: string[];
  messageId: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  attachments: ParsedMail['attachments'];
}

/**
 * A real SMTP server on a free local port, as a plain relay (no TLS, no login), that keeps what it receives.
 * Recipients matching `refuse` are answered 550, as a server that knows no such mailbox does; `delayMs` makes it slow
 * to accept each message, as a busy server is.
 */
export async function startSmtpSink(options: { refuse?: RegExp; port?: number; delayMs?: number } = {}) {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (options.refuse?.test(address.address)) {
        const error = Object.assign(new Error(`5.1.1 <${address.address}>: Recipient address rejected: mailbox unknown`), { responseCode: 550 });
        return callback(error);
      }
      callback();
    },
    onData(stream, session, callback) {
      const envelopeTo = session.envelope.rcptTo.map((recipient) => recipient.address);
      simpleParser(stream)
        .then((mail) => {
          const to = Array.isArray(mail.to) ? mail.to[0] : mail.to;
          received.push({ envelopeTo, messageId: mail.messageId ?? '', to: to?.value[0]?.address ?? '', subject: mail.subject ?? '', text: mail.text ?? '', html: typeof mail.html === 'string' ? mail.html : '', attachments: mail.attachments });
          setTimeout(callback, options.delayMs ?? 0);
        })
        .catch(callback);
    },
  });
  // A client that drops mid-message (a killed sender) resets its connection; a real server logs that and carries on.
  server.on('error', () => {});
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    received,
    /** Waits until `count` messages have arrived, or fails after `ms`. */
    async waitFor(count: number, ms = 5000) {
      const until = Date.now() + ms;
      while (received.length < count) {
        if (Date.now() > until) throw new Error(`${received.length} of ${count} messages arrived within ${ms} ms`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return received;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
