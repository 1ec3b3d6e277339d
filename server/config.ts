import { resolve } from 'node:path';
import { demoCongressSlug } from './congress/demo-congress.ts';
import { defaultAbuseLimits, type AbuseLimits } from './abuse/abuse-limits.ts';
import { passwordWeakness } from './auth/password-strength.ts';
import { minPasswordLength } from '../shared/team-schema.ts';

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
  limits: AbuseLimits;
}

/** Each limit's setting; `0` turns it off. */
const limitSettings: Record<keyof AbuseLimits, string> = {
  registrationsPerMinute: 'LIMIT_REGISTRATIONS_PER_MINUTE',
  challengeAfterRegistrations: 'LIMIT_CHALLENGE_AFTER_REGISTRATIONS',
  challengeWindowMinutes: 'LIMIT_CHALLENGE_WINDOW_MINUTES',
  linkRequestsPerMinute: 'LIMIT_LINK_REQUESTS_PER_MINUTE',
  publicWritesPerMinute: 'LIMIT_PUBLIC_WRITES_PER_MINUTE',
  socketsPerAddress: 'LIMIT_SOCKETS_PER_ADDRESS',
};

function readLimits(env: NodeJS.ProcessEnv): AbuseLimits {
  const limits = { ...defaultAbuseLimits };
  for (const [key, name] of Object.entries(limitSettings) as [keyof AbuseLimits, string][]) {
    const text = env[name];
    if (text === undefined || text === '') continue;
    const value = Number(text);
    if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number (0 turns the limit off), not "${text}"`);
    limits[key] = value;
  }
  return limits;
}

/** Settings from the environment, with the defaults the README documents. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, not "${env.PORT}"`);
  const smtpTimeout = Number(env.SMTP_TIMEOUT_SECONDS ?? 15);
  if (!(smtpTimeout > 0)) throw new Error(`SMTP_TIMEOUT_SECONDS must be a number of seconds, not "${env.SMTP_TIMEOUT_SECONDS}"`);
  const adminPassword = env.ADMIN_PASSWORD || undefined;
  const weakness = adminPassword ? passwordWeakness(adminPassword, [env.ADMIN_EMAIL ?? '']) : null;
  if (weakness) {
    throw new Error(
      weakness.messageKey === 'tooShort'
        ? `ADMIN_PASSWORD must be at least ${minPasswordLength} characters long. Choose a longer one, or leave it unset to have one generated.`
        : 'ADMIN_PASSWORD is too easy to guess (a common word, name, pattern or the address itself). Choose a passphrase of four or more unrelated words, or leave it unset to have one generated.',
    );
  }
  return {
    port,
    host: env.HOST ?? '127.0.0.1',
    databasePath: env.DATABASE_PATH ?? resolve('data', 'congress.sqlite'),
    adminEmail: env.ADMIN_EMAIL || undefined,
    adminPassword,
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
    limits: readLimits(env),
  };
}
