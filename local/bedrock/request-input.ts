import { readBody } from '../edge/body';
import type { EdgeRequest } from '../edge/service';
import { validationError } from './errors';

/**
 * Converse takes images, documents and video inline (base64), a few MB each; 16 MiB leaves room for that
 * while refusing abuse before it is buffered.
 */
export const MAX_REQUEST_BODY_BYTES = 16 * 1024 * 1024;

/** A JSON body, as the SDK sends it (application/json) or as curl may (no Content-Type); empty reads as {}. */
export async function readJsonBody(req: EdgeRequest, what: string, maxBytes: number): Promise<unknown> {
  const contentType = req.headers['content-type'];
  const mediaType = (Array.isArray(contentType) ? contentType[0] : contentType)
    ?.split(';')[0]
    ?.trim()
    .toLowerCase();
  if (mediaType !== undefined && mediaType !== 'application/json') {
    throw validationError(
      `${what} takes a JSON body: Content-Type must be application/json, not '${printable(String(contentType))}'`,
    );
  }
  const body = await readBody(req, maxBytes);
  if (body.length === 0) return {};
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    throw validationError('Request body is not valid UTF-8');
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw validationError(`Request body is not valid JSON: ${(error as Error).message}`);
  }
}

function printable(value: string): string {
  return value.replace(/[^\x20-\x7e]/g, '?').slice(0, 100);
}
