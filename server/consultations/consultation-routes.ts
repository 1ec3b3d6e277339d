import type { FastifyInstance, FastifyReply } from 'fastify';
import { Type, type Static } from 'typebox';
import { ConsultationReport } from '../../shared/consultation-report-schema.ts';
import { isUiLanguage, type UiLanguage } from '../../shared/languages.ts';
import { requestLanguage } from '../http/error-handler.ts';
import { consultationReport, consultationReportCsv } from './consultation-report.ts';

const LangQuery = Type.Object({ lang: Type.Optional(Type.String({ maxLength: 10 })) }, { additionalProperties: false });

/** The organisers' view of the export consultation. */
export async function consultationRoutes(app: FastifyInstance) {
  app.addHook('onRequest', app.requireAccount('organiser'));
  const sendCsv = (reply: FastifyReply, language: UiLanguage) =>
    reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="consultation-report.csv"')
      .send(consultationReportCsv(consultationReport(app.db, app.congressId), language));

  // JSON, or CSV for a client that asks for it with `Accept: text/csv`.
  app.get<{ Querystring: Static<typeof LangQuery> }>('/api/consultations/report', { schema: { querystring: LangQuery, response: { 200: ConsultationReport } } }, async (request, reply) => {
    if (/\btext\/csv\b/.test(request.headers.accept ?? '')) return sendCsv(reply, languageOf(request.query.lang) ?? requestLanguage(request));
    return consultationReport(app.db, app.congressId);
  });
  app.get<{ Querystring: Static<typeof LangQuery> }>('/api/consultations/report.csv', { schema: { querystring: LangQuery } }, async (request, reply) =>
    sendCsv(reply, languageOf(request.query.lang) ?? requestLanguage(request)),
  );
}

const languageOf = (lang: string | undefined) => (lang && isUiLanguage(lang) ? lang : undefined);
