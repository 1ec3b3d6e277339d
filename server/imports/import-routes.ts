import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ImportParams, ImportQuery, ImportResult, xlsxContentType } from '../../shared/import-schema.ts';
import type { AccountPrincipal } from '../auth/authentication.ts';
import { ApiFailure } from '../http/api-failure.ts';
import { askedLanguage, LangQuery, requestLanguage } from '../http/error-handler.ts';
import { delegatesTopic } from '../registration/registration-repository.ts';
import { importSheet } from './import-service.ts';
import { importTemplate } from './import-template.ts';
import { importLimits, readSheet } from './sheet-reader.ts';

const spreadsheetTypes = ['text/csv', xlsxContentType, 'application/octet-stream'];

function fileTooLarge(): ApiFailure {
  return new ApiFailure(413, 'file', 'fileTooLarge', { max: `${importLimits.bytes / 1024 / 1024} MB` });
}

/** Reads a spreadsheet body up to the cap; a larger one is refused by its declared length, or as soon as it passes the cap. */
function readSpreadsheetBody(request: FastifyRequest, payload: NodeJS.ReadableStream, done: (error: Error | null, body?: Buffer) => void) {
  if (Number(request.headers['content-length'] ?? 0) > importLimits.bytes) {
    done(fileTooLarge());
    return;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  let finished = false;
  const finish = (error: Error | null, body?: Buffer) => {
    if (finished) return;
    finished = true;
    done(error, body);
  };
  payload.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size > importLimits.bytes) {
      payload.removeAllListeners('data');
      finish(fileTooLarge());
      return;
    }
    chunks.push(chunk);
  });
  payload.on('end', () => finish(null, Buffer.concat(chunks)));
  payload.on('error', (error: Error) => finish(error));
}

/** Spreadsheets from organisers: delegates, buyers and suppliers, interpreters and pre-matched meetings. */
export async function importRoutes(app: FastifyInstance) {
  app.addHook('onRequest', app.requireAccount('organiser'));
  // Only these routes take a file body; everywhere else the API speaks JSON.
  app.addContentTypeParser(spreadsheetTypes, readSpreadsheetBody);

  app.post<{ Params: ImportParams; Querystring: ImportQuery; Body: Buffer }>(
    '/api/imports/:kind',
    { bodyLimit: importLimits.bytes + 1, schema: { params: ImportParams, querystring: ImportQuery, response: { 200: ImportResult, 422: ImportResult } } },
    async (request, reply) => {
      if (!Buffer.isBuffer(request.body)) throw new ApiFailure(415, 'file', 'notSpreadsheet');
      const sheet = await readSheet(request.body);
      const dryRun = request.query.dryRun === '1' || request.query.dryRun === 'true';
      const result = importSheet(app.db, request.congress.id, {
        kind: request.params.kind,
        sheet,
        dryRun,
        language: requestLanguage(request),
        accountId: (request.principal as AccountPrincipal).accountId,
      });
      if (result.errors.length && !dryRun) return reply.code(422).send(result);
      if (!dryRun && request.params.kind === 'delegates') app.live.publish(request.congress.id, delegatesTopic, { type: 'delegates.changed', changes: [] });
      return result;
    },
  );

  app.get<{ Params: ImportParams; Querystring: LangQuery }>(
    '/api/imports/:kind/template',
    { schema: { params: ImportParams, querystring: LangQuery } },
    async (request, reply) =>
      reply
        .header('content-type', xlsxContentType)
        .header('content-disposition', `attachment; filename="${request.params.kind}-template.xlsx"`)
        .send(await importTemplate(request.params.kind, askedLanguage(request, request.query.lang))),
  );
}
