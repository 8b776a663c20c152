import { performance } from 'node:perf_hooks';
import { newRequestId, writeAwsError, writeJson, writeResponse } from '../edge/aws-response';
import { RequestAbortedError } from '../edge/body';
import { readJsonBody } from '../edge/json-body';
import { writeServiceError } from '../edge/service-error';
import type { EdgeRequest, EdgeResponse, EdgeService } from '../edge/service';
import { PollyServiceError, toPollyError, validationError } from './errors';
import { describeVoicesQuerySchema, synthesizeSpeechBodySchema } from './request-schema';
import { isPollyPath, routePollyRequest } from './routes';
import type { SpeechCacheStats } from './speech-cache';
import { SpeechRenderer, type SpeechEngine } from './speech-renderer';
import { planSynthesis, type SynthesisPlan } from './synthesis-plan';
import { parseOrReject } from './validation';
import { describeVoices, VOICE_CATALOGUE } from './voices';

/** SynthesizeSpeech's Text is at most 6,000 characters; even escaped as JSON that is far below this. */
export const MAX_REQUEST_BODY_BYTES = 256 * 1024;

export interface PollyHttpServiceOptions {
  /** espeak-ng in its worker thread; it also encodes MP3. The caller owns it and closes it. */
  synthesizer: SpeechEngine;
  log?: (line: string) => void;
  /** Bound of the cache of finished answers; 32 MiB by default, 0 turns the cache off. */
  cacheBytes?: number;
}

export interface PollyHttpService extends EdgeService {
  /** Speech cache counters, for the local console. */
  stats(): SpeechCacheStats;
}

const DEFAULT_CACHE_BYTES = 32 * 1024 * 1024;

/**
 * Polly's SynthesizeSpeech and DescribeVoices (restJson1 over h2c or HTTP/1.1) on the edge, spoken by espeak-ng:
 * requests are validated as Polly validates them (voices, engines, formats, SSML per engine, limits) and
 * answered in Polly's formats, with measured speech marks. Credentials are never checked.
 */
export function createPollyHttpService(options: PollyHttpServiceOptions): PollyHttpService {
  const log = options.log ?? (() => undefined);
  const renderer = new SpeechRenderer(options.synthesizer, options.cacheBytes ?? DEFAULT_CACHE_BYTES);
  log(
    `polly: SynthesizeSpeech and DescribeVoices by espeak-ng, ${VOICE_CATALOGUE.length} en-US and es-US voices`,
  );

  const synthesizeSpeech = async (req: EdgeRequest, res: EdgeResponse, requestId: string): Promise<void> => {
    const started = performance.now();
    let plan: SynthesisPlan | undefined;
    try {
      plan = planSynthesis(
        parseOrReject(
          synthesizeSpeechBodySchema,
          await readJsonBody(req, 'SynthesizeSpeech', MAX_REQUEST_BODY_BYTES, validationError),
        ),
      );
      const { speech, fromCache } = await renderer.render(plan);
      writeResponse(
        res,
        200,
        {
          'content-type': speech.contentType,
          'x-amzn-RequestCharacters': String(speech.requestCharacters),
          'x-amzn-RequestId': requestId,
        },
        speech.body,
      );
      log(
        `polly: SynthesizeSpeech ${describePlan(plan)} -> ${speech.body.length} bytes in ` +
          `${Math.round(performance.now() - started)} ms${fromCache ? ' from the cache' : ''} (request ${requestId})`,
      );
    } catch (error) {
      if (error instanceof RequestAbortedError) throw error;
      const failure = toPollyError(error, requestId, log);
      log(
        `polly: SynthesizeSpeech ${plan ? `${describePlan(plan)} ` : ''}-> ${failure.errorName}: ` +
          `${failure.message} (request ${requestId})`,
      );
      throw failure;
    }
  };

  const describeVoicesOperation = (res: EdgeResponse, query: URLSearchParams, requestId: string): void => {
    const parsed = parseOrReject(describeVoicesQuerySchema, Object.fromEntries(query));
    if (parsed.NextToken !== undefined) {
      throw new PollyServiceError(
        'InvalidNextTokenException',
        'The local Polly lists every voice in one page and issued no NextToken',
      );
    }
    const voices = describeVoices({
      ...(parsed.Engine ? { engine: parsed.Engine } : {}),
      ...(parsed.LanguageCode ? { languageCode: parsed.LanguageCode } : {}),
      ...(parsed.IncludeAdditionalLanguageCodes !== undefined
        ? { includeAdditionalLanguageCodes: parsed.IncludeAdditionalLanguageCodes }
        : {}),
    });
    writeJson(res, 200, { Voices: voices }, { 'x-amzn-RequestId': requestId });
  };

  return {
    name: 'polly',
    matches: (req) => isPollyPath(req.url ?? '/'),
    stats: () => renderer.stats(),
    handle: async (req, res) => {
      const requestId = newRequestId();
      const method = req.method ?? 'GET';
      const url = req.url ?? '/';
      try {
        const route = routePollyRequest(method, url);
        switch (route.kind) {
          case 'synthesize-speech':
            await synthesizeSpeech(req, res, requestId);
            return;
          case 'describe-voices':
            describeVoicesOperation(res, route.query, requestId);
            return;
          case 'unsupported':
            writeAwsError(res, 404, 'UnknownOperationException', route.message, requestId);
            return;
          case 'unknown':
            writeAwsError(
              res,
              404,
              'UnknownOperationException',
              `No Polly operation matches ${method} ${url.split('?')[0] ?? url}`,
              requestId,
            );
            return;
        }
      } catch (error) {
        if (error instanceof RequestAbortedError) {
          if (!res.writableEnded) res.end();
          return;
        }
        writeServiceError(res, toPollyError(error, requestId, log), requestId);
      }
    },
  };
}

function describePlan(plan: SynthesisPlan): string {
  const output =
    plan.output.kind === 'audio'
      ? `${plan.output.format} ${plan.output.sampleRate} Hz`
      : `${plan.markTypes.join('+')} marks`;
  return `${plan.voice.id}/${plan.engine} ${output}, ${plan.requestCharacters} characters`;
}
