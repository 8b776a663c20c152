import { newRequestId, writeAwsError } from '../../edge/aws-response';
import type { EdgeService } from '../../edge/service';
import type { LexRuntime } from '../runtime/types';
import { writeLexError } from './errors';
import { OPERATION_HANDLERS } from './operations';
import { sessionKeySchema } from './requests';
import type { LexSpeech } from './speech';
import { LEX_PATH_PREFIX, routeLexRequest } from './routes';
import { parseOrReject } from './validation';

export interface LexHttpServiceOptions {
  log?: (line: string) => void;
  /** Speech recognition and synthesis for audio requests; without them audio is refused and text works. */
  speech?: LexSpeech;
}

/** The Lex V2 runtime API (restJson1) on the edge: decodes the wire, calls the runtime, encodes the result. */
export function createLexHttpService(runtime: LexRuntime, options: LexHttpServiceOptions = {}): EdgeService {
  const log = options.log ?? (() => undefined);
  const speech = options.speech ?? {};
  return {
    name: 'lex',
    matches: (req) => (req.url ?? '').startsWith(LEX_PATH_PREFIX),
    handle: async (req, res) => {
      const requestId = newRequestId();
      const method = req.method ?? 'GET';
      const url = req.url ?? '/';
      try {
        const route = routeLexRequest(method, url);
        if (route.kind !== 'operation') {
          const path = url.split('?')[0] ?? url;
          const message =
            route.kind === 'unsupported'
              ? route.message
              : `No Lex V2 runtime operation matches ${method} ${path}`;
          writeAwsError(res, 404, 'UnknownOperationException', message, requestId);
          return;
        }
        const key = parseOrReject(sessionKeySchema, route.labels);
        await OPERATION_HANDLERS[route.operation]({ runtime, speech, req, res, requestId, key, log });
      } catch (error) {
        writeLexError(res, error, requestId, log);
      }
    },
  };
}
