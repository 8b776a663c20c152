import type { PathSegment } from '../problems';
import type { Intent } from '../schema';
import { forEachMapping } from './walk';

export interface TextAt {
  text: string;
  path: readonly PathSegment[];
}

const TEXT_MESSAGE_KINDS = ['PlainTextMessage', 'SSMLMessage'] as const;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Every message text of an intent into which Lex substitutes `{Slot}` values: plain text, SSML and response
 * card texts of all prompts and responses, found by walking the whole intent so that nested settings (slot
 * capture responses, code hook specifications) are not missed. CustomPayload is left out on purpose: it is
 * usually JSON, whose braces are not placeholders.
 */
export function messageTexts(intent: Intent, intentPath: readonly PathSegment[]): TextAt[] {
  const texts: TextAt[] = [];
  const add = (value: unknown, path: readonly PathSegment[]): void => {
    if (typeof value === 'string') texts.push({ text: value, path });
  };
  forEachMapping(intent, intentPath, (node, path) => {
    for (const kind of TEXT_MESSAGE_KINDS) {
      const message = node[kind];
      if (isRecord(message)) add(message.Value, [...path, kind, 'Value']);
    }
    const card = node.ImageResponseCard;
    if (!isRecord(card)) return;
    const cardPath = [...path, 'ImageResponseCard'];
    add(card.Title, [...cardPath, 'Title']);
    add(card.Subtitle, [...cardPath, 'Subtitle']);
    if (!Array.isArray(card.Buttons)) return;
    card.Buttons.forEach((button: unknown, index) => {
      if (!isRecord(button)) return;
      add(button.Text, [...cardPath, 'Buttons', index, 'Text']);
      add(button.Value, [...cardPath, 'Buttons', index, 'Value']);
    });
  });
  return texts;
}
