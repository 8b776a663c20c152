import type { Message, MessageGroup, PromptAttempt } from '../../../bot-definitions/loader/schema';
import type { DialogSession, WireMessage, WireSlots } from './state';

export interface PlaceholderValues {
  slots: WireSlots;
  sessionAttributes: Record<string, string>;
}

/**
 * Picks one message per group, as Lex does. `Random` uses a per-turn seed rather than Math.random so that a
 * replayed conversation (a test, a bug report) produces the same prompts.
 */
export function renderMessageGroups(
  groups: readonly MessageGroup[],
  strategy: 'Random' | 'Ordered' | undefined,
  seed: number,
  values: PlaceholderValues,
): WireMessage[] {
  return groups.map((group, index) => {
    const choices = [group.Message, ...(group.Variations ?? [])];
    const pick = strategy === 'Ordered' ? seed % choices.length : hash(seed, index) % choices.length;
    return toWireMessage(choices[pick] ?? group.Message, values);
  });
}

/**
 * A prompt's messages for one attempt. `Ordered` walks the variations attempt by attempt; `Random` mixes in
 * the session and its turn count, so a later turn may word it differently while a replay words it the same.
 */
export function promptMessages(
  groups: readonly MessageGroup[],
  strategy: 'Random' | 'Ordered' | undefined,
  attempt: PromptAttempt,
  session: Pick<DialogSession, 'sessionId' | 'turnCount' | 'state'>,
  slots: WireSlots | undefined,
): WireMessage[] {
  const attemptIndex = attempt === 'Initial' ? 0 : Number(attempt.slice(5));
  const seed =
    strategy === 'Ordered'
      ? attemptIndex
      : session.turnCount * 7919 + seedOf(session.sessionId) + attemptIndex;
  return renderMessageGroups(groups, strategy, seed, {
    slots: slots ?? {},
    sessionAttributes: session.state.sessionAttributes ?? {},
  });
}

function toWireMessage(message: Message, values: PlaceholderValues): WireMessage {
  if (message.PlainTextMessage) {
    return { contentType: 'PlainText', content: fillPlaceholders(message.PlainTextMessage.Value, values) };
  }
  if (message.SSMLMessage) {
    return { contentType: 'SSML', content: fillPlaceholders(message.SSMLMessage.Value, values) };
  }
  if (message.CustomPayload) {
    return { contentType: 'CustomPayload', content: fillPlaceholders(message.CustomPayload.Value, values) };
  }
  const card = message.ImageResponseCard;
  if (!card)
    throw new Error('a bot message has no content; the definition validator should have caught this');
  return {
    contentType: 'ImageResponseCard',
    imageResponseCard: {
      title: fillPlaceholders(card.Title, values),
      ...(card.Subtitle ? { subtitle: fillPlaceholders(card.Subtitle, values) } : {}),
      ...(card.ImageUrl ? { imageUrl: card.ImageUrl } : {}),
      ...(card.Buttons ? { buttons: card.Buttons.map((b) => ({ text: b.Text, value: b.Value })) } : {}),
    },
  };
}

/** `{Slot}` becomes the slot's interpreted value and `[attr]` a session attribute, as in Lex prompts. */
export function fillPlaceholders(template: string, values: PlaceholderValues): string {
  return template
    .replace(/\{([A-Za-z0-9_-]+)\}/g, (whole, name: string) => {
      const value = Object.hasOwn(values.slots, name) ? values.slots[name]?.value : undefined;
      return value?.interpretedValue ?? value?.originalValue ?? whole;
    })
    .replace(/\[([A-Za-z0-9_.:-]+)\]/g, (whole, name: string) =>
      Object.hasOwn(values.sessionAttributes, name) ? (values.sessionAttributes[name] ?? whole) : whole,
    );
}

function hash(seed: number, salt: number): number {
  let x = (seed * 2654435761 + salt * 40503) >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x45d9f3b) >>> 0;
  x ^= x >>> 16;
  return x >>> 0;
}

function seedOf(text: string): number {
  let hash = 0;
  for (let i = 0; i < text.length; i += 1) hash = (Math.imul(hash, 31) + text.charCodeAt(i)) >>> 0;
  return hash;
}
