import fp from 'fastify-plugin';
import { prepareRegistrationStatements, type RegistrationStore } from './registration-store.ts';
import { forgetOldIdempotencyKeys, type StatusChange } from './registration-service.ts';

declare module 'fastify' {
  interface FastifyInstance {
    registrations: RegistrationStore;
    /** Tells organisers' screens and each affected delegate's page that statuses changed. */
    announceRegistrationChanges: (changes: StatusChange[]) => void;
  }
}

export const delegatesTopic = 'delegates';
export const delegateTopic = (delegateId: number) => `delegate:${delegateId}`;

export default fp(
  async (app) => {
    const store = { db: app.db, congressId: app.congressId, statements: prepareRegistrationStatements(app.db) };
    app.decorate('registrations', store);
    forgetOldIdempotencyKeys(store);
    const purge = setInterval(() => forgetOldIdempotencyKeys(store), 10 * 60 * 1000).unref();
    app.addHook('onClose', async () => clearInterval(purge));
    app.live.defineTopic(delegatesTopic, (principal) => principal.kind === 'account');
    app.live.defineTopic('delegate', (principal, id) => principal.kind === 'delegate' && String(principal.delegateId) === id);
    app.decorate('announceRegistrationChanges', (changes: StatusChange[]) => {
      if (changes.length === 0) return;
      app.live.publish(delegatesTopic, { type: 'delegates.changed', changes });
      for (const change of changes) app.live.publish(delegateTopic(change.delegateId), { type: 'registration.changed', status: change.status });
    });
  },
  { name: 'registration-repository', dependencies: ['database', 'live'] },
);
