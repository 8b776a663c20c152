/** A sentence of a passage, cleaned of Markdown so it can be read out or sent as plain text. */
export interface PassageSentence {
  passageIndex: number;
  /** Position within its passage, to put chosen sentences back in reading order. */
  position: number;
  text: string;
}

/** A new sentence starts after . ! ? and a space, before a capital, a digit, an opening mark or quote. */
const SENTENCE_BREAK = /(?<=[.!?])\s+(?=[\p{Lu}\p{N}¿¡"“'(])/u;
const LIST_MARKER = /^(?:[-*•+]|\d{1,3}[.)]|#{1,6})\s+/u;
const INLINE_MARKUP = /\*\*|__|`|~~/g;
const HAS_WORD = /[\p{L}\p{N}]/u;

/** Paragraphs and list items are sentences too, even without a full stop. */
export function splitSentences(text: string, passageIndex: number): PassageSentence[] {
  const sentences: PassageSentence[] = [];
  for (const line of text.split(/\n+/)) {
    for (const part of line.split(SENTENCE_BREAK)) {
      const clean = cleanSentence(part);
      if (HAS_WORD.test(clean)) sentences.push({ passageIndex, position: sentences.length, text: clean });
    }
  }
  return sentences;
}

function cleanSentence(text: string): string {
  return text.trim().replace(LIST_MARKER, '').replace(INLINE_MARKUP, '').replace(/\s+/g, ' ').trim();
}

/** Joins sentences into one reply, closing any that lacks end punctuation (list items, titles). */
export function joinSentences(sentences: readonly string[]): string {
  return sentences.map((sentence) => (/[.!?…:]$/.test(sentence) ? sentence : `${sentence}.`)).join(' ');
}

/**
 * Shortens a sentence to at most `limit` characters: at the last clause break (, ; :) that keeps at least half
 * of the room, else at the last word, and closes it with a full stop.
 */
export function shortenSentence(sentence: string, limit: number): string {
  if (sentence.length <= limit) return sentence;
  const room = sentence.slice(0, Math.max(0, limit - 1));
  const clause = Math.max(room.lastIndexOf(', '), room.lastIndexOf('; '), room.lastIndexOf(': '));
  const cut = clause >= limit / 2 ? clause : room.lastIndexOf(' ');
  const kept = (cut > 0 ? room.slice(0, cut) : room).replace(/[\s,;:–-]+$/u, '');
  return `${kept}.`;
}
