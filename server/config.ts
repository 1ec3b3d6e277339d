import { resolve } from 'node:path';
import { demoCongressSlug } from './congress/demo-congress.ts';

export interface ServerConfig {
  port: number;
  host: string;
  databasePath: string;
  adminEmail: string | undefined;
  adminPassword: string | undefined;
  webRoot: string;
  /** The edition the unprefixed routes and pages serve. */
  defaultCongress: string;
  /** Outgoing mail: without `smtpUrl` messages wait in the outbox. */
  mail: { smtpUrl: string | undefined; from: string; publicUrl: string; sender: { timeoutMs: number; leaseMs: number } };
}

/** Settings from the environment, with the defaults the README documents. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, not "${env.PORT}"`);
  const smtpTimeout = Number(env.SMTP_TIMEOUT_SECONDS ?? 15);
  if (!(smtpTimeout > 0)) throw new Error(`SMTP_TIMEOUT_SECONDS must be a number of seconds, not "${env.SMTP_TIMEOUT_SECONDS}"`);
  return {
    port,
    host: env.HOST ?? '127.0.0.1',
    databasePath: env.DATABASE_PATH ?? resolve('data', 'congress.sqlite'),
    adminEmail: env.ADMIN_EMAIL || undefined,
    adminPassword: env.ADMIN_PASSWORD || undefined,
    webRoot: resolve('dist', 'web'),
    defaultCongress: env.DEFAULT_CONGRESS || demoCongressSlug,
    mail: {
      smtpUrl: env.SMTP_URL || undefined,
      from: env.MAIL_FROM || 'Cluster congress <noreply@congress.local>',
      // Links in messages must open from a delegate's mailbox: the address people reach the server at.
      publicUrl: env.PUBLIC_URL || `http://${env.HOST && env.HOST !== '0.0.0.0' ? env.HOST : '127.0.0.1'}:${port || 3000}`,
      // A message claimed by a sender that died is taken again once a few time-outs have passed.
      sender: { timeoutMs: smtpTimeout * 1000, leaseMs: 4 * smtpTimeout * 1000 },
    },
  };
}
