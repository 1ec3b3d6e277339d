import fp from 'fastify-plugin';
import { prepareRegistrationStatements, type RegistrationStore } from './registration-store.ts';
import { forgetOldIdempotencyKeys, type StatusChange } from './registration-service.ts';
import { accountsHolding } from '../live/live-hub.ts';
import { eraseExpiredPersonalData } from './retention.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** The registration statements, bound to one congress. */
    registrationsOf: (congressId: number) => RegistrationStore;
    /** Tells organisers' screens and each affected delegate's page that statuses changed. */
    announceRegistrationChanges: (congressId: number, changes: StatusChange[]) => void;
  }
}

export const delegatesTopic = 'delegates';
export const delegateTopic = (delegateId: number) => `delegate:${delegateId}`;

export default fp(
  async (app) => {
    const statements = prepareRegistrationStatements(app.db);
    app.decorate('registrationsOf', (congressId: number) => ({ db: app.db, congressId, statements, mailing: true }));
    forgetOldIdempotencyKeys(statements);
    const purge = setInterval(() => forgetOldIdempotencyKeys(statements), 10 * 60 * 1000).unref();
    app.addHook('onClose', async () => clearInterval(purge));
    // Editions past their retention lose their personal data within the hour.
    const retain = () => {
      try {
        eraseExpiredPersonalData(app.db, app.registrationsOf);
      } catch (error) {
        app.log.warn({ err: error }, 'personal data past retention not erased');
      }
    };
    const retention = setInterval(retain, 60 * 60 * 1000).unref();
    app.addHook('onReady', async () => retain());
    app.addHook('onClose', async () => clearInterval(retention));
    app.live.defineTopic(delegatesTopic, accountsHolding('organiser'));
    app.live.defineTopic('delegate', (principal, id) => principal.kind === 'delegate' && String(principal.delegateId) === id);
    app.decorate('announceRegistrationChanges', (congressId: number, changes: StatusChange[]) => {
      if (changes.length === 0) return;
      app.live.publish(congressId, delegatesTopic, { type: 'delegates.changed', changes: changes.map(({ delegateId, status }) => ({ delegateId, status })) });
      for (const change of changes) {
        app.live.publish(congressId, delegateTopic(change.delegateId), { type: 'registration.changed', status: change.status });
        // Those handed a place or a seat by the change hear it on their own topic, as when one frees.
        for (const { session, delegateIds } of change.placesGiven ?? []) {
          for (const delegateId of delegateIds) app.live.publish(congressId, delegateTopic(delegateId), { type: 'agenda.changed', session, change: 'place' });
        }
        if (change.seatsGiven?.length) app.announceTourChanges(congressId, change.seatsGiven);
      }
    });
  },
  { name: 'registration-repository', dependencies: ['database', 'live'] },
);
