import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { Type, type Static } from 'typebox';
import { isUiLanguage, pickUiLanguage, type UiLanguage } from '../../shared/languages.ts';
import { fieldLabel, translatorFor } from '../i18n/translator.ts';
import { ApiFailure, readParams } from './api-failure.ts';
import { describeValidationErrors, type FieldProblem } from './validation.ts';

export function requestLanguage(request: FastifyRequest): UiLanguage {
  return pickUiLanguage(request.headers['accept-language']);
}

/** `?lang=` on a download link. */
export const LangQuery = Type.Object({ lang: Type.Optional(Type.String({ maxLength: 10 })) }, { additionalProperties: false });
export type LangQuery = Static<typeof LangQuery>;

/** The language a download is asked for with `?lang=` (a link carries no headers), else the request's own. */
export function askedLanguage(request: FastifyRequest, lang: string | undefined): UiLanguage {
  return lang && isUiLanguage(lang) ? lang : requestLanguage(request);
}

/**
 * `{ field, message }` with the message in the reader's language, the field's label leading it; names organisers
 * gave per language are read in the reader's language, else the edition's own languages.
 */
export function explain(problem: FieldProblem, language: UiLanguage, congressLanguages: readonly string[] = []) {
  const t = translatorFor(language);
  const label = fieldLabel(problem.field, language);
  return { field: problem.field, message: t('errors:withField', { label, reason: t(`errors:${problem.messageKey}`, readParams(problem.params, language, congressLanguages)) }) };
}

/** Fastify's own client errors, mapped to the field they are about. */
const frameworkErrors: Record<string, FieldProblem & { statusCode: number }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { statusCode: 400, field: 'body', messageKey: 'invalidJson', params: {} },
  FST_ERR_CTP_EMPTY_JSON_BODY: { statusCode: 400, field: 'body', messageKey: 'invalidJson', params: {} },
  FST_ERR_CTP_BODY_TOO_LARGE: { statusCode: 413, field: 'body', messageKey: 'bodyTooLarge', params: {} },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { statusCode: 415, field: 'Content-Type', messageKey: 'unsupportedMediaType', params: {} },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { statusCode: 400, field: 'Content-Length', messageKey: 'invalid', params: {} },
};

export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const language = requestLanguage(request);
    if (error instanceof ApiFailure) {
      const problem = explain(error, language, request.congress?.languages ?? []);
      // A refused body (400) lists its fields at fault like a failed validation does; other refusals name one thing.
      return reply.code(error.statusCode).send(error.statusCode === 400 ? { ...problem, errors: [problem] } : problem);
    }
    if (error.validation && error.validation[0]) {
      const problems = describeValidationErrors(error.validation as Parameters<typeof describeValidationErrors>[0]);
      for (const problem of problems) if (error.validationContext && error.validationContext !== 'body' && problem.field === 'body') problem.field = error.validationContext;
      // The first problem leads, as it always did; every field at fault follows, so a form marks them all at once.
      const errors = problems.map((problem) => explain(problem, language));
      return reply.code(400).send({ ...errors[0]!, errors });
    }
    const known = error.code ? frameworkErrors[error.code] : undefined;
    if (known) return reply.code(known.statusCode).send(explain(known, language));
    if (error.statusCode === 429) {
      return reply.code(429).send(explain({ field: 'request', messageKey: 'tooManyRequests', params: {} }, language));
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return reply.code(error.statusCode).send(explain({ field: 'request', messageKey: 'invalid', params: {} }, language));
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.code(500).send(explain({ field: 'request', messageKey: 'internal', params: {} }, language));
  });
}

/** Errors Node's HTTP parser meets before any route runs, answered in the `{ field, message }` shape of every other refusal. */
const connectionErrors: Record<string, FieldProblem & { statusCode: number }> = {
  HPE_HEADER_OVERFLOW: { statusCode: 431, field: 'headers', messageKey: 'headersTooLarge', params: {} },
  ERR_HTTP_REQUEST_TIMEOUT: { statusCode: 408, field: 'body', messageKey: 'requestTimeout', params: {} },
};

export function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const { statusCode, ...problem } = connectionErrors[error.code ?? ''] ?? { statusCode: 400, field: 'request', messageKey: 'invalid', params: {} };
  // Nothing of the request is known for certain here, its language included.
  const body = JSON.stringify(explain(problem, 'en'));
  socket.end(
    `HTTP/1.1 ${statusCode} ${STATUS_CODES[statusCode]}\r\nConnection: close\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}
