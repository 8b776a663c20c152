import { readBody } from '../edge/body';
import type { EdgeRequest } from '../edge/service';
import { validationError } from './errors';

/** SynthesizeSpeech's Text is at most 6,000 characters; even escaped as JSON that is far below this. */
export const MAX_REQUEST_BODY_BYTES = 256 * 1024;

/** A JSON body, as the SDK sends it (application/json) or as curl may (no Content-Type); empty reads as {}. */
export async function readJsonBody(req: EdgeRequest, operation: string): Promise<unknown> {
  const contentType = req.headers['content-type'];
  const mediaType = (Array.isArray(contentType) ? contentType[0] : contentType)
    ?.split(';')[0]
    ?.trim()
    .toLowerCase();
  if (mediaType !== undefined && mediaType !== 'application/json') {
    throw validationError(
      `${operation} takes a JSON body: Content-Type must be application/json, not '${printable(String(contentType))}'`,
    );
  }
  const body = await readBody(req, MAX_REQUEST_BODY_BYTES);
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
