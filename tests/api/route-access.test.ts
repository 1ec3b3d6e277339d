import { describe, expect, it } from 'vitest';
import { listRoutes } from '../support/routes.ts';
import { registerDelegate, signInAccount, useTestApp } from '../support/test-app.ts';

const ctx = useTestApp();

type Role = 'anonymous' | 'delegate' | 'buyer' | 'supplier' | 'staff' | 'organiser';
const roles: Role[] = ['anonymous', 'delegate', 'buyer', 'supplier', 'staff', 'organiser'];
const delegates: Role[] = ['delegate', 'buyer', 'supplier'];
const participants: Role[] = ['buyer', 'supplier'];

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
  'GET /api/tours': roles,
  'GET /api/programme': roles,
  'POST /api/auth/logout': ['staff', 'organiser'],
  'POST /api/auth/password': ['staff', 'organiser'],
  'POST /api/auth/invitations/accept': roles,
  'GET /api/me': delegates,
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
  'GET /api/consultations/participants': [...participants, 'organiser'],
  'GET /api/consultations/suggestions': [...participants, 'organiser'],
  'PUT /api/consultations/meetings/:code/outcome': [...participants, 'staff', 'organiser'],
  'GET /api/consultations/floor': ['staff', 'organiser'],
  'POST /api/consultations/floor/arrivals': ['staff', 'organiser'],
  'POST /api/consultations/floor/walk-ins': ['staff', 'organiser'],
  'POST /api/consultations/meetings/:code/no-show': ['staff', 'organiser'],
  'POST /api/consultations/rebookings': ['staff', 'organiser'],
  'GET /api/tours/buses/:id/manifest': ['staff', 'organiser'],
  'GET /api/tours/buses/:id/manifest.csv': ['staff', 'organiser'],
  'POST /api/tours/buses/:id/boarding': ['staff', 'organiser'],
  'POST /api/check-ins': ['staff', 'organiser'],
  'GET /api/check-ins/counts': ['staff', 'organiser'],
  'GET /api/me/badge': delegates,
  'GET /api/me/badge.pdf': delegates,
  'GET /api/badges.pdf': ['staff', 'organiser'],
  'GET /api/check-ins/search': ['staff', 'organiser'],
  'POST /api/check-ins/by-name': ['staff', 'organiser'],
};
const organiserOnly = [
  'PATCH /api/congress', 'GET /api/congresses', 'POST /api/congresses', 'PATCH /api/categories/:code', 'GET /api/delegates', 'GET /api/delegates/counts', 'GET /api/delegates/:id', 'POST /api/delegates/:id/approve',
  'POST /api/delegates/:id/decline', 'GET /api/delegates.csv', 'GET /api/tours/assignment', 'POST /api/tours/assignment/run', 'PUT /api/tours/assignment/seats/:id',
  'POST /api/tours/assignment/publish', 'PATCH /api/tours/settings', 'GET /api/consultations/report', 'GET /api/consultations/report.csv', 'GET /api/consultations/instance',
  'GET /api/consultations/plan', 'POST /api/consultations/plan/run', 'POST /api/consultations/plan/import', 'PUT /api/consultations/plan/meetings/:code',
  'POST /api/consultations/plan/publish', 'PATCH /api/consultations/participants/:code', 'GET /api/consultations/participants/:code/delegate', 'PUT /api/consultations/participants/:code/delegate',
  'GET /api/consultations/suggestions/matrix', 'PATCH /api/consultations/settings', 'POST /api/consultations/meetings', 'POST /api/categories', 'DELETE /api/categories/:code', 'POST /api/consultations/participants', 'DELETE /api/consultations/participants/:code', 'PUT /api/consultations/days/:date/slots', 'POST /api/consultations/tables', 'DELETE /api/consultations/tables/:code',
  'GET /api/programme/sessions/:code', 'POST /api/programme/sessions', 'PATCH /api/programme/sessions/:code',
  'POST /api/programme/rooms', 'PATCH /api/programme/rooms/:code', 'POST /api/programme/people', 'PATCH /api/programme/people/:code',
  'POST /api/imports/:kind', 'GET /api/imports/:kind/template', 'GET /api/audit', 'GET /api/accounts', 'POST /api/accounts/invitations', 'PATCH /api/accounts/:id', 'GET /api/api-tokens', 'POST /api/api-tokens', 'DELETE /api/api-tokens/:id',
];
for (const route of organiserOnly) access[route] = ['organiser'];
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
      staff: await signInAccount(ctx.app, 'staff'),
      organiser: ctx.organiser,
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
