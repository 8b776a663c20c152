/**
 * The dialog state the emulator keeps per session, in Lex V2 wire shapes, plus the counters Lex keeps
 * privately (prompt attempts, context lifetimes) that never appear on the wire.
 */

export type IntentState =
  'Failed' | 'Fulfilled' | 'InProgress' | 'ReadyForFulfillment' | 'Waiting' | 'FulfillmentInProgress';
export type ConfirmationState = 'Confirmed' | 'Denied' | 'None';
export type DialogActionType =
  'Close' | 'ConfirmIntent' | 'Delegate' | 'ElicitIntent' | 'ElicitSlot' | 'None';

export interface WireValue {
  originalValue?: string;
  interpretedValue: string | null;
  resolvedValues?: string[];
}

export interface WireSlot {
  value?: WireValue;
  shape?: 'Scalar' | 'List' | 'Composite';
  values?: WireSlot[];
  subSlots?: Record<string, WireSlot>;
}

export type WireSlots = Record<string, WireSlot | null>;

export interface WireIntent {
  name: string;
  state?: IntentState;
  confirmationState?: ConfirmationState;
  slots?: WireSlots;
}

export interface WireDialogAction {
  type: DialogActionType;
  slotToElicit?: string;
  slotElicitationStyle?: 'Default' | 'SpellByLetter' | 'SpellByWord';
}

export interface WireActiveContext {
  name: string;
  timeToLive: { timeToLiveInSeconds: number; turnsToLive: number };
  contextAttributes: Record<string, string>;
}

export interface WireSessionState {
  dialogAction?: WireDialogAction;
  intent?: WireIntent;
  activeContexts?: WireActiveContext[];
  sessionAttributes?: Record<string, string>;
  originatingRequestId?: string;
}

export interface WireButton {
  text: string;
  value: string;
}

export interface WireMessage {
  contentType: 'PlainText' | 'SSML' | 'CustomPayload' | 'ImageResponseCard';
  content?: string;
  imageResponseCard?: { title: string; subtitle?: string; imageUrl?: string; buttons?: WireButton[] };
}

export interface WireInterpretation {
  intent: WireIntent;
  nluConfidence?: { score: number };
  interpretationSource?: 'Lex' | 'Bedrock';
}

/** What Lex remembers about a prompt it is repeating: which prompt, and how often it was answered badly. */
export interface PromptRetry {
  /** `slot:<Name>` or `confirmation`, scoped to the intent. */
  target: string;
  intentName: string;
  failures: number;
}

/** Lifetime bookkeeping for an active context; Lex counts turns and seconds, whichever ends first. */
export interface ContextLifetime {
  turnsLeft: number;
  expiresAtMs: number;
}

export interface DialogSession {
  sessionId: string;
  state: WireSessionState;
  retry?: PromptRetry;
  contextLifetimes: Record<string, ContextLifetime>;
  /** The last turn's reply, which GetSession returns. */
  lastMessages: WireMessage[];
  lastInterpretations: WireInterpretation[];
  lastRequestAttributes?: Record<string, string>;
  turnCount: number;
  lastActivityMs: number;
}

export function newDialogSession(sessionId: string, nowMs: number): DialogSession {
  return {
    sessionId,
    state: { sessionAttributes: {}, activeContexts: [] },
    contextLifetimes: {},
    lastMessages: [],
    lastInterpretations: [],
    turnCount: 0,
    lastActivityMs: nowMs,
  };
}
