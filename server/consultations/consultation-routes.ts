import type { CongressRole } from '../../db/schema/congress-memberships.ts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type, type Static } from 'typebox';
import { ConsultationPlan, MeetingMoveBody, PlanPublishBody, PlanRunBody } from '../../shared/consultation-plan-schema.ts';
import { MyConsultation, Outcome, ParticipantCreateBody, ParticipantLinkBody, ParticipantSpokesperson } from '../../shared/consultation-schema.ts';
import { addParticipant, removeParticipant } from './participant-roster.ts';
import { DirectoryQuery, MatrixQuery, ParticipantProfile, ProfilePatch, SuggestionMatrix, Suggestions, SuggestionsQuery } from '../../shared/consultation-directory-schema.ts';
import { ConsultationSettingsBody, MeetingRequest, MeetingRequestBody, PrematchBody } from '../../shared/consultation-request-schema.ts';
import { AcceptRebookingBody, ArrivalBody, FloorBoard, FloorQuery, RebookingProposal, WalkInBody } from '../../shared/consultation-floor-schema.ts';
import { ConsultationReport } from '../../shared/consultation-report-schema.ts';
import type { UiLanguage } from '../../shared/languages.ts';
import type { AccountPrincipal, DelegatePrincipal } from '../auth/authentication.ts';
import { holdsRole } from '../auth/principal.ts';
import { ApiFailure } from '../http/api-failure.ts';
import { askedLanguage, LangQuery, requestLanguage } from '../http/error-handler.ts';
import { consultationInstance, consultationPlan, importConsultationPlan, publishConsultationPlan, runConsultationPlan } from './consultation-plan-service.ts';
import { ConsultationSchedule } from './engine/contract.ts';
import { acceptRebooking, floorBoard, markArrival, noShow, walkIn } from './floor-service.ts';
import { answerRequest, myRequests, prematch, requestMeeting, setRequestsDeadline } from './meeting-request-service.ts';
import { moveMeeting, unplaceMeeting } from './meeting-move.ts';
import { findParticipants, profileView, suggestionMatrix, suggestionsFor } from './participant-directory.ts';
import { updateProfile } from './participant-profile.ts';
import { personalSchedulePdf } from './personal-schedule.ts';
import { linkParticipant, myConsultation, spokespersonOf, participantByCode, participantOfDelegate, recordOutcome } from './participant-service.ts';
import { consultationReport, consultationReportCsv } from './consultation-report.ts';

const CodeParams = Type.Object({ code: Type.String({ minLength: 1, maxLength: 40 }) });
/** The plan revision the organiser looked at, for a change sent without a body. */
const RevisionQuery = Type.Object({ revision: Type.Integer({ minimum: 0 }) }, { additionalProperties: false });

/** The organisers' view of the export consultation. */
export async function consultationRoutes(app: FastifyInstance) {
  app.addHook('onRequest', app.requireAccount('organiser'));
  const sendCsv = (reply: FastifyReply, congressId: number, language: UiLanguage) =>
    reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="consultation-report.csv"')
      .send(consultationReportCsv(consultationReport(app.db, congressId), language));

  // JSON, or CSV for a client that asks for it with `Accept: text/csv`.
  app.get<{ Querystring: LangQuery }>('/api/consultations/report', { schema: { querystring: LangQuery, response: { 200: ConsultationReport } } }, async (request, reply) => {
    if (/\btext\/csv\b/.test(request.headers.accept ?? '')) return sendCsv(reply, request.congress.id, askedLanguage(request, request.query.lang));
    return consultationReport(app.db, request.congress.id);
  });
  app.get<{ Querystring: LangQuery }>('/api/consultations/report.csv', { schema: { querystring: LangQuery } }, async (request, reply) =>
    sendCsv(reply, request.congress.id, askedLanguage(request, request.query.lang)),
  );

  const accountId = (principal: unknown) => (principal as AccountPrincipal).accountId;
  app.get('/api/consultations/instance', async (request, reply) =>
    reply.header('content-disposition', 'attachment; filename="consultation-instance.json"').send(consultationInstance(app.db, request.congress.id)),
  );
  app.get('/api/consultations/plan', { schema: { response: { 200: ConsultationPlan } } }, async (request) => consultationPlan(app.db, request.congress.id, requestLanguage(request)));
  // One run at a time: a second would only race the first to store its plan.
  let running = false;
  app.post<{ Body: PlanRunBody }>('/api/consultations/plan/run', { schema: { body: PlanRunBody, response: { 200: ConsultationPlan } } }, async (request) => {
    if (running) throw new ApiFailure(409, 'plan', 'planRunning');
    running = true;
    try {
      await runConsultationPlan(app.db, request.congress.id, accountId(request.principal), request.body.seconds ?? 2, (progress) => app.announcePlanProgress(request.congress.id, progress));
    } finally {
      running = false;
    }
    app.announceConsultationChanges(request.congress.id, []);
    return consultationPlan(app.db, request.congress.id, requestLanguage(request));
  });
  // A whole day's schedule is larger than the usual request.
  app.post<{ Body: ConsultationSchedule }>(
    '/api/consultations/plan/import',
    { bodyLimit: 16 * 2 ** 20, schema: { body: ConsultationSchedule, response: { 200: ConsultationPlan } } },
    async (request) => {
      importConsultationPlan(app.db, request.congress.id, request.body, accountId(request.principal));
      app.announceConsultationChanges(request.congress.id, []);
      return consultationPlan(app.db, request.congress.id, requestLanguage(request));
    },
  );
  app.get<{ Params: Static<typeof CodeParams> }>(
    '/api/consultations/participants/:code/delegate',
    { schema: { params: CodeParams, response: { 200: ParticipantSpokesperson } } },
    async (request) => spokespersonOf(app.db, request.congress.id, request.params.code),
  );
  app.put<{ Params: Static<typeof CodeParams>; Body: ParticipantLinkBody }>(
    '/api/consultations/participants/:code/delegate',
    { schema: { params: CodeParams, body: ParticipantLinkBody } },
    async (request, reply) => {
      linkParticipant(app.db, request.congress.id, request.params.code, request.body.delegate, accountId(request.principal));
      return reply.code(204).send();
    },
  );
  app.get<{ Querystring: MatrixQuery }>('/api/consultations/suggestions/matrix', { schema: { querystring: MatrixQuery, response: { 200: SuggestionMatrix } } }, async (request) =>
    suggestionMatrix(app.db, request.congress.id, request.query.minScore ?? 1, requestLanguage(request)),
  );
  app.patch<{ Params: Static<typeof CodeParams>; Body: ProfilePatch }>(
    '/api/consultations/participants/:code',
    { schema: { params: CodeParams, body: ProfilePatch, response: { 200: ParticipantProfile } } },
    async (request) => {
      updateProfile(app.db, request.congress.id, request.params.code, request.body, { actorType: 'account', actorId: accountId(request.principal) });
      return profileView(participantByCode(app.db, request.congress.id, request.params.code), requestLanguage(request));
    },
  );
  app.post<{ Body: ParticipantCreateBody }>(
    '/api/consultations/participants',
    { schema: { body: ParticipantCreateBody, response: { 201: ParticipantProfile } } },
    async (request, reply) => reply.code(201).send(profileView(addParticipant(app.db, request.congress.id, request.body, accountId(request.principal)), requestLanguage(request))),
  );
  app.delete<{ Params: Static<typeof CodeParams> }>('/api/consultations/participants/:code', { schema: { params: CodeParams } }, async (request, reply) => {
    removeParticipant(app.db, request.congress.id, request.params.code, accountId(request.principal));
    app.announceConsultationChanges(request.congress.id, []);
    return reply.code(204).send();
  });
  app.post<{ Body: PrematchBody }>('/api/consultations/meetings', { schema: { body: PrematchBody } }, async (request, reply) => {
    const meeting = prematch(app.db, request.congress.id, request.body.buyer, request.body.supplier, request.body.priority ?? 1, accountId(request.principal));
    return reply.code(201).send({ meeting });
  });
  app.patch<{ Body: ConsultationSettingsBody }>('/api/consultations/settings', { schema: { body: ConsultationSettingsBody } }, async (request, reply) => {
    setRequestsDeadline(app.db, request.congress.id, request.body.requestsCloseAt, accountId(request.principal));
    return reply.code(204).send();
  });
  app.put<{ Params: Static<typeof CodeParams>; Body: MeetingMoveBody }>(
    '/api/consultations/plan/meetings/:code',
    { schema: { params: CodeParams, body: MeetingMoveBody, response: { 200: ConsultationPlan } } },
    async (request) => {
      app.announceConsultationChanges(request.congress.id, moveMeeting(app.db, request.congress.id, request.params.code, request.body, accountId(request.principal)));
      return consultationPlan(app.db, request.congress.id, requestLanguage(request));
    },
  );
  app.delete<{ Params: Static<typeof CodeParams>; Querystring: Static<typeof RevisionQuery> }>(
    '/api/consultations/plan/meetings/:code',
    { schema: { params: CodeParams, querystring: RevisionQuery, response: { 200: ConsultationPlan } } },
    async (request) => {
      app.announceConsultationChanges(request.congress.id, unplaceMeeting(app.db, request.congress.id, request.params.code, request.query.revision, accountId(request.principal)));
      return consultationPlan(app.db, request.congress.id, requestLanguage(request));
    },
  );
  app.post<{ Body: PlanPublishBody }>('/api/consultations/plan/publish', { schema: { body: PlanPublishBody, response: { 200: ConsultationPlan } } }, async (request) => {
    publishConsultationPlan(app.db, request.congress.id, request.body.revision, accountId(request.principal), app.publicHost);
    app.announceConsultationChanges(request.congress.id, []);
    return consultationPlan(app.db, request.congress.id, requestLanguage(request));
  });
}


/** A buyer's or supplier's own consultation day, and their meeting requests. */
export async function myConsultationRoutes(app: FastifyInstance) {
  app.addHook('onRequest', app.requireDelegate);
  const delegateId = (principal: unknown) => (principal as DelegatePrincipal).delegateId;
  // Only a delegate who speaks for a buyer or supplier has a consultation day: others are refused before anything is read.
  app.addHook('onRequest', async (request) => void participantOfDelegate(app.db, request.congress.id, delegateId(request.principal)));
  app.get('/api/me/consultation', { schema: { response: { 200: MyConsultation } } }, async (request) =>
    myConsultation(app.db, request.congress.id, delegateId(request.principal), requestLanguage(request)),
  );
  app.get<{ Querystring: LangQuery }>('/api/me/consultation.pdf', { schema: { querystring: LangQuery } }, async (request, reply) => {
    const language = askedLanguage(request, request.query.lang);
    const day = myConsultation(app.db, request.congress.id, delegateId(request.principal), language);
    return reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', `attachment; filename="consultation-${day.participant.code}.pdf"`)
      .send(await personalSchedulePdf(day, language));
  });
  app.get('/api/me/consultation/profile', { schema: { response: { 200: ParticipantProfile } } }, async (request) =>
    profileView(participantOfDelegate(app.db, request.congress.id, delegateId(request.principal)), requestLanguage(request)),
  );
  app.patch<{ Body: ProfilePatch }>('/api/me/consultation/profile', { schema: { body: ProfilePatch, response: { 200: ParticipantProfile } } }, async (request) => {
    const me = participantOfDelegate(app.db, request.congress.id, delegateId(request.principal));
    updateProfile(app.db, request.congress.id, me.code, request.body, { actorType: 'delegate', actorId: delegateId(request.principal) });
    return profileView(participantOfDelegate(app.db, request.congress.id, delegateId(request.principal)), requestLanguage(request));
  });
  app.get('/api/me/consultation/requests', { schema: { response: { 200: Type.Array(MeetingRequest) } } }, async (request) => myRequests(app.db, request.congress.id, delegateId(request.principal)));
  app.post<{ Body: MeetingRequestBody }>('/api/consultations/requests', { schema: { body: MeetingRequestBody } }, async (request, reply) => {
    const meeting = requestMeeting(app.db, request.congress.id, delegateId(request.principal), request.body.counterpart, request.body.message);
    return reply.code(201).send({ meeting });
  });
  for (const [action, answer] of [['accept', 'accepted'], ['decline', 'declined']] as const) {
    app.post<{ Params: Static<typeof CodeParams> }>(`/api/consultations/requests/:code/${action}`, { schema: { params: CodeParams } }, async (request, reply) => {
      answerRequest(app.db, request.congress.id, delegateId(request.principal), request.params.code, answer);
      return reply.code(204).send();
    });
  }
}

/** Outcomes are recorded by either side of the meeting, by staff on the floor and by organisers. */
export async function outcomeRoutes(app: FastifyInstance) {
  const staffOnFloor = app.requireAccount('organiser', 'floor');
  app.addHook('onRequest', async function (request, reply) {
    if (request.principal?.kind !== 'delegate') return staffOnFloor.call(this, request, reply, () => undefined);
    if (request.principal.congressId !== request.congress.id) throw new ApiFailure(403, 'Authorization', 'forbidden');
    participantOfDelegate(app.db, request.congress.id, request.principal.delegateId);
  });
  app.put<{ Params: Static<typeof CodeParams>; Body: Outcome }>(
    '/api/consultations/meetings/:code/outcome',
    { schema: { params: CodeParams, body: Outcome } },
    async (request, reply) => {
      const principal = request.principal!;
      const actor = principal.kind === 'delegate' ? { type: 'delegate' as const, id: principal.delegateId } : { type: 'account' as const, id: principal.accountId };
      recordOutcome(app.db, request.congress.id, request.params.code, request.body, actor);
      return reply.code(204).send();
    },
  );
}

/**
 * Browsing the other side and suggestions: a buyer's or supplier's delegate sees the other side and their own
 * suggestions; organisers see everyone and anyone's suggestions; floor staff see every company.
 */
export async function consultationDirectoryRoutes(app: FastifyInstance) {
  app.addHook('onRequest', async (request) => {
    const principal = request.principal;
    if (!principal) throw new ApiFailure(401, 'Authorization', 'notAuthenticated');
    // Floor staff read the companies too: they take walk-ins by name.
    const readers: CongressRole[] = request.routeOptions.url === '/api/consultations/participants' ? ['organiser', 'floor'] : ['organiser'];
    if (principal.kind === 'account' && !holdsRole(principal.role, readers)) throw new ApiFailure(403, 'Authorization', principal.role ? 'forbidden' : 'notMember');
  });
  const viewerParticipant = (request: FastifyRequest) => {
    const viewer = request.principal as DelegatePrincipal | AccountPrincipal;
    return viewer.kind === 'delegate' ? participantOfDelegate(app.db, request.congress.id, viewer.delegateId) : null;
  };
  app.get<{ Querystring: DirectoryQuery }>(
    '/api/consultations/participants',
    { schema: { querystring: DirectoryQuery, response: { 200: Type.Array(ParticipantProfile) } } },
    async (request) => {
      const me = viewerParticipant(request);
      const query = me ? { ...request.query, role: me.role === 'buyer' ? ('supplier' as const) : ('buyer' as const) } : request.query;
      return findParticipants(app.db, request.congress.id, query, requestLanguage(request));
    },
  );
  app.get<{ Querystring: SuggestionsQuery }>('/api/consultations/suggestions', { schema: { querystring: SuggestionsQuery, response: { 200: Suggestions } } }, async (request) => {
    const me = viewerParticipant(request);
    const code = me?.code ?? request.query.for;
    if (!code) throw new ApiFailure(400, 'for', 'required');
    return suggestionsFor(app.db, request.congress.id, code, requestLanguage(request));
  });
}

/** Staff and organisers on the floor: the table board, arrivals, no-shows and re-bookings. */
export async function floorRoutes(app: FastifyInstance) {
  app.addHook('onRequest', app.requireAccount('organiser', 'floor'));
  const accountId = (principal: unknown) => (principal as AccountPrincipal).accountId;
  app.get<{ Querystring: FloorQuery }>('/api/consultations/floor', { schema: { querystring: FloorQuery, response: { 200: FloorBoard } } }, async (request) =>
    floorBoard(app.db, request.congress.id, request.query.at ?? new Date().toISOString()),
  );
  app.post<{ Body: ArrivalBody }>('/api/consultations/floor/arrivals', { schema: { body: ArrivalBody } }, async (request, reply) => {
    markArrival(app.db, request.congress.id, request.body.participant, accountId(request.principal));
    app.announceConsultationChanges(request.congress.id, []);
    return reply.code(204).send();
  });
  app.post<{ Params: Static<typeof CodeParams> }>('/api/consultations/meetings/:code/no-show', { schema: { params: CodeParams, response: { 200: RebookingProposal } } }, async (request) => {
    const proposal = noShow(app.db, request.congress.id, request.params.code, accountId(request.principal));
    app.announceConsultationChanges(request.congress.id, []);
    return proposal;
  });
  app.post<{ Body: WalkInBody }>('/api/consultations/floor/walk-ins', { schema: { body: WalkInBody, response: { 201: RebookingProposal } } }, async (request, reply) => {
    const proposal = walkIn(app.db, request.congress.id, request.body, request.body.at ?? new Date().toISOString(), accountId(request.principal));
    app.announceConsultationChanges(request.congress.id, [request.body.buyer, request.body.supplier]);
    return reply.code(201).send(proposal);
  });
  app.post<{ Body: AcceptRebookingBody }>('/api/consultations/rebookings', { schema: { body: AcceptRebookingBody } }, async (request, reply) => {
    acceptRebooking(app.db, request.congress.id, request.body, accountId(request.principal));
    app.announceConsultationChanges(request.congress.id, request.body.proposals.flatMap((proposal) => [proposal.buyer, proposal.supplier]));
    return reply.code(204).send();
  });
}
