import { readBody } from '../../edge/body';
import type { EdgeRequest, EdgeResponse } from '../../edge/service';
import type {
  LexRuntime,
  LocaleVoice,
  Message,
  RecognizeRequest,
  SessionKey,
  SessionState,
} from '../runtime/types';
import type { MessageSpeaker } from '../voice/polly-speaker';
import {
  negotiateRequestContentType,
  negotiateResponseContentType,
  TEXT_CONTENT_TYPE,
} from './content-types';
import {
  putSessionBodySchema,
  recognizeTextBodySchema,
  requestAttributesSchema,
  sessionStateSchema,
  utteranceTextSchema,
} from './requests';
import {
  writeDeleteSession,
  writeGetSession,
  writePutSession,
  writeRecognizeText,
  writeRecognizeUtterance,
} from './responses';
import { decodeUtf8, readJsonBody } from '../../edge/json-body';
import type { LexOperation } from './routes';
import { decodeAudioInput } from '../voice/audio-input';
import { DTMF_INPUT_ATTRIBUTE } from '../voice/dtmf';
import {
  listeningContext,
  requireRecognizer,
  requireSpeaker,
  transcribe,
  type LexSpeech,
  type SpeechRecognizer,
  type SpeechTimings,
  type Transcript,
} from './speech';
import { optionalJsonHeader, singleHeader } from './request-input';
import { parseOrReject, validationError } from './validation';

export const MAX_JSON_BODY_BYTES = 1024 * 1024;
/** About 8 minutes of 16 kHz 16-bit audio: far above Lex's 15 s speech limit, so only abuse is refused. */
export const MAX_AUDIO_BODY_BYTES = 16 * 1024 * 1024;

export interface OperationContext {
  runtime: LexRuntime;
  speech: LexSpeech;
  req: EdgeRequest;
  res: EdgeResponse;
  requestId: string;
  key: SessionKey;
  log: (line: string) => void;
}

export const OPERATION_HANDLERS: Record<LexOperation, (context: OperationContext) => Promise<void>> = {
  RecognizeText: recognizeText,
  RecognizeUtterance: recognizeUtterance,
  PutSession: putSession,
  GetSession: getSession,
  DeleteSession: deleteSession,
};

async function recognizeText({ runtime, req, res, requestId, key }: OperationContext): Promise<void> {
  const input = parseOrReject(
    recognizeTextBodySchema,
    await readJsonBody(req, 'RecognizeText', MAX_JSON_BODY_BYTES, validationError),
  );
  const result = await runtime.recognize(key, {
    text: input.text,
    inputMode: 'Text',
    responseContentType: TEXT_CONTENT_TYPE,
    ...optionalState(input.sessionState, input.requestAttributes),
  });
  writeRecognizeText(res, requestId, result);
}

async function recognizeUtterance({
  log,
  runtime,
  speech,
  req,
  res,
  requestId,
  key,
}: OperationContext): Promise<void> {
  const requestType = negotiateRequestContentType(singleHeader(req, 'content-type'));
  const responseType = negotiateResponseContentType(
    'Response-Content-Type',
    singleHeader(req, 'response-content-type'),
  );
  const sessionState = optionalJsonHeader(req, 'x-amz-lex-session-state', 'sessionState', sessionStateSchema);
  const requestAttributes = optionalJsonHeader(
    req,
    'x-amz-lex-request-attributes',
    'requestAttributes',
    requestAttributesSchema,
  );
  const body = await readBody(req, requestType.kind === 'audio' ? MAX_AUDIO_BODY_BYTES : MAX_JSON_BODY_BYTES);
  const recognizer = requestType.kind === 'audio' ? requireRecognizer(speech) : undefined;
  const speaker = responseType.kind === 'audio' ? requireSpeaker(speech) : undefined;
  const timings: SpeechTimings = {};
  const heard = recognizer
    ? await recognise(recognizer, requestType.value, body, runtime, key, timings)
    : undefined;
  const input = heard
    ? { text: heard.text, inputMode: 'Speech' as const, attributes: requestAttributes }
    : textOrDtmfInput(
        parseOrReject(utteranceTextSchema, decodeUtf8(body, validationError), 'inputStream'),
        requestAttributes,
      );
  const result = await runtime.recognize(key, {
    text: input.text,
    inputMode: input.inputMode,
    ...(heard?.confidence !== undefined ? { transcriptionConfidence: heard.confidence } : {}),
    responseContentType: responseType.value,
    ...optionalState(sessionState, input.attributes),
  });
  const speechStarted = performance.now();
  const audio = speaker
    ? await spokenOrSilent(speaker, result.messages, runtime.voiceFor(key), responseType.value, log)
    : undefined;
  if (speaker) timings.speechMs = performance.now() - speechStarted;
  speech.onTimings?.(timings);
  writeRecognizeUtterance(res, requestId, result, responseType.value, audio);
}

/**
 * The answer's audio, or none when speech fails: by then the turn has been taken (the session saved, the code
 * hook's writes made), so failing the request would have a retrying client take it twice. The answer still
 * goes back, as text in the messages header, and the failure is logged.
 */
async function spokenOrSilent(
  speaker: MessageSpeaker,
  messages: readonly Message[],
  voice: LocaleVoice,
  contentType: string,
  log: (line: string) => void,
): Promise<Buffer> {
  try {
    return await speaker.speak(messages, voice, contentType);
  } catch (error) {
    log(
      `lex: speech failed, answering with text and no audio: ${error instanceof Error ? error.message : String(error)}`,
    );
    return Buffer.alloc(0);
  }
}

/** The caller's audio as words, timed from decoding to transcript into `timings`. */
async function recognise(
  recognizer: SpeechRecognizer,
  contentType: string,
  body: Buffer,
  runtime: LexRuntime,
  key: SessionKey,
  timings: SpeechTimings,
): Promise<Transcript> {
  const started = performance.now();
  const audio = decodeAudioInput(contentType, body);
  const heard = await transcribe(recognizer, audio, await listeningContext(runtime, key));
  timings.recognitionMs = performance.now() - started;
  timings.audioSeconds = audio.samples.length / audio.sampleRate;
  return heard;
}

/**
 * Text, or keypad digits when the request attribute `parley:input-mode` is DTMF. Lex takes DTMF only over
 * StartConversation (Connect's streaming API); the emulator has no streaming API, so this attribute stands in
 * for a DTMFInputEvent. It is removed before the bot sees the request attributes.
 */
function textOrDtmfInput(
  text: string,
  requestAttributes: Record<string, string> | undefined,
): { text: string; inputMode: 'Text' | 'DTMF'; attributes: Record<string, string> | undefined } {
  const mode = requestAttributes?.[DTMF_INPUT_ATTRIBUTE];
  if (mode === undefined) return { text, inputMode: 'Text', attributes: requestAttributes };
  if (mode !== 'DTMF') {
    throw validationError(
      `Request attribute ${DTMF_INPUT_ATTRIBUTE} must be DTMF, not '${mode.slice(0, 20)}'`,
    );
  }
  const rest = Object.fromEntries(
    Object.entries(requestAttributes ?? {}).filter(([name]) => name !== DTMF_INPUT_ATTRIBUTE),
  );
  return { text, inputMode: 'DTMF', attributes: Object.keys(rest).length > 0 ? rest : undefined };
}

async function putSession({
  runtime,
  speech,
  req,
  res,
  requestId,
  key,
  log,
}: OperationContext): Promise<void> {
  const responseType = negotiateResponseContentType(
    'ResponseContentType',
    singleHeader(req, 'responsecontenttype'),
  );
  const input = parseOrReject(
    putSessionBodySchema,
    await readJsonBody(req, 'PutSession', MAX_JSON_BODY_BYTES, validationError),
  );
  const speaker = responseType.kind === 'audio' ? requireSpeaker(speech) : undefined;
  const result = await runtime.putSession(key, {
    sessionState: input.sessionState,
    ...(input.messages ? { messages: input.messages } : {}),
    ...(input.requestAttributes ? { requestAttributes: input.requestAttributes } : {}),
  });
  const audio = speaker
    ? await spokenOrSilent(speaker, result.messages, runtime.voiceFor(key), responseType.value, log)
    : undefined;
  writePutSession(res, requestId, result, responseType.value, audio);
}

async function getSession({ runtime, res, requestId, key }: OperationContext): Promise<void> {
  writeGetSession(res, requestId, await runtime.getSession(key));
}

async function deleteSession({ runtime, res, requestId, key }: OperationContext): Promise<void> {
  writeDeleteSession(res, requestId, await runtime.deleteSession(key));
}

function optionalState(
  sessionState: SessionState | undefined,
  requestAttributes: Record<string, string> | undefined,
): Pick<RecognizeRequest, 'sessionState' | 'requestAttributes'> {
  return {
    ...(sessionState ? { sessionState } : {}),
    ...(requestAttributes ? { requestAttributes } : {}),
  };
}
