import type { z } from 'zod';
import { readBody } from '../../edge/body';
import type { EdgeRequest } from '../../edge/service';
import { decodeJsonHeader } from './header-codec';
import type { LexOperation } from './routes';
import { parseOrReject, validationError } from './validation';

/** JSON operations take application/json (what the SDK sends) or no Content-Type at all (bare curl). */
export async function readJsonBody(
  req: EdgeRequest,
  operation: LexOperation,
  maxBytes: number,
): Promise<unknown> {
  const contentType = singleHeader(req, 'content-type');
  const mediaType = contentType?.split(';')[0]?.trim().toLowerCase();
  if (mediaType !== undefined && mediaType !== 'application/json') {
    throw validationError(
      `${operation} takes a JSON body: Content-Type must be application/json, not '${contentType?.slice(0, 100)}'`,
    );
  }
  const body = await readBody(req, maxBytes);
  if (body.length === 0) return {};
  const text = decodeUtf8(body);
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw validationError(`Request body is not valid JSON: ${(error as Error).message}`);
  }
}

/** Decodes an optional gzip+base64 JSON header and validates it as the request member `field`. */
export function optionalJsonHeader<T>(
  req: EdgeRequest,
  headerName: string,
  field: string,
  schema: z.ZodType<T>,
): T | undefined {
  const encoded = singleHeader(req, headerName);
  if (encoded === undefined) return undefined;
  return parseOrReject(schema, decodeJsonHeader(headerName, encoded), field);
}

export function singleHeader(req: EdgeRequest, name: string): string | undefined {
  const value = req.headers[name];
  if (Array.isArray(value)) throw validationError(`Header ${name} must appear at most once`);
  return value;
}

export function decodeUtf8(body: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    throw validationError('Request body is not valid UTF-8');
  }
}
