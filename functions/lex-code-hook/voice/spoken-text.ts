import { firstSentences } from '../../generative/answer-text';
import type { PollyEngine } from '../../voice/engine-support';
import { renderSsml } from '../../voice/ssml';
import { spokenSentences } from '../../voice/spoken-sentences';
import { fitText, LEX_MESSAGE_MAX_LENGTH } from '../answer-message';
import type { MessageCatalogue } from '../messages';

/** A reply's text for the ear: the part to say, and a closing sentence that must survive any shortening. */
export interface SpokenText {
  body: string;
  ending?: string;
}

export interface ShortAnswerOptions {
  /**
   * The full answer was remembered apart from this text (a curated answer's `voice` line), so there is more
   * to text even when this text is short.
   */
  detailsKept?: boolean;
}

/**
 * An answer as a caller should hear it: at most about two sentences (the opening that firstSentences keeps
 * for curated answers), then the offer to text the rest. A caller cannot skim or scroll back, and the full
 * answer stays in the conversation memory, where SendAnswerDetails finds it.
 */
export function shortAnswer(
  text: string,
  localeId: string,
  messages: MessageCatalogue,
  { detailsKept = false }: ShortAnswerOptions = {},
): SpokenText {
  const opening = firstSentences(text, localeId);
  const whole = text.replace(/\s+/g, ' ').trim();
  if (opening === whole && !detailsKept) return { body: text };
  return { body: opening, ending: messages.details.offer };
}

/** The spoken text as a plain Lex message, for a channel that speaks it itself. */
export function plainSpokenText({ body, ending }: SpokenText): string {
  if (ending === undefined) return body;
  return `${fitText(body, LEX_MESSAGE_MAX_LENGTH - ending.length - 1)} ${ending}`;
}

/** Below this a cut sentence says nothing useful; the ending alone is better. */
const MIN_CUT_LENGTH = 20;

export interface SsmlOptions {
  engine: PollyEngine;
  localeId: string;
  messages: MessageCatalogue;
}

/**
 * The spoken text as one `<speak>` document within Lex's message limit, tags included. What does not fit is
 * dropped from the end of the body, whole sentences first, and the caller is told so: the ending (say, the
 * offer to text the details) when there is one, else a sentence saying this was the short version. Text
 * with nothing speakable in it (only emoji, say) gives the apology for an unexpected error instead of silence.
 */
export function ssmlMessage(text: SpokenText, options: SsmlOptions): string {
  const { messages } = options;
  // A blank line makes each part a sentence of its own, even a cut one that lost its full stop.
  const speak = (parts: readonly string[]) => singleDocument(parts.join('\n\n'), options);
  const parts = text.ending === undefined ? [text.body] : [text.body, text.ending];
  const whole = speak(parts);
  if (whole) return whole;
  const sentences = spokenSentences(text.body, options.localeId);
  if (sentences.length === 0) return requireDocument([messages.common.unexpectedError], options);
  const ending = text.ending ?? messages.voice.shortened;
  for (let count = sentences.length - 1; count >= 1; count -= 1) {
    const shorter = speak([...sentences.slice(0, count), ending]);
    if (shorter) return shorter;
  }
  const first = sentences[0] ?? '';
  for (
    let room = Math.min(first.length, LEX_MESSAGE_MAX_LENGTH);
    room >= MIN_CUT_LENGTH;
    room = Math.floor(room * 0.8)
  ) {
    const cut = speak([fitText(first, room), ending]);
    if (cut) return cut;
  }
  return requireDocument([ending], options);
}

/** The text as a single document that Lex accepts as one message, or undefined when it is too long. */
function singleDocument(text: string, { engine, localeId }: SsmlOptions): string | undefined {
  const documents = renderSsml(text, { engine, localeId, maxBilledChars: LEX_MESSAGE_MAX_LENGTH });
  const [only] = documents;
  return documents.length === 1 && only !== undefined && only.length <= LEX_MESSAGE_MAX_LENGTH
    ? only
    : undefined;
}

/** Catalogue sentences always fit one message; one that does not is a bug in the catalogue, named here. */
function requireDocument(sentences: readonly string[], options: SsmlOptions): string {
  const text = sentences.join(' ');
  const document = singleDocument(text, options);
  if (!document)
    throw new Error(`Catalogue text does not fit one spoken Lex message: ${JSON.stringify(text)}`);
  return document;
}
