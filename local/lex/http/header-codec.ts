import { gunzipSync, gzipSync } from 'node:zlib';
import { validationError } from './validation';

/** Headers are at most a few KB; a bigger inflated value can only be a gzip bomb. */
const MAX_INFLATED_BYTES = 1024 * 1024;

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * Lex V2 moves JSON through headers as base64(gzip(JSON)): session state, request attributes, messages,
 * interpretations, and the input transcript (a JSON-quoted string). The SDK leaves both directions to the caller.
 */
export function encodeJsonHeader(value: unknown): string {
  return gzipSync(Buffer.from(JSON.stringify(value), 'utf8')).toString('base64');
}

export function decodeJsonHeader(headerName: string, encoded: string): unknown {
  const trimmed = encoded.trim();
  if (trimmed === '' || !BASE64.test(trimmed)) {
    throw validationError(`Header ${headerName} must be base64-encoded gzip of JSON; it is not valid base64`);
  }
  let inflated: Buffer;
  try {
    inflated = gunzipSync(Buffer.from(trimmed, 'base64'), { maxOutputLength: MAX_INFLATED_BYTES });
  } catch (error) {
    throw validationError(
      `Header ${headerName} must be base64-encoded gzip of JSON; gunzip failed: ${(error as Error).message}`,
    );
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(inflated);
  } catch {
    throw validationError(`Header ${headerName} must be base64-encoded gzip of JSON; it is not valid UTF-8`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw validationError(
      `Header ${headerName} must be base64-encoded gzip of JSON; the JSON is malformed: ${(error as Error).message}`,
    );
  }
}
