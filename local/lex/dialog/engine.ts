import { randomUUID } from 'node:crypto';
import type { PromptAttempt, ResponseSpecification } from '../../../bot-definitions/loader/schema';
import type { IntentCandidate, IntentClassifier } from '../nlu/types';
import type { SlotTypeResolver, SlotValue } from '../slots/types';
import { LexServiceError, type InputMode } from '../runtime/types';
import { invokeFunction, type LambdaHandler } from '../../lambda/invoke';
import { checkHookResponse, type HookResponse } from './hook-response';
import { LocaleDefinition, isFilled } from './intent-definitions';
import { renderMessageGroups } from './messages';
import type {
  DialogSession,
  WireActiveContext,
  WireDialogAction,
  WireIntent,
  WireInterpretation,
  WireMessage,
  WireSlots,
} from './state';

/** A request around a slot value must say this many more words than the value to be taken as a request. */
const MIN_WORDS_BEYOND_VALUE = 2;
/** ...and match another intent at least this well. */
const CLEAR_REQUEST_SCORE = 0.7;

export interface CodeHookBinding {
  fn: LambdaHandler;
  timeoutMs: number;
  functionName: string;
}

/** Everything the engine needs about one bot locale, built once at startup. */
export interface LocaleBundle {
  botId: string;
  botName: string;
  definition: LocaleDefinition;
  classifier: IntentClassifier;
  confirmation: SlotTypeResolver;
  codeHook?: CodeHookBinding;
}

export interface TurnInput {
  /** The alias the request named: Lex tells the code hook, which may decide who is asking from it. */
  alias: { id: string; name: string };
  text: string;
  inputMode: InputMode;
  /** The recognizer's confidence in `text`; typed and keyed input are certain. */
  transcriptionConfidence?: number;
  responseContentType: string;
  requestAttributes?: Record<string, string>;
}

export interface HookCall {
  source: 'DialogCodeHook' | 'FulfillmentCodeHook';
  intent: string;
  durationMs: number;
  outcome: 'ok' | 'error' | 'timeout' | 'invalid';
  /** The event sent and what came back, for the console's inspector; never written to the turn log. */
  event: unknown;
  response?: unknown;
}

export interface TurnResult {
  messages: WireMessage[];
  interpretations: WireInterpretation[];
  requestAttributes?: Record<string, string>;
  /** The classifier's best score this turn, when it classified. */
  topScore?: number;
  hookCalls: HookCall[];
}

/**
 * The request attribute that keeps the user in the current intent while a slot or a confirmation is asked
 * (Lex V2 docs, "Setting request attributes"): only the value DISABLE counts, and only for that request.
 */
export const INTENT_SWITCH_ATTRIBUTE = 'x-amz-lex:intent-switch';

/**
 * The Lex V2 dialog manager (spec lex-v2.md §3): slot elicitation in priority order with retries,
 * confirmation, fulfillment, code hooks, fallback. One instance per bot locale; one call per user turn.
 * The session object is mutated in place; the caller persists it.
 */
export class DialogEngine {
  constructor(private readonly bundle: LocaleBundle) {}

  async runTurn(session: DialogSession, input: TurnInput, nowMs: number): Promise<TurnResult> {
    const turn = new Turn(this.bundle, session, input, nowMs);
    const contexts = expireContexts(session, nowMs);
    const action = session.state.dialogAction;
    const intent = session.state.intent;
    if (action?.type === 'ElicitSlot' && action.slotToElicit && intent && isOpen(intent)) {
      await turn.answerSlot(intent, action.slotToElicit, contexts);
    } else if (action?.type === 'ConfirmIntent' && intent && isOpen(intent)) {
      await turn.answerConfirmation(intent, contexts);
    } else {
      await turn.classifyAndStart(contexts);
    }
    session.state.originatingRequestId = randomUUID();
    session.turnCount += 1;
    return turn.result();
  }
}

function isOpen(intent: WireIntent): boolean {
  return intent.state !== 'Fulfilled' && intent.state !== 'Failed';
}

/** Drops contexts past their turns or seconds, counts this turn against the rest, returns the live names. */
function expireContexts(session: DialogSession, nowMs: number): Set<string> {
  const live = (session.state.activeContexts ?? []).filter((context) => {
    const lifetime = session.contextLifetimes[context.name];
    return lifetime !== undefined && lifetime.turnsLeft > 0 && lifetime.expiresAtMs > nowMs;
  });
  session.state.activeContexts = live;
  for (const name of Object.keys(session.contextLifetimes)) {
    if (!live.some((c) => c.name === name)) delete session.contextLifetimes[name];
  }
  for (const context of live) {
    const lifetime = session.contextLifetimes[context.name];
    if (lifetime) lifetime.turnsLeft -= 1;
  }
  return new Set(live.map((c) => c.name));
}

class Turn {
  private readonly messages: WireMessage[] = [];
  private interpretations: WireInterpretation[] = [];
  private responseRequestAttributes: Record<string, string> | undefined;
  private topScore: number | undefined;
  private readonly hookCalls: HookCall[] = [];
  private readonly definition: LocaleDefinition;

  constructor(
    private readonly bundle: LocaleBundle,
    private readonly session: DialogSession,
    private readonly input: TurnInput,
    private readonly nowMs: number,
  ) {
    this.definition = bundle.definition;
    this.responseRequestAttributes = input.requestAttributes;
  }

  result(): TurnResult {
    return {
      messages: this.messages,
      interpretations: this.interpretations,
      ...(this.responseRequestAttributes ? { requestAttributes: this.responseRequestAttributes } : {}),
      ...(this.topScore !== undefined ? { topScore: this.topScore } : {}),
      hookCalls: this.hookCalls,
    };
  }

  // ---- entry points, one per kind of user turn ----

  async classifyAndStart(contexts: ReadonlySet<string>): Promise<void> {
    const candidates = this.classify(contexts);
    const top = candidates[0];
    if (top && top.score >= this.definition.threshold) {
      await this.startIntent(top.intentName, top.slots);
    } else {
      await this.startFallback();
    }
  }

  async answerSlot(intent: WireIntent, slotName: string, contexts: ReadonlySet<string>): Promise<void> {
    const slot = this.definition.slot(intent.name, slotName);
    if (!slot) {
      await this.classifyAndStart(contexts);
      return;
    }
    const value = this.bundle.classifier.fillSlot(intent.name, slotName, this.input.text);
    if (value && (await this.switchIfValueIsInAnotherRequest(intent, value, contexts))) return;
    if (value) {
      intent.slots = this.definition.completeSlots(intent.name, intent.slots);
      intent.slots[slotName] = toWireSlot(value);
      this.fillOtherSlotsFromUtterance(intent, slotName);
      this.session.retry = undefined;
      this.interpretations = this.currentIntentInterpretations(intent);
      await this.continueIntent(intent);
      return;
    }
    if (
      slot.SlotTypeName !== 'AMAZON.FreeFormInput' &&
      (await this.switchIntentIfClearlyAsked(intent, contexts))
    ) {
      return;
    }
    this.interpretations = this.currentIntentInterpretations(intent);
    const failures = this.countFailure(intent.name, `slot:${slotName}`);
    const maxRetries = slot.ValueElicitationSetting.PromptSpecification?.MaxRetries ?? 0;
    if (failures > maxRetries) {
      await this.failSlotCapture(intent, slotName);
      return;
    }
    await this.continueIntent(intent, retryAttempt(failures));
  }

  async answerConfirmation(intent: WireIntent, contexts: ReadonlySet<string>): Promise<void> {
    const answer = this.bundle.confirmation.resolve(this.input.text)?.interpretedValue;
    if (answer === 'Yes' || answer === 'No') {
      intent.confirmationState = answer === 'Yes' ? 'Confirmed' : 'Denied';
      this.session.retry = undefined;
      this.interpretations = this.currentIntentInterpretations(intent);
      await this.continueIntent(intent);
      return;
    }
    if (await this.switchIntentIfClearlyAsked(intent, contexts)) return;
    this.interpretations = this.currentIntentInterpretations(intent);
    const setting = this.definition.intent(intent.name)?.IntentConfirmationSetting;
    const failures = this.countFailure(intent.name, 'confirmation');
    if (failures > (setting?.PromptSpecification.MaxRetries ?? 0)) {
      this.session.retry = undefined;
      this.say(setting?.FailureResponse, intent.slots);
      await this.startFallback();
      return;
    }
    // With the confirmation's elicitation code hook, the hook sees the answer first (and may take it as a
    // correction); Delegate then plays the retry prompt, with any values it changed.
    if (this.definition.confirmationRetryHookEnabled(intent.name) && this.bundle.codeHook) {
      await this.continueIntent(intent, retryAttempt(failures));
      return;
    }
    this.confirmIntent(intent, undefined, retryAttempt(failures));
  }

  // ---- classification ----

  private classify(contexts: ReadonlySet<string>): IntentCandidate[] {
    const candidates = this.bundle.classifier.classify(this.input.text, {
      eligibleIntents: this.definition.eligibleIntents(contexts),
    });
    this.topScore = candidates[0]?.score;
    this.interpretations = this.interpretationsFor(candidates);
    return candidates;
  }

  /** Lex lists up to five interpretations; FallbackIntent goes first when nothing reaches the threshold. */
  private interpretationsFor(candidates: IntentCandidate[]): WireInterpretation[] {
    const scored: WireInterpretation[] = candidates.slice(0, 4).map((candidate) => ({
      intent: {
        name: candidate.intentName,
        slots: this.definition.completeSlots(
          candidate.intentName,
          Object.fromEntries(
            Object.entries(candidate.slots).map(([name, value]) => [name, toWireSlot(value)]),
          ),
        ),
        state: 'InProgress',
        confirmationState: 'None',
      },
      nluConfidence: { score: Math.round(candidate.score * 100) / 100 },
      interpretationSource: 'Lex',
    }));
    const fallback = this.definition.fallbackIntent();
    if (!fallback) return scored;
    const fallbackInterpretation: WireInterpretation = {
      intent: { name: fallback.Name, slots: {}, state: 'InProgress', confirmationState: 'None' },
      interpretationSource: 'Lex',
    };
    const top = candidates[0];
    return top && top.score >= this.definition.threshold
      ? [...scored, fallbackInterpretation]
      : [fallbackInterpretation, ...scored];
  }

  private currentIntentInterpretations(intent: WireIntent): WireInterpretation[] {
    const fallback = this.definition.fallbackIntent();
    const current: WireInterpretation = {
      intent: structuredClone(intent),
      nluConfidence: { score: 1 },
      interpretationSource: 'Lex',
    };
    if (!fallback || fallback.Name === intent.name) return [current];
    return [
      current,
      {
        intent: { name: fallback.Name, slots: {}, state: 'InProgress', confirmationState: 'None' },
        interpretationSource: 'Lex',
      },
    ];
  }

  /**
   * Lex V2 switches intents mid-dialog by default: an answer that is not the value asked for, but matches
   * another intent with enough confidence, starts that intent and the current one is left.
   */
  private async switchIntentIfClearlyAsked(
    intent: WireIntent,
    contexts: ReadonlySet<string>,
    minimumScore = this.definition.threshold,
  ): Promise<boolean> {
    if (this.input.requestAttributes?.[INTENT_SWITCH_ATTRIBUTE]?.toUpperCase() === 'DISABLE') return false;
    const candidates = this.bundle.classifier.classify(this.input.text, {
      eligibleIntents: this.definition.eligibleIntents(contexts),
    });
    const top = candidates[0];
    if (
      !top ||
      top.intentName === intent.name ||
      top.score < Math.max(minimumScore, this.definition.threshold)
    )
      return false;
    this.topScore = top.score;
    this.interpretations = this.interpretationsFor(candidates);
    await this.startIntent(top.intentName, top.slots);
    return true;
  }

  /**
   * A value for the slot asked can come inside a request of its own ("hold on, what time does Northgate close
   * on Saturday?" while a callback date is asked): when the words say at least two more things than the value
   * and another intent matches them clearly, Lex's model takes the request. A bare answer ("Saturday", "it's
   * 10002") always stays an answer.
   */
  private async switchIfValueIsInAnotherRequest(
    intent: WireIntent,
    value: SlotValue,
    contexts: ReadonlySet<string>,
  ): Promise<boolean> {
    const { classifier } = this.bundle;
    const beyondValue =
      classifier.contentWordCount(this.input.text) - classifier.contentWordCount(value.originalValue);
    if (beyondValue < MIN_WORDS_BEYOND_VALUE) return false;
    return this.switchIntentIfClearlyAsked(intent, contexts, CLEAR_REQUEST_SCORE);
  }

  /**
   * The values of the intent's slots that this turn's words spell out, filled before or not: Lex reports
   * them per transcription (`resolvedSlots`), which is how a code hook sees "actually, make it Friday" while
   * another slot is asked.
   */
  private slotsSpelledOut(intent: WireIntent): WireSlots {
    if (this.input.text.trim() === '') return {};
    const candidate = this.bundle.classifier
      .classify(this.input.text, { eligibleIntents: new Set([intent.name]) })
      .find((c) => c.intentName === intent.name);
    return Object.fromEntries(
      Object.entries(candidate?.slots ?? {}).map(([name, value]) => [name, toWireSlot(value)]),
    );
  }

  /** An answer to one prompt often carries other values too ("tomorrow at 3pm"); Lex keeps them. */
  private fillOtherSlotsFromUtterance(intent: WireIntent, elicited: string): void {
    const candidate = this.bundle.classifier
      .classify(this.input.text, { eligibleIntents: new Set([intent.name]) })
      .find((c) => c.intentName === intent.name);
    if (!candidate || !intent.slots) return;
    for (const [name, value] of Object.entries(candidate.slots)) {
      if (name !== elicited && !isFilled(intent.slots[name] ?? null)) intent.slots[name] = toWireSlot(value);
    }
  }

  private countFailure(intentName: string, target: string): number {
    const retry = this.session.retry;
    const failures =
      retry && retry.intentName === intentName && retry.target === target ? retry.failures + 1 : 1;
    this.session.retry = { intentName, target, failures };
    return failures;
  }

  // ---- intent lifecycle ----

  private async startIntent(name: string, extracted: Record<string, SlotValue>): Promise<void> {
    const slots = this.definition.completeSlots(
      name,
      Object.fromEntries(Object.entries(extracted).map(([slot, value]) => [slot, toWireSlot(value)])),
    );
    const intent: WireIntent = { name, state: 'InProgress', confirmationState: 'None', slots };
    this.applyDefaultValues(intent);
    this.session.state.intent = intent;
    this.session.retry = undefined;
    await this.continueIntent(intent);
  }

  private async startFallback(): Promise<void> {
    const fallback = this.definition.fallbackIntent();
    if (!fallback) {
      throw new LexServiceError(
        'BadGatewayException',
        `Locale ${this.definition.localeId} has no intent with ParentIntentSignature AMAZON.FallbackIntent`,
      );
    }
    await this.startIntent(fallback.Name, {});
  }

  /** DefaultValueSpecification sources, first that yields a value wins: `#context.attr`, `[sessionAttr]`, literal. */
  private applyDefaultValues(intent: WireIntent): void {
    for (const slot of this.definition.intent(intent.name)?.Slots ?? []) {
      if (isFilled(intent.slots?.[slot.Name] ?? null)) continue;
      for (const { DefaultValue } of slot.ValueElicitationSetting.DefaultValueSpecification
        ?.DefaultValueList ?? []) {
        const value = this.defaultValue(DefaultValue);
        if (value !== undefined && intent.slots) {
          intent.slots[slot.Name] = toWireSlot({
            originalValue: value,
            interpretedValue: value,
            resolvedValues: [],
          });
          break;
        }
      }
    }
  }

  private defaultValue(source: string): string | undefined {
    const context = /^#([^.]+)\.(.+)$/.exec(source);
    if (context) {
      return this.session.state.activeContexts?.find((c) => c.name === context[1])?.contextAttributes[
        context[2] ?? ''
      ];
    }
    const attribute = /^\[(.+)\]$/.exec(source);
    if (attribute) return this.session.state.sessionAttributes?.[attribute[1] ?? ''];
    return source;
  }

  /** After any change to the intent: let the dialog hook steer if enabled, else follow the bot definition. */
  private async continueIntent(intent: WireIntent, attempt: PromptAttempt = 'Initial'): Promise<void> {
    if (this.definition.dialogHookEnabled(intent.name) && this.bundle.codeHook) {
      const response = await this.invokeHook('DialogCodeHook', intent, attempt);
      await this.applyHookResponse(response, 'DialogCodeHook', attempt);
      return;
    }
    await this.nextStep(intent, attempt);
  }

  /** The step the bot definition prescribes (spec §3.1 step 6). */
  private async nextStep(
    intent: WireIntent,
    attempt: PromptAttempt,
    lead: WireMessage[] = [],
  ): Promise<void> {
    this.messages.push(...lead);
    const slot = this.definition.nextSlotToElicit(intent);
    if (slot) {
      this.elicitSlot(intent, slot.Name, undefined, attempt);
      return;
    }
    if (intent.confirmationState === 'Denied') {
      this.decline(intent);
      return;
    }
    if (this.definition.confirmationActive(intent.name) && intent.confirmationState !== 'Confirmed') {
      this.confirmIntent(intent, undefined, attempt);
      return;
    }
    await this.fulfil(intent);
  }

  private elicitSlot(
    intent: WireIntent,
    slotName: string,
    messages: WireMessage[] | undefined,
    attempt: PromptAttempt,
  ): void {
    intent.state = 'InProgress';
    this.setDialogAction({ type: 'ElicitSlot', slotToElicit: slotName }, intent);
    if (this.session.retry?.target !== `slot:${slotName}` || this.session.retry.intentName !== intent.name) {
      this.session.retry = undefined;
    }
    if (messages?.length) {
      this.messages.push(...messages);
      return;
    }
    const prompt = this.definition.slot(intent.name, slotName)?.ValueElicitationSetting.PromptSpecification;
    if (prompt)
      this.sayPrompt(prompt.MessageGroupsList, prompt.MessageSelectionStrategy, attempt, intent.slots);
  }

  private confirmIntent(
    intent: WireIntent,
    messages: WireMessage[] | undefined,
    attempt: PromptAttempt,
  ): void {
    intent.state = 'InProgress';
    intent.confirmationState = 'None';
    this.setDialogAction({ type: 'ConfirmIntent' }, intent);
    if (messages?.length) {
      this.messages.push(...messages);
      return;
    }
    const prompt = this.definition.intent(intent.name)?.IntentConfirmationSetting?.PromptSpecification;
    if (prompt)
      this.sayPrompt(prompt.MessageGroupsList, prompt.MessageSelectionStrategy, attempt, intent.slots);
  }

  private decline(intent: WireIntent): void {
    intent.state = 'Failed';
    this.say(
      this.definition.intent(intent.name)?.IntentConfirmationSetting?.DeclinationResponse,
      intent.slots,
    );
    this.close(intent);
  }

  private async fulfil(intent: WireIntent): Promise<void> {
    intent.state = 'ReadyForFulfillment';
    const hookSettings = this.definition.intent(intent.name)?.FulfillmentCodeHook;
    const post = hookSettings?.PostFulfillmentStatusSpecification;
    if (!this.definition.fulfillmentHookActive(intent.name) || !this.bundle.codeHook) {
      intent.state = 'Fulfilled';
      this.closeWithConfiguredResponses(intent);
      return;
    }
    const outcome = await this.callHook('FulfillmentCodeHook', intent);
    if (outcome.kind === 'timedOut' && post?.TimeoutResponse) {
      intent.state = 'Failed';
      this.say(post.TimeoutResponse, intent.slots);
      this.close(intent);
      return;
    }
    if (outcome.kind === 'threw' && post?.FailureResponse) {
      intent.state = 'Failed';
      this.say(post.FailureResponse, intent.slots);
      this.close(intent);
      return;
    }
    await this.applyHookResponse(this.acceptHookOutcome(outcome), 'FulfillmentCodeHook', 'Initial');
  }

  private closeWithConfiguredResponses(intent: WireIntent): void {
    const definition = this.definition.intent(intent.name);
    const post = definition?.FulfillmentCodeHook?.PostFulfillmentStatusSpecification;
    if (intent.state === 'Fulfilled') {
      this.say(post?.SuccessResponse, intent.slots);
      const closing = definition?.IntentClosingSetting;
      if (closing && closing.IsActive !== false) this.say(closing.ClosingResponse, intent.slots);
    } else if (intent.state === 'Failed') {
      this.say(post?.FailureResponse, intent.slots);
    }
    this.close(intent);
  }

  private close(intent: WireIntent): void {
    this.setDialogAction({ type: 'Close' }, intent);
    this.session.retry = undefined;
    if (intent.state === 'Fulfilled') this.activateOutputContexts(intent);
  }

  private async failSlotCapture(intent: WireIntent, slotName: string): Promise<void> {
    this.session.retry = undefined;
    const capture = this.definition.slot(intent.name, slotName)?.ValueElicitationSetting.SlotCaptureSetting;
    if (capture?.FailureResponse) {
      this.say(capture.FailureResponse, intent.slots);
      intent.state = 'Failed';
      this.close(intent);
      return;
    }
    await this.startFallback();
  }

  private activateOutputContexts(intent: WireIntent): void {
    const outputs = this.definition.intent(intent.name)?.OutputContexts ?? [];
    if (outputs.length === 0) return;
    const attributes: Record<string, string> = {};
    for (const [name, slot] of Object.entries(intent.slots ?? {})) {
      const value = slot?.value?.interpretedValue;
      if (value) attributes[name] = value;
    }
    const contexts = (this.session.state.activeContexts ?? []).filter(
      (c) => !outputs.some((o) => o.Name === c.name),
    );
    for (const output of outputs) {
      contexts.push({
        name: output.Name,
        timeToLive: { timeToLiveInSeconds: output.TimeToLiveInSeconds, turnsToLive: output.TurnsToLive },
        contextAttributes: attributes,
      });
      this.session.contextLifetimes[output.Name] = {
        turnsLeft: output.TurnsToLive,
        expiresAtMs: this.nowMs + output.TimeToLiveInSeconds * 1000,
      };
    }
    this.session.state.activeContexts = contexts;
  }

  private setDialogAction(action: WireDialogAction, intent: WireIntent | undefined): void {
    this.session.state.dialogAction = action;
    this.session.state.intent = intent;
  }

  // ---- code hook ----

  private async invokeHook(
    source: HookCall['source'],
    intent: WireIntent,
    attempt: PromptAttempt,
  ): Promise<HookResponse> {
    return this.acceptHookOutcome(await this.callHook(source, intent, attempt));
  }

  private async callHook(source: HookCall['source'], intent: WireIntent, attempt: PromptAttempt = 'Initial') {
    const hook = this.bundle.codeHook;
    if (!hook) throw new Error('callHook without a code hook binding');
    const event = this.buildEvent(source, intent, attempt);
    const outcome = await invokeFunction(hook.fn, event, {
      timeoutMs: hook.timeoutMs,
      functionName: hook.functionName,
    });
    const call: HookCall = {
      source,
      intent: intent.name,
      durationMs: outcome.durationMs,
      outcome: 'ok',
      event,
      ...(outcome.kind === 'returned' ? { response: outcome.value } : {}),
    };
    this.hookCalls.push(call);
    if (outcome.kind === 'threw') call.outcome = 'error';
    if (outcome.kind === 'timedOut') call.outcome = 'timeout';
    if (outcome.kind === 'returned' && !checkHookResponse(outcome.value, this.definition.locale).ok) {
      call.outcome = 'invalid';
    }
    return outcome;
  }

  private acceptHookOutcome(outcome: Awaited<ReturnType<Turn['callHook']>>): HookResponse {
    const hook = this.bundle.codeHook;
    if (outcome.kind === 'timedOut') {
      throw new LexServiceError(
        'DependencyFailedException',
        `Invalid Lambda Response: Lambda function ${hook?.functionName} timed out after ${hook?.timeoutMs} ms`,
      );
    }
    if (outcome.kind === 'threw') {
      const reason =
        outcome.error instanceof Error
          ? `${outcome.error.name}: ${outcome.error.message}`
          : String(outcome.error);
      throw new LexServiceError(
        'DependencyFailedException',
        `Invalid Lambda Response: Received error response from Lambda: Unhandled (${reason})`,
      );
    }
    const check = checkHookResponse(outcome.value, this.definition.locale);
    if (!check.ok) {
      throw new LexServiceError(
        'DependencyFailedException',
        `Invalid Lambda Response: Received invalid response from Lambda: ${check.reason}`,
      );
    }
    return check.response;
  }

  private buildEvent(
    source: HookCall['source'],
    intent: WireIntent,
    attempt: PromptAttempt,
  ): Record<string, unknown> {
    const state = this.session.state;
    const eventIntent = {
      ...structuredClone(intent),
      slots: this.definition.completeSlots(intent.name, intent.slots),
    };
    const proposed = source === 'DialogCodeHook' ? this.proposedNextState(eventIntent, attempt) : undefined;
    return {
      messageVersion: '1.0',
      invocationSource: source,
      inputMode: this.input.inputMode,
      responseContentType: this.input.responseContentType,
      sessionId: this.session.sessionId,
      inputTranscript: this.input.text,
      bot: {
        id: this.bundle.botId,
        name: this.bundle.botName,
        aliasId: this.input.alias.id,
        aliasName: this.input.alias.name,
        localeId: this.definition.localeId,
        version: 'DRAFT',
      },
      interpretations: this.interpretations.map((interpretation) => ({
        intent: interpretation.intent,
        ...(interpretation.nluConfidence ? { nluConfidence: interpretation.nluConfidence.score } : {}),
        interpretationSource: interpretation.interpretationSource ?? 'Lex',
      })),
      ...(proposed ? { proposedNextState: proposed } : {}),
      requestAttributes: this.input.requestAttributes ?? {},
      sessionState: {
        sessionAttributes: { ...(state.sessionAttributes ?? {}) },
        activeContexts: structuredClone(state.activeContexts ?? []),
        intent: eventIntent,
        ...(state.originatingRequestId ? { originatingRequestId: state.originatingRequestId } : {}),
      },
      transcriptions: [
        {
          transcription: this.input.text,
          transcriptionConfidence: this.input.transcriptionConfidence ?? 1,
          resolvedContext: { intent: intent.name },
          resolvedSlots: this.slotsSpelledOut(intent),
        },
      ],
    };
  }

  private proposedNextState(intent: WireIntent, attempt: PromptAttempt) {
    const slot = this.definition.nextSlotToElicit(intent);
    if (slot) {
      return { dialogAction: { type: 'ElicitSlot', slotToElicit: slot.Name }, intent, prompt: { attempt } };
    }
    if (this.definition.confirmationActive(intent.name) && intent.confirmationState === 'None') {
      return { dialogAction: { type: 'ConfirmIntent' }, intent, prompt: { attempt } };
    }
    return undefined;
  }

  private async applyHookResponse(
    response: HookResponse,
    source: HookCall['source'],
    attempt: PromptAttempt,
  ): Promise<void> {
    const { sessionState } = response;
    if (sessionState.sessionAttributes)
      this.session.state.sessionAttributes = { ...sessionState.sessionAttributes };
    if (sessionState.activeContexts) this.replaceActiveContexts(sessionState.activeContexts);
    if (response.requestAttributes) this.responseRequestAttributes = response.requestAttributes;
    const intent = this.mergeHookIntent(sessionState.intent);
    const messages = response.messages;
    switch (sessionState.dialogAction.type) {
      case 'Close':
        if (!intent) return;
        if (intent.state === 'InProgress' || intent.state === 'ReadyForFulfillment' || !intent.state) {
          intent.state = source === 'FulfillmentCodeHook' ? 'Fulfilled' : (intent.state ?? 'InProgress');
        }
        if (messages?.length) {
          this.messages.push(...messages);
          this.close(intent);
        } else {
          this.closeWithConfiguredResponses(intent);
        }
        return;
      case 'ConfirmIntent':
        if (intent) this.confirmIntent(intent, messages, attempt);
        return;
      case 'ElicitSlot':
        if (intent && sessionState.dialogAction.slotToElicit) {
          this.elicitSlot(intent, sessionState.dialogAction.slotToElicit, messages, attempt);
        }
        return;
      case 'ElicitIntent':
        this.messages.push(...(messages ?? []));
        this.session.retry = undefined;
        this.setDialogAction({ type: 'ElicitIntent' }, undefined);
        return;
      case 'Delegate': {
        const current = intent ?? this.session.state.intent;
        if (!current) return;
        if (source === 'FulfillmentCodeHook') {
          current.state = current.state === 'Failed' ? 'Failed' : 'Fulfilled';
          this.messages.push(...(messages ?? []));
          this.closeWithConfiguredResponses(current);
          return;
        }
        if (current.state === 'ReadyForFulfillment') {
          this.messages.push(...(messages ?? []));
          await this.fulfil(current);
          return;
        }
        await this.nextStep(current, attempt, messages ?? []);
        return;
      }
    }
  }

  /** A hook may change slots, states, or switch to another intent altogether. */
  private mergeHookIntent(returned: WireIntent | undefined): WireIntent | undefined {
    if (!returned) return this.session.state.intent;
    const current = this.session.state.intent;
    const merged: WireIntent = {
      name: returned.name,
      state: returned.state ?? 'InProgress',
      confirmationState:
        returned.confirmationState ??
        (current?.name === returned.name ? current.confirmationState : 'None') ??
        'None',
      slots: this.definition.completeSlots(
        returned.name,
        returned.slots ?? (current?.name === returned.name ? current.slots : undefined),
      ),
    };
    this.session.state.intent = merged;
    return merged;
  }

  private replaceActiveContexts(contexts: WireActiveContext[]): void {
    this.session.state.activeContexts = structuredClone(contexts);
    this.session.contextLifetimes = {};
    for (const context of contexts) {
      this.session.contextLifetimes[context.name] = {
        turnsLeft: context.timeToLive.turnsToLive,
        expiresAtMs: this.nowMs + context.timeToLive.timeToLiveInSeconds * 1000,
      };
    }
  }

  // ---- messages ----

  private say(response: ResponseSpecification | undefined, slots: WireSlots | undefined): void {
    if (!response) return;
    this.sayPrompt(response.MessageGroupsList, undefined, 'Initial', slots);
  }

  private sayPrompt(
    groups: ResponseSpecification['MessageGroupsList'],
    strategy: 'Random' | 'Ordered' | undefined,
    attempt: PromptAttempt,
    slots: WireSlots | undefined,
  ): void {
    const attemptIndex = attempt === 'Initial' ? 0 : Number(attempt.slice(5));
    const seed =
      strategy === 'Ordered'
        ? attemptIndex
        : this.session.turnCount * 7919 + seedOf(this.session.sessionId) + attemptIndex;
    this.messages.push(
      ...renderMessageGroups(groups, strategy, seed, {
        slots: slots ?? {},
        sessionAttributes: this.session.state.sessionAttributes ?? {},
      }),
    );
  }
}

function retryAttempt(failures: number): PromptAttempt {
  return `Retry${Math.min(Math.max(failures, 1), 5)}` as PromptAttempt;
}

function toWireSlot(value: SlotValue): WireSlots[string] {
  return {
    shape: 'Scalar',
    value: {
      originalValue: value.originalValue,
      interpretedValue: value.interpretedValue,
      resolvedValues: value.resolvedValues,
    },
  };
}

function seedOf(text: string): number {
  let hash = 0;
  for (let i = 0; i < text.length; i += 1) hash = (Math.imul(hash, 31) + text.charCodeAt(i)) >>> 0;
  return hash;
}
