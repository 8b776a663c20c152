import type { PromptAttempt, ResponseSpecification } from '../../../bot-definitions/loader/schema';
import { activateOutputContexts } from './contexts';
import type { LocaleDefinition } from './intent-definitions';
import { promptMessages } from './messages';
import type { DialogSession, WireDialogAction, WireIntent, WireMessage, WireSlots } from './state';

/**
 * How a turn ends: the next dialog action set on the session, with the messages that go with it (the hook's
 * when it gave some, else the bot definition's prompt for the attempt). Collects the turn's messages.
 */
export class TurnReply {
  readonly messages: WireMessage[] = [];

  constructor(
    private readonly definition: LocaleDefinition,
    private readonly session: DialogSession,
    private readonly nowMs: number,
  ) {}

  add(messages: readonly WireMessage[]): void {
    this.messages.push(...messages);
  }

  elicitSlot(
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

  confirmIntent(intent: WireIntent, messages: WireMessage[] | undefined, attempt: PromptAttempt): void {
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

  /** The user said no to the confirmation: the intent fails with its declination response. */
  decline(intent: WireIntent): void {
    intent.state = 'Failed';
    this.say(
      this.definition.intent(intent.name)?.IntentConfirmationSetting?.DeclinationResponse,
      intent.slots,
    );
    this.close(intent);
  }

  /** Closes with the responses the bot definition gives the intent's final state. */
  closeWithConfiguredResponses(intent: WireIntent): void {
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

  /** Closes with what was said already; a fulfilled intent sets its output contexts. */
  close(intent: WireIntent): void {
    this.setDialogAction({ type: 'Close' }, intent);
    this.session.retry = undefined;
    if (intent.state === 'Fulfilled') {
      const outputs = this.definition.intent(intent.name)?.OutputContexts ?? [];
      activateOutputContexts(this.session, outputs, intent.slots, this.nowMs);
    }
  }

  /** Leaves every intent and waits for a new request. */
  elicitIntent(messages: readonly WireMessage[]): void {
    this.messages.push(...messages);
    this.session.retry = undefined;
    this.setDialogAction({ type: 'ElicitIntent' }, undefined);
  }

  say(response: ResponseSpecification | undefined, slots: WireSlots | undefined): void {
    if (!response) return;
    this.sayPrompt(response.MessageGroupsList, undefined, 'Initial', slots);
  }

  private sayPrompt(
    groups: ResponseSpecification['MessageGroupsList'],
    strategy: 'Random' | 'Ordered' | undefined,
    attempt: PromptAttempt,
    slots: WireSlots | undefined,
  ): void {
    this.messages.push(...promptMessages(groups, strategy, attempt, this.session, slots));
  }

  private setDialogAction(action: WireDialogAction, intent: WireIntent | undefined): void {
    this.session.state.dialogAction = action;
    this.session.state.intent = intent;
  }
}
