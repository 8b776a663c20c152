import { randomUUID } from 'node:crypto';
import { dtmfDigits, dtmfSettings } from '../voice/dtmf';
import type { HookCall } from '../dialog/hook-exchange';
import { newDialogSession, type DialogSession, type WireSessionState } from '../dialog/state';
import type { BotRegistry, RegisteredLocale } from './bot-registry';
import type { SessionStore } from './session-store';
import { redactPersonalData } from '../../../functions/shared/redaction/redact-personal-data';
import type { TurnLogEntry, TurnLogger } from './turn-log';
import {
  LexServiceError,
  type GetSessionResult,
  type LexRuntime,
  type LocaleVoice,
  type PutSessionRequest,
  type PutSessionResult,
  type RecognizeRequest,
  type RecognizeResult,
  type SessionKey,
  type SessionState,
} from './types';

export interface LocalLexRuntimeOptions {
  registry: BotRegistry;
  store: SessionStore;
  now?: () => number;
  turnLog?: TurnLogger;
  /**
   * Each turn's code hook exchanges (events and responses), for the console's inspector. They hold what the
   * customer said, so they only ever stay in memory; the turn log keeps timings and outcomes.
   */
  onHookCalls?: (sessionId: string, calls: readonly HookCall[]) => void;
}

/**
 * The Lex V2 runtime behind the wire adapter: finds the bot locale, loads the session (honouring the idle
 * TTL), runs one dialog turn, saves, logs. As in Lex V2, a session takes one request at a time: a
 * RecognizeText, RecognizeUtterance, PutSession or DeleteSession that arrives while another is running on the
 * same session is refused with ConflictException (409, which the SDK does not retry), so two fast messages can
 * neither interleave their dialog steps nor overwrite each other's session, and the client decides whether to
 * send its request again. GetSession reads the last saved state at any time.
 */
export class LocalLexRuntime implements LexRuntime {
  private readonly registry: BotRegistry;
  private readonly store: SessionStore;
  private readonly now: () => number;
  private readonly turnLog: TurnLogger | undefined;
  private readonly onHookCalls: LocalLexRuntimeOptions['onHookCalls'];
  private readonly busySessions = new Set<string>();

  constructor(options: LocalLexRuntimeOptions) {
    this.registry = options.registry;
    this.store = options.store;
    this.now = options.now ?? Date.now;
    this.turnLog = options.turnLog;
    this.onHookCalls = options.onHookCalls;
  }

  async recognize(requestedKey: SessionKey, request: RecognizeRequest): Promise<RecognizeResult> {
    const locale = this.registry.resolve(requestedKey);
    const key = this.registry.canonicalKey(requestedKey);
    validateSessionState(request.sessionState, locale);
    return this.exclusive(key, async () => {
      const started = performance.now();
      const nowMs = this.now();
      const session = (await this.loadLive(key, locale, nowMs)) ?? newDialogSession(key.sessionId, nowMs);
      if (request.sessionState) applySessionState(session, request.sessionState, nowMs);
      const text = request.inputMode === 'DTMF' ? keypadInput(request.text, session) : request.text;
      const logBase = {
        requestId: randomUUID(),
        ...key,
        inputMode: request.inputMode,
        inputTranscript: redactPersonalData(text, 'log'),
      };
      try {
        const turn = await locale.engine.runTurn(
          session,
          {
            alias: locale.alias,
            text,
            inputMode: request.inputMode,
            ...(request.transcriptionConfidence !== undefined
              ? { transcriptionConfidence: request.transcriptionConfidence }
              : {}),
            responseContentType: request.responseContentType,
            ...(request.requestAttributes ? { requestAttributes: request.requestAttributes } : {}),
          },
          nowMs,
        );
        session.lastMessages = turn.messages;
        session.lastInterpretations = turn.interpretations;
        session.lastRequestAttributes = turn.requestAttributes;
        session.lastActivityMs = nowMs;
        await this.store.save(key, session);
        const state = session.state;
        this.log({
          ...logBase,
          time: new Date(nowMs).toISOString(),
          ...(state.intent ? { intent: state.intent.name, intentState: state.intent.state } : {}),
          ...(turn.topScore !== undefined ? { confidence: Math.round(turn.topScore * 1000) / 1000 } : {}),
          slots: Object.fromEntries(
            Object.entries(state.intent?.slots ?? {}).map(([name, slot]) => [
              name,
              redactedSlotValue(slot?.value?.interpretedValue),
            ]),
          ),
          ...(state.dialogAction ? { dialogAction: state.dialogAction.type } : {}),
          codeHookMs: round(turn.hookCalls.reduce((sum, call) => sum + call.durationMs, 0)),
          codeHookCalls: turn.hookCalls.map(({ source, outcome, durationMs }) => ({
            source,
            outcome,
            durationMs,
          })),
          totalMs: round(performance.now() - started),
        });
        this.onHookCalls?.(key.sessionId, turn.hookCalls);
        return {
          sessionId: key.sessionId,
          inputMode: request.inputMode,
          inputTranscript: text,
          messages: turn.messages as RecognizeResult['messages'],
          sessionState: session.state as SessionState,
          interpretations: turn.interpretations as RecognizeResult['interpretations'],
          ...(turn.requestAttributes ? { requestAttributes: turn.requestAttributes } : {}),
        };
      } catch (error) {
        this.log({
          ...logBase,
          time: new Date(nowMs).toISOString(),
          totalMs: round(performance.now() - started),
          error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
        });
        // A failed turn's exchanges died with it; the console must not show the previous turn's as its own.
        this.onHookCalls?.(key.sessionId, []);
        throw error;
      }
    });
  }

  async putSession(requestedKey: SessionKey, request: PutSessionRequest): Promise<PutSessionResult> {
    const locale = this.registry.resolve(requestedKey);
    const key = this.registry.canonicalKey(requestedKey);
    validateSessionState(request.sessionState, locale);
    return this.exclusive(key, async () => {
      const nowMs = this.now();
      const session = (await this.loadLive(key, locale, nowMs)) ?? newDialogSession(key.sessionId, nowMs);
      applySessionState(session, request.sessionState, nowMs);
      session.state.originatingRequestId = randomUUID();
      session.lastMessages = (request.messages ?? []) as DialogSession['lastMessages'];
      session.lastInterpretations = [];
      session.lastRequestAttributes = request.requestAttributes;
      session.retry = undefined;
      session.lastActivityMs = nowMs;
      await this.store.save(key, session);
      return {
        sessionId: key.sessionId,
        sessionState: session.state as SessionState,
        messages: request.messages ?? [],
        ...(request.requestAttributes ? { requestAttributes: request.requestAttributes } : {}),
      };
    });
  }

  async getSession(requestedKey: SessionKey): Promise<GetSessionResult> {
    const locale = this.registry.resolve(requestedKey);
    const key = this.registry.canonicalKey(requestedKey);
    const session = await this.loadLive(key, locale, this.now());
    if (!session) throw sessionNotFound(key);
    return {
      sessionId: key.sessionId,
      messages: session.lastMessages as GetSessionResult['messages'],
      interpretations: session.lastInterpretations as GetSessionResult['interpretations'],
      sessionState: session.state as SessionState,
    };
  }

  async deleteSession(requestedKey: SessionKey): Promise<SessionKey> {
    this.registry.resolve(requestedKey);
    const key = this.registry.canonicalKey(requestedKey);
    return this.exclusive(key, async () => {
      if (!(await this.store.delete(key))) throw sessionNotFound(key);
      return requestedKey;
    });
  }

  voiceFor(requestedKey: SessionKey): LocaleVoice {
    const locale = this.registry.resolve(requestedKey);
    const settings = locale.bundle.definition.locale.VoiceSettings;
    if (!settings) {
      throw new LexServiceError(
        'DependencyFailedException',
        `Locale ${requestedKey.localeId} has no VoiceSettings in its bot definition, so it cannot answer with audio`,
      );
    }
    return { voiceId: settings.VoiceId, ...(settings.Engine ? { engine: settings.Engine } : {}) };
  }

  /** A session idle for longer than the bot's IdleSessionTTLInSeconds is gone, as in Lex. */
  private async loadLive(
    key: SessionKey,
    locale: RegisteredLocale,
    nowMs: number,
  ): Promise<DialogSession | undefined> {
    const session = await this.store.load(key);
    if (!session) return undefined;
    if (nowMs - session.lastActivityMs > locale.idleSessionTtlSeconds * 1000) {
      await this.store.delete(key);
      return undefined;
    }
    return session;
  }

  private async exclusive<T>(key: SessionKey, work: () => Promise<T>): Promise<T> {
    const id = JSON.stringify(key);
    if (this.busySessions.has(id)) {
      throw new LexServiceError(
        'ConflictException',
        `Session ${key.sessionId} is already handling a request; send this one again once that has finished`,
      );
    }
    this.busySessions.add(id);
    try {
      return await work();
    } finally {
      this.busySessions.delete(id);
    }
  }

  private log(entry: TurnLogEntry): void {
    this.turnLog?.(entry);
  }
}

/** Keys as Lex hands them to the bot: digits only, after the end and deletion characters for this prompt. */
function keypadInput(keys: string, session: DialogSession): string {
  const intentName = session.state.intent?.name;
  const slotName = session.state.dialogAction?.slotToElicit;
  return dtmfDigits(
    keys,
    dtmfSettings(session.state.sessionAttributes ?? {}, {
      ...(intentName ? { intentName } : {}),
      ...(slotName ? { slotName } : {}),
    }),
  );
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}

function sessionNotFound(key: SessionKey): LexServiceError {
  return new LexServiceError(
    'ResourceNotFoundException',
    `Session ${key.sessionId} was not found or has expired`,
  );
}

/** Fields present in a request's sessionState replace the stored ones; absent fields keep them (docs/lex-emulator.md, "One turn", 1). */
function applySessionState(session: DialogSession, requested: SessionState, nowMs: number): void {
  const incoming = requested as WireSessionState;
  if (incoming.sessionAttributes !== undefined)
    session.state.sessionAttributes = { ...incoming.sessionAttributes };
  if (incoming.activeContexts !== undefined) {
    session.state.activeContexts = structuredClone(incoming.activeContexts);
    session.contextLifetimes = {};
    for (const context of incoming.activeContexts) {
      session.contextLifetimes[context.name] = {
        turnsLeft: context.timeToLive.turnsToLive,
        expiresAtMs: nowMs + context.timeToLive.timeToLiveInSeconds * 1000,
      };
    }
  }
  if (incoming.intent !== undefined) {
    session.state.intent = {
      name: incoming.intent.name,
      state: incoming.intent.state ?? 'InProgress',
      confirmationState: incoming.intent.confirmationState ?? 'None',
      slots: structuredClone(incoming.intent.slots ?? {}),
    };
    session.retry = undefined;
  }
  if (incoming.dialogAction !== undefined)
    session.state.dialogAction = structuredClone(incoming.dialogAction);
}

/** The wire adapter checks shapes; only the runtime knows which intents and slots the locale has. */
function validateSessionState(state: SessionState | undefined, locale: RegisteredLocale): void {
  const intent = state?.intent;
  const definition = locale.bundle.definition;
  if (intent?.name) {
    if (!definition.intent(intent.name)) {
      throw new LexServiceError(
        'ValidationException',
        `sessionState.intent.name "${intent.name}" is not an intent of locale ${definition.localeId}`,
      );
    }
    for (const slotName of Object.keys(intent.slots ?? {})) {
      if (!definition.slot(intent.name, slotName)) {
        throw new LexServiceError(
          'ValidationException',
          `sessionState.intent.slots.${slotName} is not a slot of intent ${intent.name}`,
        );
      }
    }
  }
  const action = state?.dialogAction;
  if (action?.type === 'ElicitSlot') {
    if (!action.slotToElicit || !intent?.name || !definition.slot(intent.name, action.slotToElicit)) {
      throw new LexServiceError(
        'ValidationException',
        'sessionState.dialogAction.slotToElicit must name a slot of sessionState.intent when type is ElicitSlot',
      );
    }
  }
}

/** Slot values are what the customer said (an email slot holds the address), so they are redacted too. */
function redactedSlotValue(value: string | null | undefined): string | null {
  return value === null || value === undefined ? null : redactPersonalData(value, 'log');
}
