import { describe, expect, it } from 'vitest';
import { listRoutes } from '../support/routes.ts';
import { useTestApp } from '../support/test-app.ts';

const ctx = useTestApp();

describe('the OpenAPI document', () => {
  it('describes every HTTP route with the schemas it validates', async () => {
    const response = await ctx.app.inject({ url: '/api/docs' });
    expect(response.statusCode).toBe(200);
    const document = response.json() as { openapi: string; paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: { properties?: Record<string, unknown>; required?: string[] } }> } }>> };
    expect(document.openapi).toBe('3.1.0');
    const documented = Object.entries(document.paths).flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`));
    const routes = listRoutes(ctx.app)
      .map(({ method, url }) => `${method} ${url}`)
      .filter((route) => route !== 'GET /api/live' && route !== 'GET /api/docs');
    expect(routes.filter((route) => !documented.includes(route))).toEqual([]);
    const registration = document.paths['/api/registrations']!.post!.requestBody!.content['application/json']!.schema;
    expect(registration.required).toEqual(expect.arrayContaining(['givenName', 'familyName', 'email', 'country', 'category', 'languages']));
    expect(Object.keys(registration.properties!)).toContain('latinName');
  });
});
