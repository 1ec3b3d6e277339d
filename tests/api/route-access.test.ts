import { describe, expect, it } from 'vitest';
import { listRoutes } from '../support/routes.ts';
import { createEindhovenEdition, registerDelegate, signInAccount, useTestApp } from '../support/test-app.ts';

const ctx = useTestApp();

/** `outsider`: the owner of another edition, who is no member of the demo. */
type Role = 'anonymous' | 'delegate' | 'buyer' | 'supplier' | 'desk' | 'floor' | 'organiser' | 'owner' | 'outsider';
const roles: Role[] = ['anonymous', 'delegate', 'buyer', 'supplier', 'desk', 'floor', 'organiser', 'owner', 'outsider'];
const delegates: Role[] = ['delegate', 'buyer', 'supplier'];
const participants: Role[] = ['buyer', 'supplier'];
const organisers: Role[] = ['organiser', 'owner'];
const members: Role[] = ['desk', 'floor', ...organisers];
const floor: Role[] = ['floor', ...organisers];
const desk: Role[] = ['desk', ...organisers];

/**
 * Who may call each route. A route missing here fails the test: every new route gets its roles written down.
 * Everything not listed as someone else's is the organisers' alone.
 */
const access: Record<string, Role[]> = {
  'GET /api/health': roles,
  'GET /api/docs': roles,
  'GET /api/congress': roles,
  'POST /api/auth/login': roles,
  'POST /api/registrations': roles,
  'POST /api/me/link': roles,
  'GET /api/registrations/challenge': roles,
  'POST /api/auth/password-reset': roles,
  'POST /api/auth/password-reset/confirm': roles,
  'GET /api/verify/:code': roles,
  'POST /api/me/visa-letter': delegates,
  'GET /api/me/visa-letter': delegates,
  'GET /api/me/visa-letter.pdf': delegates,
  'GET /api/tours': roles,
  'GET /api/programme': roles,
  'POST /api/auth/logout': [...members, 'outsider'],
  'POST /api/auth/password': [...members, 'outsider'],
  'GET /api/congresses': [...members, 'outsider'],
  'GET /api/auth/account': members,
  'POST /api/auth/invitations/lookup': roles,
  'POST /api/auth/invitations/accept': roles,
  'GET /api/me': delegates,
  'GET /api/me/export': delegates,
  'PATCH /api/me': delegates,
  'DELETE /api/me': delegates,
  'GET /api/me/tours': delegates,
  'PUT /api/me/tours/choices': delegates,
  'POST /api/me/tours/seat': delegates,
  'DELETE /api/me/tours/seat': delegates,
  'GET /api/me/agenda': delegates,
  'PUT /api/me/agenda/:code': delegates,
  'DELETE /api/me/agenda/:code': delegates,
  'GET /api/me/consultation': participants,
  'GET /api/me/consultation/profile': participants,
  'GET /api/me/consultation.pdf': participants,
  'GET /api/calendar/:delegate/:key.ics': roles,
  'GET /api/calendar/programme.ics': roles,
  'GET /api/calendar/rooms/:room.ics': roles,
  'PATCH /api/me/consultation/profile': participants,
  'GET /api/me/consultation/requests': participants,
  'POST /api/consultations/requests': participants,
  'POST /api/consultations/requests/:code/accept': participants,
  'POST /api/consultations/requests/:code/decline': participants,
  'GET /api/consultations/participants': [...participants, ...floor],
  'GET /api/consultations/suggestions': [...participants, ...organisers],
  'PUT /api/consultations/meetings/:code/outcome': [...participants, ...floor],
  'GET /api/consultations/floor': floor,
  'POST /api/consultations/floor/arrivals': floor,
  'POST /api/consultations/floor/walk-ins': floor,
  'POST /api/consultations/meetings/:code/no-show': floor,
  'POST /api/consultations/rebookings': floor,
  'GET /api/tours/buses/:id/manifest': floor,
  'GET /api/tours/buses/:id/manifest.csv': floor,
  'POST /api/tours/buses/:id/boarding': floor,
  'DELETE /api/tours/buses/:id/boarding/:delegate': floor,
  'POST /api/check-ins': desk,
  'GET /api/check-ins/counts': desk,
  'GET /api/me/badge': delegates,
  'GET /api/me/badge.pdf': delegates,
  'GET /api/badges.pdf': desk,
  'GET /api/check-ins/search': desk,
  'POST /api/check-ins/by-name': desk,
  'GET /api/api-tokens': ['owner'],
  'POST /api/api-tokens': ['owner'],
  'DELETE /api/api-tokens/:id': ['owner'],
};
const organiserOnly = [
  'PATCH /api/congress', 'PUT /api/congress/days/:date', 'POST /api/congress/move', 'POST /api/congresses', 'PATCH /api/categories/:code', 'GET /api/delegates', 'GET /api/delegates/counts', 'GET /api/delegates/:id', 'POST /api/delegates/:id/approve', 'POST /api/delegates/:id/approve/undo',
  'GET /api/delegates/bursts', 'POST /api/delegates/bursts/cancel',
  'POST /api/delegates/:id/decline', 'GET /api/delegates.csv', 'GET /api/tours/assignment', 'POST /api/tours/assignment/run', 'PUT /api/tours/assignment/seats/:id',
  'POST /api/tours/assignment/publish', 'PATCH /api/tours/settings', 'GET /api/consultations/report', 'GET /api/consultations/report.csv', 'GET /api/consultations/instance',
  'GET /api/consultations/plan', 'POST /api/consultations/plan/run', 'POST /api/consultations/plan/import', 'PUT /api/consultations/plan/meetings/:code', 'DELETE /api/consultations/plan/meetings/:code',
  'POST /api/consultations/plan/publish', 'PATCH /api/consultations/participants/:code', 'GET /api/consultations/participants/:code/delegate', 'PUT /api/consultations/participants/:code/delegate',
  'GET /api/consultations/suggestions/matrix', 'PATCH /api/consultations/settings', 'POST /api/consultations/meetings', 'POST /api/categories', 'DELETE /api/categories/:code', 'POST /api/consultations/participants', 'DELETE /api/consultations/participants/:code', 'PUT /api/consultations/days/:date/slots', 'POST /api/consultations/tables', 'DELETE /api/consultations/tables/:code',
  'GET /api/consultations/hall', 'POST /api/consultations/tables/numbered', 'PUT /api/consultations/participants/:code/home-table', 'POST /api/consultations/interpreters', 'PATCH /api/consultations/interpreters/:code', 'DELETE /api/consultations/interpreters/:code',
  'GET /api/programme/sessions/:code', 'POST /api/programme/sessions', 'PATCH /api/programme/sessions/:code',
  'GET /api/tours/setup', 'POST /api/tours', 'PATCH /api/tours/:code', 'DELETE /api/tours/:code', 'POST /api/tours/:code/buses', 'PATCH /api/tours/buses/:id', 'DELETE /api/tours/buses/:id',
  'POST /api/programme/rooms', 'PATCH /api/programme/rooms/:code', 'POST /api/programme/people', 'PATCH /api/programme/people/:code',
  'POST /api/imports/:kind', 'GET /api/imports/:kind/template', 'GET /api/audit', 'GET /api/outbox', 'POST /api/mailings/preview', 'POST /api/mailings', 'GET /api/mailings', 'GET /api/mailings/:id',
  'GET /api/visa-letters', 'POST /api/visa-letters/:id/approve', 'POST /api/visa-letters/:id/decline', 'POST /api/visa-letters/:id/revoke', 'GET /api/visa-letters/settings', 'PUT /api/visa-letters/settings', 'GET /api/accounts', 'POST /api/accounts/invitations', 'PATCH /api/accounts/:id',
];
for (const route of organiserOnly) access[route] = organisers;
/** The live channel is a WebSocket: its sign-in happens in the first message, and the live tests walk it. */
const notHttp = ['GET /api/live'];
/** Run last: they end the caller's registration or session. */
const endsSession = ['DELETE /api/me', 'POST /api/auth/logout'];

describe('who may call what', () => {
  it('every route answers each role as written down: refused roles get 401 or 403 from the sign-in check, the others get past it', async () => {
    const linked = async (code: string) => {
      const delegate = await registerDelegate(ctx.app);
      await ctx.app.inject({ method: 'PUT', url: `/api/consultations/participants/${code}/delegate`, headers: ctx.organiser, payload: { delegate: delegate.id } });
      return delegate.headers;
    };
    const plain = await registerDelegate(ctx.app);
    const headersOf: Record<Role, Record<string, string>> = {
      anonymous: {},
      delegate: plain.headers,
      buyer: await linked('B01'),
      supplier: await linked('S01'),
      desk: await signInAccount(ctx.app, 'desk'),
      floor: await signInAccount(ctx.app, 'floor'),
      organiser: await signInAccount(ctx.app, 'organiser'),
      owner: ctx.organiser,
      outsider: await (async () => {
        await createEindhovenEdition(ctx.app, ctx.organiser);
        return signInAccount(ctx.app, 'owner', 'tci-2016-eindhoven');
      })(),
    };
    const routes = listRoutes(ctx.app)
      .map(({ method, url }) => `${method} ${url}`)
      .filter((route) => !notHttp.includes(route));
    expect(routes.filter((route) => !access[route]), 'routes without written-down roles').toEqual([]);
    const ordered = [...routes.filter((route) => !endsSession.includes(route)), ...endsSession];
    for (const route of ordered) {
      const [method, url] = route.split(' ') as [string, string];
      const concrete = url.replace(':id', String(plain.id)).replace(':delegate', String(plain.id)).replace(':code', 'M001');
      for (const role of roles) {
        const answer = await ctx.app.inject({ method: method as 'GET', url: concrete, headers: headersOf[role], ...(method === 'GET' || method === 'DELETE' ? {} : { payload: {} }) });
        const refusedBySignIn = [401, 403].includes(answer.statusCode) && answer.json().field === 'Authorization';
        if (access[route]!.includes(role)) expect(refusedBySignIn, `${route} as ${role}: ${answer.body}`).toBe(false);
        else {
          expect(refusedBySignIn, `${route} as ${role}: ${answer.statusCode} ${answer.body}`).toBe(true);
          expect(answer.statusCode, `${route} as ${role}`).toBe(role === 'anonymous' ? 401 : 403);
        }
      }
    }
  });
});
