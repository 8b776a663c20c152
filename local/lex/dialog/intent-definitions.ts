import type { BotLocale, Intent, Slot } from '../../../bot-definitions/loader/schema';
import type { WireIntent, WireSlots } from './state';

export const FALLBACK_SIGNATURE = 'AMAZON.FallbackIntent';

/** Read-only questions the dialog engine asks about one locale's definition. */
export class LocaleDefinition {
  private readonly intents: Map<string, Intent>;

  constructor(readonly locale: BotLocale) {
    this.intents = new Map((locale.Intents ?? []).map((intent) => [intent.Name, intent]));
  }

  get localeId(): string {
    return this.locale.LocaleId;
  }

  get threshold(): number {
    return this.locale.NluConfidenceThreshold;
  }

  intent(name: string): Intent | undefined {
    return this.intents.get(name);
  }

  fallbackIntent(): Intent | undefined {
    return [...this.intents.values()].find((i) => i.ParentIntentSignature === FALLBACK_SIGNATURE);
  }

  isFallback(name: string): boolean {
    return this.intent(name)?.ParentIntentSignature === FALLBACK_SIGNATURE;
  }

  slot(intentName: string, slotName: string): Slot | undefined {
    return this.intent(intentName)?.Slots?.find((s) => s.Name === slotName);
  }

  /** Slots in the order Lex elicits them: ascending SlotPriorities, unlisted slots last. */
  slotsByPriority(intentName: string): Slot[] {
    const intent = this.intent(intentName);
    if (!intent) return [];
    const priority = new Map((intent.SlotPriorities ?? []).map((p) => [p.SlotName, p.Priority]));
    return [...(intent.Slots ?? [])].sort(
      (a, b) =>
        (priority.get(a.Name) ?? Number.MAX_SAFE_INTEGER) - (priority.get(b.Name) ?? Number.MAX_SAFE_INTEGER),
    );
  }

  /** Every declared slot present, unfilled ones as null, as Lex sends them. */
  completeSlots(intentName: string, slots: WireSlots | undefined): WireSlots {
    const complete: WireSlots = {};
    for (const slot of this.intent(intentName)?.Slots ?? []) complete[slot.Name] = slots?.[slot.Name] ?? null;
    return complete;
  }

  dialogHookEnabled(intentName: string): boolean {
    return this.intent(intentName)?.DialogCodeHook?.Enabled === true;
  }

  fulfillmentHookActive(intentName: string): boolean {
    const hook = this.intent(intentName)?.FulfillmentCodeHook;
    return hook?.Enabled === true && hook.IsActive !== false;
  }

  /** Whether an answer to the confirmation that is neither yes nor no goes to the dialog code hook. */
  confirmationRetryHookEnabled(intentName: string): boolean {
    const setting = this.intent(intentName)?.IntentConfirmationSetting;
    return (
      this.dialogHookEnabled(intentName) && setting?.ElicitationCodeHook?.EnableCodeHookInvocation === true
    );
  }

  confirmationActive(intentName: string): boolean {
    const setting = this.intent(intentName)?.IntentConfirmationSetting;
    return setting !== undefined && setting.IsActive !== false;
  }

  /** The first Required slot with no usable value. An ambiguous value (interpretedValue null) is not usable. */
  nextSlotToElicit(intent: WireIntent): Slot | undefined {
    return this.slotsByPriority(intent.name).find(
      (slot) =>
        slot.ValueElicitationSetting.SlotConstraint === 'Required' &&
        !isFilled(intent.slots?.[slot.Name] ?? null),
    );
  }

  /** Intents whose InputContexts are all active; undefined means no restriction applies. */
  eligibleIntents(activeContextNames: ReadonlySet<string>): Set<string> {
    const eligible = new Set<string>();
    for (const intent of this.intents.values()) {
      if ((intent.InputContexts ?? []).every((c) => activeContextNames.has(c.Name)))
        eligible.add(intent.Name);
    }
    return eligible;
  }
}

export function isFilled(slot: WireSlots[string]): boolean {
  return slot?.value?.interpretedValue !== undefined && slot.value.interpretedValue !== null;
}
