import { validationError } from './validation';

export type LexOperation =
  'RecognizeText' | 'RecognizeUtterance' | 'PutSession' | 'GetSession' | 'DeleteSession';

/** Path labels after percent-decoding, not yet validated. */
export interface SessionLabels {
  botId: string;
  botAliasId: string;
  localeId: string;
  sessionId: string;
}

export type LexRoute =
  | { kind: 'operation'; operation: LexOperation; labels: SessionLabels }
  | { kind: 'unsupported'; message: string }
  | { kind: 'unknown' };

const SESSION_PATH =
  /^\/bots\/([^/]*)\/botAliases\/([^/]*)\/botLocales\/([^/]*)\/sessions\/([^/]*)(\/[^/]*)?$/;

/** Keyed by method and the path after the session id. */
const OPERATIONS: ReadonlyMap<string, LexOperation> = new Map([
  ['POST /text', 'RecognizeText'],
  ['POST /utterance', 'RecognizeUtterance'],
  ['POST ', 'PutSession'],
  ['GET ', 'GetSession'],
  ['DELETE ', 'DeleteSession'],
]);

export const LEX_PATH_PREFIX = '/bots/';

/**
 * Maps method + path to a Lex V2 runtime operation. Labels are split on the raw '/' before decoding, since
 * the SDK percent-encodes them (a '/' inside a session id arrives as %2F).
 */
export function routeLexRequest(method: string, url: string): LexRoute {
  const path = url.split('?')[0] ?? '';
  const match = SESSION_PATH.exec(path);
  if (!match) return { kind: 'unknown' };
  const [, botId = '', botAliasId = '', localeId = '', sessionId = '', suffix = ''] = match;
  if (method === 'POST' && suffix === '/conversation') {
    return {
      kind: 'unsupported',
      message:
        'StartConversation (bidirectional streaming) is not emulated locally; use RecognizeText or RecognizeUtterance',
    };
  }
  const operation = OPERATIONS.get(`${method} ${suffix}`);
  if (!operation) return { kind: 'unknown' };
  return {
    kind: 'operation',
    operation,
    labels: {
      botId: decodeLabel('botId', botId),
      botAliasId: decodeLabel('botAliasId', botAliasId),
      localeId: decodeLabel('localeId', localeId),
      sessionId: decodeLabel('sessionId', sessionId),
    },
  };
}

function decodeLabel(name: string, raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    throw validationError(`Path label ${name} is not valid percent-encoding`);
  }
}
