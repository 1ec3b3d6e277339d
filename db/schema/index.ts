export * from './congresses.ts';
export * from './congress-days.ts';
export * from './delegate-categories.ts';
export * from './delegates.ts';
export * from './accounts.ts';
export * from './account-sessions.ts';
export * from './audit-log.ts';
export * from './idempotency-keys.ts';
