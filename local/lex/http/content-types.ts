import { validationError } from './validation';

export type MediaKind = 'text' | 'audio';

export interface NegotiatedContentType {
  /** The header value exactly as the caller sent it: responses echo it. */
  value: string;
  kind: MediaKind;
}

export const TEXT_CONTENT_TYPE = 'text/plain; charset=utf-8';

/** Media types RecognizeUtterance accepts as input (parameters such as rate or channels may follow). */
const REQUEST_MEDIA_TYPES: ReadonlyMap<string, MediaKind> = new Map([
  ['text/plain', 'text'],
  ['audio/l16', 'audio'],
  ['audio/x-l16', 'audio'],
  ['audio/lpcm', 'audio'],
  ['audio/x-cbr-opus-with-preamble', 'audio'],
]);

/** Media types Lex can answer in, for RecognizeUtterance and PutSession. */
const RESPONSE_MEDIA_TYPES: ReadonlyMap<string, MediaKind> = new Map([
  ['text/plain', 'text'],
  ['audio/mpeg', 'audio'],
  ['audio/ogg', 'audio'],
  ['audio/pcm', 'audio'],
  ['audio/*', 'audio'],
]);

/** Printable ASCII only, so a value can be echoed into a response header safely. */
const HEADER_VALUE = /^[\x20-\x7e]{1,256}$/;

export function negotiateRequestContentType(value: string | undefined): NegotiatedContentType {
  if (value === undefined) {
    throw validationError(
      `Header Content-Type is required; send one of: ${[...REQUEST_MEDIA_TYPES.keys()].join(', ')}`,
    );
  }
  return negotiate('Content-Type', value, REQUEST_MEDIA_TYPES);
}

/** An absent response type means text: the emulator has no spoken default to fall back on. */
export function negotiateResponseContentType(
  headerName: string,
  value: string | undefined,
): NegotiatedContentType {
  if (value === undefined) return { value: TEXT_CONTENT_TYPE, kind: 'text' };
  return negotiate(headerName, value, RESPONSE_MEDIA_TYPES);
}

function negotiate(
  headerName: string,
  value: string,
  accepted: ReadonlyMap<string, MediaKind>,
): NegotiatedContentType {
  const mediaType = (value.split(';')[0] ?? '').trim().toLowerCase();
  const kind = HEADER_VALUE.test(value) ? accepted.get(mediaType) : undefined;
  if (kind === undefined) {
    throw validationError(
      `Header ${headerName} value '${printable(value)}' is not supported; use one of: ${[...accepted.keys()].join(', ')}`,
    );
  }
  return { value, kind };
}

function printable(value: string): string {
  return value.replace(/[^\x20-\x7e]/g, '?').slice(0, 100);
}
