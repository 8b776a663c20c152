import type {
  GetSessionResult,
  LexRuntime,
  LocaleVoice,
  PutSessionRequest,
  PutSessionResult,
  RecognizeRequest,
  RecognizeResult,
  SessionKey,
} from '../../../../local/lex/runtime/types';

export type RuntimeCall =
  | { op: 'recognize'; key: SessionKey; request: RecognizeRequest }
  | { op: 'putSession'; key: SessionKey; request: PutSessionRequest }
  | { op: 'getSession'; key: SessionKey }
  | { op: 'deleteSession'; key: SessionKey };

/**
 * A deterministic stand-in for the dialog engine, for the wire adapter's own tests: it records every call,
 * echoes the input into a fixed well-formed result, and throws whatever error a test queues.
 */
export class RecordingRuntime implements LexRuntime {
  readonly calls: RuntimeCall[] = [];
  private queuedErrors: unknown[] = [];

  failNextWith(error: unknown): void {
    this.queuedErrors.push(error);
  }

  async recognize(key: SessionKey, request: RecognizeRequest): Promise<RecognizeResult> {
    this.record({ op: 'recognize', key, request });
    return {
      sessionId: key.sessionId,
      inputMode: request.inputMode,
      inputTranscript: request.text,
      messages: [{ contentType: 'PlainText', content: `You said: ${request.text}` }],
      sessionState: {
        dialogAction: { type: 'ElicitSlot', slotToElicit: 'CheckIn' },
        intent: {
          name: 'BookHotel',
          state: 'InProgress',
          confirmationState: 'None',
          slots: { City: { shape: 'Scalar', value: { originalValue: 'paris', interpretedValue: 'Paris' } } },
        },
        sessionAttributes: request.sessionState?.sessionAttributes ?? {},
        originatingRequestId: 'req-1',
      },
      interpretations: [
        {
          intent: { name: 'BookHotel', state: 'InProgress', confirmationState: 'None' },
          nluConfidence: { score: 0.9 },
        },
        {
          intent: {
            name: 'FallbackIntent',
            state: 'ReadyForFulfillment',
            confirmationState: 'None',
            slots: {},
          },
        },
      ],
      ...(request.requestAttributes ? { requestAttributes: request.requestAttributes } : {}),
    };
  }

  async putSession(key: SessionKey, request: PutSessionRequest): Promise<PutSessionResult> {
    this.record({ op: 'putSession', key, request });
    return {
      sessionId: key.sessionId,
      sessionState: request.sessionState,
      messages: request.messages ?? [],
      ...(request.requestAttributes ? { requestAttributes: request.requestAttributes } : {}),
    };
  }

  async getSession(key: SessionKey): Promise<GetSessionResult> {
    this.record({ op: 'getSession', key });
    return {
      sessionId: key.sessionId,
      messages: [{ contentType: 'PlainText', content: 'Which city?' }],
      interpretations: [{ intent: { name: 'BookHotel', state: 'InProgress', confirmationState: 'None' } }],
      sessionState: {
        sessionAttributes: { tier: 'gold' },
        intent: { name: 'BookHotel', state: 'InProgress' },
      },
    };
  }

  voiceFor(): LocaleVoice {
    return { voiceId: 'Joanna', engine: 'neural' };
  }

  async deleteSession(key: SessionKey): Promise<SessionKey> {
    this.record({ op: 'deleteSession', key });
    return key;
  }

  private record(call: RuntimeCall): void {
    this.calls.push(call);
    const error = this.queuedErrors.shift();
    if (error !== undefined) throw error;
  }
}
