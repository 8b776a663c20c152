import type { z } from 'zod';
import type { EdgeRequest } from '../../edge/service';
import { decodeJsonHeader } from './header-codec';
import { parseOrReject, validationError } from './validation';

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
