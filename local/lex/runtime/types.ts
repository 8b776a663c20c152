import type { Interpretation, Message, SessionState } from '@aws-sdk/client-lex-runtime-v2';
import { AwsServiceError } from '../../edge/service-error';

export type { Interpretation, Message, SessionState };

export interface SessionKey {
  botId: string;
  botAliasId: string;
  localeId: string;
  sessionId: string;
}

export type InputMode = 'Text' | 'Speech' | 'DTMF';

export interface RecognizeRequest {
  /** The user's words (for audio, the ASR transcript; for DTMF, the digits). */
  text: string;
  inputMode: InputMode;
  /** For speech: the recognizer's confidence in `text`, 0..1, which Lex passes the code hook. Text is 1. */
  transcriptionConfidence?: number;
  responseContentType: string;
  sessionState?: SessionState;
  requestAttributes?: Record<string, string>;
}

export interface RecognizeResult {
  sessionId: string;
  inputMode: InputMode;
  inputTranscript: string;
  messages: Message[];
  sessionState: SessionState;
  interpretations: Interpretation[];
  requestAttributes?: Record<string, string>;
}

export interface PutSessionRequest {
  sessionState: SessionState;
  messages?: Message[];
  requestAttributes?: Record<string, string>;
}

export interface PutSessionResult {
  sessionId: string;
  sessionState: SessionState;
  messages: Message[];
  requestAttributes?: Record<string, string>;
}

export interface GetSessionResult {
  sessionId: string;
  messages: Message[];
  interpretations: Interpretation[];
  sessionState: SessionState;
}

/** The Lex V2 runtime as the wire adapter sees it: wire-independent, errors as LexServiceError. */
export interface LexRuntime {
  recognize(key: SessionKey, request: RecognizeRequest): Promise<RecognizeResult>;
  putSession(key: SessionKey, request: PutSessionRequest): Promise<PutSessionResult>;
  getSession(key: SessionKey): Promise<GetSessionResult>;
  deleteSession(key: SessionKey): Promise<SessionKey>;
  /** The locale's Polly voice (bot definition VoiceSettings), which speaks its audio answers. */
  voiceFor(key: SessionKey): LocaleVoice;
}

/** A bot locale's VoiceSettings; an absent engine means Polly's standard engine, as in Lex. */
export interface LocaleVoice {
  voiceId: string;
  engine?: string;
}

export const LEX_ERROR_STATUS = {
  ValidationException: 400,
  AccessDeniedException: 403,
  ResourceNotFoundException: 404,
  ConflictException: 409,
  DependencyFailedException: 424,
  ThrottlingException: 429,
  InternalServerException: 500,
  BadGatewayException: 502,
} as const;

export type LexErrorName = keyof typeof LEX_ERROR_STATUS;

/** An error the Lex V2 runtime API declares; the wire adapter turns it into status + x-amzn-ErrorType. */
export class LexServiceError extends AwsServiceError<LexErrorName> {
  constructor(errorName: LexErrorName, message: string) {
    super(errorName, LEX_ERROR_STATUS[errorName], message, {});
  }
}
