import { writeJson, writeResponse, type HeaderMap } from '../../edge/aws-response';
import type { EdgeResponse } from '../../edge/service';
import type {
  GetSessionResult,
  Message,
  PutSessionResult,
  RecognizeResult,
  SessionKey,
} from '../runtime/types';
import { encodeJsonHeader } from './header-codec';

/*
 * Success bodies and headers exactly as the SDK deserializers read them: RecognizeText, GetSession and
 * DeleteSession answer JSON; RecognizeUtterance and PutSession answer in headers (JSON ones gzip+base64)
 * with the audio, or nothing for text, as the body. Empty message lists are left out, as Lex does.
 */

export function writeRecognizeText(res: EdgeResponse, requestId: string, result: RecognizeResult): void {
  writeJson(
    res,
    200,
    {
      ...messagesField(result.messages),
      sessionState: result.sessionState,
      interpretations: result.interpretations,
      ...(result.requestAttributes ? { requestAttributes: result.requestAttributes } : {}),
      sessionId: result.sessionId,
    },
    { 'x-amzn-RequestId': requestId },
  );
}

export function writeRecognizeUtterance(
  res: EdgeResponse,
  requestId: string,
  result: RecognizeResult,
  responseContentType: string,
  audio?: Buffer,
): void {
  writeResponse(
    res,
    200,
    {
      'x-amzn-RequestId': requestId,
      'content-type': responseContentType,
      'x-amz-lex-input-mode': result.inputMode,
      'x-amz-lex-session-id': result.sessionId,
      'x-amz-lex-input-transcript': encodeJsonHeader(result.inputTranscript),
      'x-amz-lex-interpretations': encodeJsonHeader(result.interpretations),
      'x-amz-lex-session-state': encodeJsonHeader(result.sessionState),
      ...messagesHeader(result.messages),
      ...requestAttributesHeader(result.requestAttributes),
    },
    audio,
  );
}

export function writePutSession(
  res: EdgeResponse,
  requestId: string,
  result: PutSessionResult,
  responseContentType: string,
  audio?: Buffer,
): void {
  writeResponse(
    res,
    200,
    {
      'x-amzn-RequestId': requestId,
      'content-type': responseContentType,
      'x-amz-lex-session-id': result.sessionId,
      'x-amz-lex-session-state': encodeJsonHeader(result.sessionState),
      ...messagesHeader(result.messages),
      ...requestAttributesHeader(result.requestAttributes),
    },
    audio,
  );
}

export function writeGetSession(res: EdgeResponse, requestId: string, result: GetSessionResult): void {
  writeJson(
    res,
    200,
    {
      sessionId: result.sessionId,
      messages: result.messages,
      interpretations: result.interpretations,
      sessionState: result.sessionState,
    },
    { 'x-amzn-RequestId': requestId },
  );
}

export function writeDeleteSession(res: EdgeResponse, requestId: string, deleted: SessionKey): void {
  writeJson(
    res,
    200,
    {
      botId: deleted.botId,
      botAliasId: deleted.botAliasId,
      localeId: deleted.localeId,
      sessionId: deleted.sessionId,
    },
    { 'x-amzn-RequestId': requestId },
  );
}

function messagesField(messages: Message[]): { messages?: Message[] } {
  return messages.length > 0 ? { messages } : {};
}

function messagesHeader(messages: Message[]): HeaderMap {
  return messages.length > 0 ? { 'x-amz-lex-messages': encodeJsonHeader(messages) } : {};
}

function requestAttributesHeader(attributes: Record<string, string> | undefined): HeaderMap {
  return attributes ? { 'x-amz-lex-request-attributes': encodeJsonHeader(attributes) } : {};
}
