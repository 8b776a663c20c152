import type { Channel } from '../generative/channel-settings';
import type { GeneratedAnswer } from '../generative/answer-question';
import type { MessageCatalogue } from './messages';

/** Lex refuses a message longer than this, which the customer would get as a failed turn. */
export const LEX_MESSAGE_MAX_LENGTH = 1000;
/** Room the source list may take, so a long list cannot crowd out the answer itself. */
const SOURCES_MAX_LENGTH = 250;

/**
 * The generated answer as one Lex message: on chat, the titles it came from on a line of their own (a
 * listener cannot follow a reference, so voice gets none; a channel that renders them from the answer
 * description gets none either), the whole cut to fit Lex's limit at a sentence end where possible.
 */
export function answerMessage(
  answer: GeneratedAnswer,
  channel: Channel,
  messages: MessageCatalogue,
  { inlineSources }: { inlineSources: boolean } = { inlineSources: true },
): string {
  const text = answer.text.trim() || messages.common.unexpectedError;
  const named = channel === 'chat' && inlineSources;
  const titles = named ? [...new Set(answer.citations.map((citation) => citation.title))] : [];
  const sources = sourcesLine(titles, messages);
  if (!sources) return fitText(text, LEX_MESSAGE_MAX_LENGTH);
  const separator = '\n';
  return `${fitText(text, LEX_MESSAGE_MAX_LENGTH - separator.length - sources.length)}${separator}${sources}`;
}

/** As many titles as fit the room for sources, in citation order; none when not even one fits. */
function sourcesLine(titles: readonly string[], messages: MessageCatalogue): string | undefined {
  let line: string | undefined;
  for (let count = 1; count <= titles.length; count += 1) {
    const candidate = messages.fallback.sources(titles.slice(0, count));
    if (candidate.length > SOURCES_MAX_LENGTH) break;
    line = candidate;
  }
  return line;
}

/** `text` within `maxLength`: cut after the last whole sentence, or else at a word, marked with "…". */
export function fitText(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text;
  const room = text.slice(0, maxLength - 1);
  const sentenceEnd = Math.max(...['. ', '? ', '! '].map((end) => room.lastIndexOf(end)));
  if (sentenceEnd >= maxLength / 2) return room.slice(0, sentenceEnd + 1);
  const wordEnd = room.lastIndexOf(' ');
  const cut = wordEnd > 0 ? room.slice(0, wordEnd) : withoutBrokenPair(room);
  return `${cut.trimEnd()}…`;
}

/** A cut between the halves of a surrogate pair (an emoji, say) would leave invalid UTF-16 behind. */
function withoutBrokenPair(text: string): string {
  const last = text.charCodeAt(text.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? text.slice(0, -1) : text;
}
