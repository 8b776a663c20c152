import { readBody } from './body';
import type { EdgeRequest } from './service';

/** Builds the service's own error for a request it cannot read, so the SDK raises its usual exception. */
export type RejectRequest = (message: string) => Error;

/**
 * A JSON body, as the SDK sends it (application/json) or as curl may (no Content-Type); empty reads as {}.
 * `operation` names what takes the body in the messages; every problem is thrown as `reject` builds it.
 */
export async function readJsonBody(
  req: EdgeRequest,
  operation: string,
  maxBytes: number,
  reject: RejectRequest,
): Promise<unknown> {
  const contentType = req.headers['content-type'];
  if (Array.isArray(contentType)) throw reject('Header content-type must appear at most once');
  const mediaType = contentType?.split(';')[0]?.trim().toLowerCase();
  if (mediaType !== undefined && mediaType !== 'application/json') {
    throw reject(
      `${operation} takes a JSON body: Content-Type must be application/json, not '${printable(String(contentType))}'`,
    );
  }
  const body = await readBody(req, maxBytes);
  if (body.length === 0) return {};
  const text = decodeUtf8(body, reject);
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw reject(`Request body is not valid JSON: ${(error as Error).message}`);
  }
}

export function decodeUtf8(body: Buffer, reject: RejectRequest): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    throw reject('Request body is not valid UTF-8');
  }
}

/** A header echoed in a message is the caller's bytes: printable ASCII only, and not too much of it. */
function printable(value: string): string {
  return value.replace(/[^\x20-\x7e]/g, '?').slice(0, 100);
}
