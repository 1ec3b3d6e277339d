import type { ApiError } from '../../shared/registration-schema.ts';
import { currentLanguage } from './i18n.ts';
import { apiPath } from './congress-address.ts';
import { isCsrfToken } from './session.ts';

/** A refusal from the server: its status and the `{ field, message }` it sent, already in the reader's language. */
export class ApiRequestError extends Error implements ApiError {
  constructor(
    readonly status: number,
    readonly field: string,
    message: string,
    /** Every field at fault, the first one included (a refused form marks them all at once). */
    readonly errors: { field: string; message: string }[] = [{ field, message }],
  ) {
    super(message);
  }
}

export interface RequestOptions {
  method?: string;
  body?: unknown;
  /** A file sent as the body itself, with its own content type. */
  file?: { content: Blob; type: string };
  token?: string | null;
  headers?: Record<string, string>;
  /** Refusals whose body is an answer to show (an import's 422 lists the rows at fault), not a `{ field, message }`. */
  answeredStatuses?: number[];
}

async function send(path: string, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { 'accept-language': currentLanguage(), ...options.headers };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.file) headers['content-type'] = options.file.type;
  if (options.token) {
    if (isCsrfToken(options.token)) headers['x-csrf-token'] = options.token;
    else headers.authorization = `Bearer ${options.token}`;
  }
  const body = options.file ? options.file.content : options.body === undefined ? null : JSON.stringify(options.body);
  const response = await fetch(apiPath(path), { method: options.method ?? 'GET', headers, body });
  if (!response.ok && !options.answeredStatuses?.includes(response.status)) {
    const problem = (await response.json().catch(() => null)) as Partial<ApiError> | null;
    const field = problem?.field ?? 'request';
    const message = problem?.message ?? response.statusText;
    throw new ApiRequestError(response.status, field, message, problem?.errors?.length ? problem.errors : [{ field, message }]);
  }
  return response;
}

export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const response = await send(path, options);
  return (response.status === 204 ? undefined : await response.json()) as T;
}

async function apiBlob(path: string, options: RequestOptions = {}): Promise<Blob> {
  return (await send(path, options)).blob();
}

/** Fetches a file from the API and hands it to the browser as a download named `name`. */
export async function downloadFile(path: string, name: string, options: RequestOptions = {}): Promise<void> {
  const blob = await apiBlob(path, options);
  const link = Object.assign(document.createElement('a'), { href: URL.createObjectURL(blob), download: name });
  link.click();
  // Revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}
