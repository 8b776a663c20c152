import type { PromptAttempt } from '../../../bot-definitions/loader/schema';
import type { IntentCandidate } from '../nlu/types';
import type { SlotValue } from '../slots/types';
import { LexServiceError } from '../runtime/types';
import { replaceActiveContexts } from './contexts';
import { applyDefaultValues } from './default-values';
import type { LocaleBundle, TurnInput, TurnResult } from './engine';
import { hookEvent } from './hook-event';
import {
  exchangeWithHook,
  hookResponseOrFail,
  type HookCall,
  type HookOutcome,
  type HookSource,
} from './hook-exchange';
import type { HookResponse } from './hook-response';
import { isFilled, type LocaleDefinition } from './intent-definitions';
import {
  CLEAR_REQUEST_SCORE,
  namesValuesOfItsOwn,
  clearlyAskedIntent,
  saysMoreThanTheValue,
  type SwitchQuestion,
} from './intent-switch';
import {
  classifiedInterpretations,
  currentIntentInterpretations,
  toWireSlot,
  toWireSlots,
} from './interpretations';
import { TurnReply } from './turn-reply';
import type { DialogSession, WireIntent, WireInterpretation, WireMessage, WireSlots } from './state';

/**
 * One user turn through Lex's dialog state machine (spec lex-v2.md §3): slot elicitation in priority order
 * with retries, confirmation, fulfillment, the code hook's steering, fallback. It mutates the session and
 * collects the reply.
 */
export class DialogTurn {
  private readonly reply: TurnReply;
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
    this.reply = new TurnReply(bundle.definition, session, nowMs);
    this.responseRequestAttributes = input.requestAttributes;
  }

  result(): TurnResult {
    return {
      messages: this.reply.messages,
      interpretations: this.interpretations,
      ...(this.responseRequestAttributes ? { requestAttributes: this.responseRequestAttributes } : {}),
      ...(this.topScore !== undefined ? { topScore: this.topScore } : {}),
      hookCalls: this.hookCalls,
    };
  }

  // ---- entry points, one per kind of user turn ----

  async classifyAndStart(contexts: ReadonlySet<string>): Promise<void> {
    const candidates = this.bundle.classifier.classify(this.input.text, {
      eligibleIntents: this.definition.eligibleIntents(contexts),
    });
    this.interpretAs(candidates);
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
      this.interpretations = currentIntentInterpretations(this.definition, intent);
      await this.continueIntent(intent);
      return;
    }
    if (
      slot.SlotTypeName !== 'AMAZON.FreeFormInput' &&
      (await this.switchIntentIfClearlyAsked(intent, contexts))
    ) {
      return;
    }
    this.interpretations = currentIntentInterpretations(this.definition, intent);
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
      this.interpretations = currentIntentInterpretations(this.definition, intent);
      await this.continueIntent(intent);
      return;
    }
    // "Better make it Friday, same time" changes a value of the intent being confirmed.
    const ours = Object.values(this.valuesSpelledOut(intent.name) ?? {});
    const switched =
      ours.length > 0
        ? await this.switchUnlessTheValuesAreOurs(intent, contexts, ours)
        : await this.switchIntentIfClearlyAsked(intent, contexts);
    if (switched) return;
    this.interpretations = currentIntentInterpretations(this.definition, intent);
    const setting = this.definition.intent(intent.name)?.IntentConfirmationSetting;
    const failures = this.countFailure(intent.name, 'confirmation');
    if (failures > (setting?.PromptSpecification.MaxRetries ?? 0)) {
      this.session.retry = undefined;
      this.reply.say(setting?.FailureResponse, intent.slots);
      await this.startFallback();
      return;
    }
    // With the confirmation's elicitation code hook, the hook sees the answer first (and may take it as a
    // correction); Delegate then plays the retry prompt, with any values it changed.
    if (this.definition.confirmationRetryHookEnabled(intent.name) && this.bundle.codeHook) {
      await this.continueIntent(intent, retryAttempt(failures));
      return;
    }
    this.reply.confirmIntent(intent, undefined, retryAttempt(failures));
  }

  // ---- reading the turn's words ----

  private interpretAs(candidates: IntentCandidate[]): void {
    this.topScore = candidates[0]?.score;
    this.interpretations = classifiedInterpretations(this.definition, candidates);
  }

  private async switchIntentIfClearlyAsked(
    intent: WireIntent,
    contexts: ReadonlySet<string>,
    minimumScore?: SwitchQuestion['minimumScore'],
  ): Promise<boolean> {
    const asked = clearlyAskedIntent({
      classifier: this.bundle.classifier,
      definition: this.definition,
      text: this.input.text,
      requestAttributes: this.input.requestAttributes,
      intentName: intent.name,
      contexts,
      ...(minimumScore !== undefined ? { minimumScore } : {}),
    });
    if (!asked) return false;
    this.interpretAs(asked.candidates);
    await this.startIntent(asked.top.intentName, asked.top.slots);
    return true;
  }

  private async switchIfValueIsInAnotherRequest(
    intent: WireIntent,
    value: SlotValue,
    contexts: ReadonlySet<string>,
  ): Promise<boolean> {
    if (!saysMoreThanTheValue(this.bundle.classifier, this.input.text, value)) return false;
    return this.switchUnlessTheValuesAreOurs(intent, contexts, [value]);
  }

  /**
   * Switches at the threshold when another intent names values of its own, and only on a clear request
   * (CLEAR_REQUEST_SCORE) when the words give nothing the intent under way does not take.
   */
  private async switchUnlessTheValuesAreOurs(
    intent: WireIntent,
    contexts: ReadonlySet<string>,
    ours: readonly SlotValue[],
  ): Promise<boolean> {
    return this.switchIntentIfClearlyAsked(intent, contexts, (top) =>
      namesValuesOfItsOwn(top, ours) ? undefined : CLEAR_REQUEST_SCORE,
    );
  }

  /** The values this turn's words give the intent's slots, whatever slot was asked. */
  private valuesSpelledOut(intentName: string): Record<string, SlotValue> | undefined {
    return this.bundle.classifier
      .classify(this.input.text, { eligibleIntents: new Set([intentName]) })
      .find((c) => c.intentName === intentName)?.slots;
  }

  /**
   * The values of the intent's slots that this turn's words spell out, filled before or not: Lex reports
   * them per transcription (`resolvedSlots`), which is how a code hook sees "actually, make it Friday" while
   * another slot is asked.
   */
  private slotsSpelledOut(intent: WireIntent): WireSlots {
    if (this.input.text.trim() === '') return {};
    return toWireSlots(this.valuesSpelledOut(intent.name) ?? {});
  }

  /** An answer to one prompt often carries other values too ("tomorrow at 3pm"); Lex keeps them. */
  private fillOtherSlotsFromUtterance(intent: WireIntent, elicited: string): void {
    const values = this.valuesSpelledOut(intent.name);
    if (!values || !intent.slots) return;
    for (const [name, value] of Object.entries(values)) {
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
    const slots = this.definition.completeSlots(name, toWireSlots(extracted));
    const intent: WireIntent = { name, state: 'InProgress', confirmationState: 'None', slots };
    applyDefaultValues(this.definition, intent, this.session.state);
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

  /** After any change to the intent: let the dialog hook steer if enabled, else follow the bot definition. */
  private async continueIntent(intent: WireIntent, attempt: PromptAttempt = 'Initial'): Promise<void> {
    const hook = this.bundle.codeHook;
    if (this.definition.dialogHookEnabled(intent.name) && hook) {
      const outcome = await this.callHook('DialogCodeHook', intent, attempt);
      await this.applyHookResponse(hookResponseOrFail(outcome, hook), 'DialogCodeHook', attempt);
      return;
    }
    await this.nextStep(intent, attempt);
  }

  /** The step the bot definition prescribes (docs/lex-emulator.md, "One turn", 6). */
  private async nextStep(
    intent: WireIntent,
    attempt: PromptAttempt,
    lead: WireMessage[] = [],
  ): Promise<void> {
    this.reply.add(lead);
    const slot = this.definition.nextSlotToElicit(intent);
    if (slot) {
      this.reply.elicitSlot(intent, slot.Name, undefined, attempt);
      return;
    }
    if (intent.confirmationState === 'Denied') {
      this.reply.decline(intent);
      return;
    }
    if (this.definition.confirmationActive(intent.name) && intent.confirmationState !== 'Confirmed') {
      this.reply.confirmIntent(intent, undefined, attempt);
      return;
    }
    await this.fulfil(intent);
  }

  private async fulfil(intent: WireIntent): Promise<void> {
    intent.state = 'ReadyForFulfillment';
    const hookSettings = this.definition.intent(intent.name)?.FulfillmentCodeHook;
    const post = hookSettings?.PostFulfillmentStatusSpecification;
    const hook = this.bundle.codeHook;
    if (!this.definition.fulfillmentHookActive(intent.name) || !hook) {
      intent.state = 'Fulfilled';
      this.reply.closeWithConfiguredResponses(intent);
      return;
    }
    const outcome = await this.callHook('FulfillmentCodeHook', intent);
    if (outcome.kind === 'timedOut' && post?.TimeoutResponse) {
      intent.state = 'Failed';
      this.reply.say(post.TimeoutResponse, intent.slots);
      this.reply.close(intent);
      return;
    }
    if (outcome.kind === 'threw' && post?.FailureResponse) {
      intent.state = 'Failed';
      this.reply.say(post.FailureResponse, intent.slots);
      this.reply.close(intent);
      return;
    }
    await this.applyHookResponse(hookResponseOrFail(outcome, hook), 'FulfillmentCodeHook', 'Initial');
  }

  private async failSlotCapture(intent: WireIntent, slotName: string): Promise<void> {
    this.session.retry = undefined;
    const capture = this.definition.slot(intent.name, slotName)?.ValueElicitationSetting.SlotCaptureSetting;
    if (capture?.FailureResponse) {
      this.reply.say(capture.FailureResponse, intent.slots);
      intent.state = 'Failed';
      this.reply.close(intent);
      return;
    }
    await this.startFallback();
  }

  // ---- the code hook's part ----

  private async callHook(
    source: HookSource,
    intent: WireIntent,
    attempt: PromptAttempt = 'Initial',
  ): Promise<HookOutcome> {
    const hook = this.bundle.codeHook;
    if (!hook) throw new Error('callHook without a code hook binding');
    const event = hookEvent({
      source,
      intent,
      attempt,
      bundle: this.bundle,
      session: this.session,
      input: this.input,
      interpretations: this.interpretations,
      resolvedSlots: this.slotsSpelledOut(intent),
    });
    const { outcome, call } = await exchangeWithHook(
      hook,
      event,
      source,
      intent.name,
      this.definition.locale,
    );
    this.hookCalls.push(call);
    return outcome;
  }

  private async applyHookResponse(
    response: HookResponse,
    source: HookSource,
    attempt: PromptAttempt,
  ): Promise<void> {
    const { sessionState } = response;
    if (sessionState.sessionAttributes)
      this.session.state.sessionAttributes = { ...sessionState.sessionAttributes };
    if (sessionState.activeContexts)
      replaceActiveContexts(this.session, sessionState.activeContexts, this.nowMs);
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
          this.reply.add(messages);
          this.reply.close(intent);
        } else {
          this.reply.closeWithConfiguredResponses(intent);
        }
        return;
      case 'ConfirmIntent':
        if (intent) this.reply.confirmIntent(intent, messages, attempt);
        return;
      case 'ElicitSlot':
        if (intent && sessionState.dialogAction.slotToElicit) {
          this.reply.elicitSlot(intent, sessionState.dialogAction.slotToElicit, messages, attempt);
        }
        return;
      case 'ElicitIntent':
        this.reply.elicitIntent(messages ?? []);
        return;
      case 'Delegate': {
        const current = intent ?? this.session.state.intent;
        if (!current) return;
        if (source === 'FulfillmentCodeHook') {
          current.state = current.state === 'Failed' ? 'Failed' : 'Fulfilled';
          this.reply.add(messages ?? []);
          this.reply.closeWithConfiguredResponses(current);
          return;
        }
        if (current.state === 'ReadyForFulfillment') {
          this.reply.add(messages ?? []);
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
}

function retryAttempt(failures: number): PromptAttempt {
  return `Retry${Math.min(Math.max(failures, 1), 5)}` as PromptAttempt;
}
