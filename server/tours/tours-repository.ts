import fp from 'fastify-plugin';
import { delegateTopic } from '../registration/registration-repository.ts';
import { accountsHolding } from '../live/live-hub.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** Tells organisers' and staff screens that seats changed, and each affected delegate's page to reload its tour. */
    announceTourChanges: (congressId: number, delegateIds: number[]) => void;
  }
}

export const toursTopic = 'tours';

export default fp(
  async (app) => {
    app.live.defineTopic(toursTopic, accountsHolding('organiser', 'floor'));
    app.decorate('announceTourChanges', (congressId: number, delegateIds: number[]) => {
      app.live.publish(congressId, toursTopic, { type: 'tours.changed', delegates: delegateIds });
      for (const id of delegateIds) app.live.publish(congressId, delegateTopic(id), { type: 'tour.changed' });
    });
  },
  { name: 'tours-repository', dependencies: ['live', 'registration-repository'] },
);
