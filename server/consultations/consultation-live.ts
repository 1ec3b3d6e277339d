import fp from 'fastify-plugin';
import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import { consultationParticipants } from '../../db/schema/index.ts';
import type { PlanProgress } from '../../shared/consultation-plan-schema.ts';
import { delegateTopic } from '../registration/registration-repository.ts';
import { accountsHolding } from '../live/live-hub.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** Tells the floor's screens that the hall changed, and the delegates of the named companies that their day did. */
    announceConsultationChanges: (congressId: number, participantCodes: string[]) => void;
    /** Tells the organisers' screens how far the engine's run has got. */
    announcePlanProgress: (congressId: number, progress: PlanProgress) => void;
  }
}

export const consultationsTopic = 'consultations';
/** The engine's progress, for the organisers' planning screen only. */
export const planProgressTopic = 'consultation-plan';

export default fp(
  async (app) => {
    app.live.defineTopic(consultationsTopic, accountsHolding('organiser', 'floor'));
    app.live.defineTopic(planProgressTopic, accountsHolding('organiser'));
    app.decorate('announcePlanProgress', (congressId: number, progress: PlanProgress) => app.live.publish(congressId, planProgressTopic, { type: 'plan.progress', ...progress }));
    app.decorate('announceConsultationChanges', (congressId: number, codes: string[]) => {
      app.live.publish(congressId, consultationsTopic, { type: 'floor.changed', participants: codes });
      if (codes.length === 0) return;
      const linked = app.db
        .select({ delegateId: consultationParticipants.delegateId })
        .from(consultationParticipants)
        .where(and(eq(consultationParticipants.congressId, congressId), inArray(consultationParticipants.code, codes), isNotNull(consultationParticipants.delegateId)))
        .all();
      for (const { delegateId } of linked) app.live.publish(congressId, delegateTopic(delegateId!), { type: 'consultation.changed' });
    });
  },
  { name: 'consultation-live', dependencies: ['live', 'registration-repository'] },
);
