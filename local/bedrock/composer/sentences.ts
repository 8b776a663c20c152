import { rejoinAbbreviations } from '../../../functions/shared/sentences';

/** A sentence of a passage, cleaned of Markdown so it can be read out or sent as plain text. */
export interface PassageSentence {
  passageIndex: number;
  /** Position within its passage, to put chosen sentences back in reading order. */
  position: number;
  /** Reads on its own: a list item carries the words that introduce it ("We accept: PayPal, online only."). */
  text: string;
  /** The heading the sentence sits under, which says what it is about. */
  heading?: string;
  /** For a list item, the line that introduces its list ("For pets, the rule depends on the store:"). */
  leadIn?: string;
}

/** A new sentence starts after . ! ? and a space, before a capital, a digit, an opening mark or quote. */
const SENTENCE_BREAK = /(?<=[.!?])\s+(?=[\p{Lu}\p{N}¿¡"“'(])/u;
const HEADING = /^#{1,6}\s+/u;
const LIST_MARKER = /^(?:[-*•+]|\d{1,3}[.)])\s+/u;
const INLINE_MARKUP = /\*\*|__|`|~~/g;
const HAS_WORD = /[\p{L}\p{N}]/u;
/** "Delivery: 5-8 business days": a list item that names what it gives. */
const LABELLED_ITEM = /^([^:]{1,40}):\s+(.+)$/u;
/** Headings of one or two words ("Canada", "Gift cards") name the topic of their list; longer ones group it. */
const MAX_TOPIC_HEADING_WORDS = 2;

/**
 * Paragraph sentences and list items, never headings. Headings and the line that introduces a list ("We
 * accept:") are not said alone, since they answer nothing; a list item takes them with it instead, so
 * "Carrier: UPS Worldwide Expedited." under "## Mexico" reads "Carrier (Mexico): UPS Worldwide Expedited.".
 */
export function splitSentences(text: string, passageIndex: number): PassageSentence[] {
  const sentences: PassageSentence[] = [];
  let heading: string | undefined;
  let leadIn: string | undefined;
  const add = (sentence: string, listLeadIn?: string) => {
    if (!HAS_WORD.test(sentence)) return;
    sentences.push({
      passageIndex,
      position: sentences.length,
      text: sentence,
      ...(heading === undefined ? {} : { heading }),
      ...(listLeadIn === undefined ? {} : { leadIn: listLeadIn }),
    });
  };
  for (const rawLine of text.split(/\n+/)) {
    const line = rawLine.trim();
    if (line === '') continue;
    if (HEADING.test(line)) {
      heading = cleanSentence(line.replace(HEADING, ''));
      leadIn = undefined;
      continue;
    }
    if (LIST_MARKER.test(line)) {
      add(listItem(cleanSentence(line.replace(LIST_MARKER, '')), leadIn, heading), leadIn);
      continue;
    }
    leadIn = undefined;
    for (const part of rejoinAbbreviations(line.split(SENTENCE_BREAK), ' ')) {
      const clean = cleanSentence(part);
      if (clean.endsWith(':')) leadIn = clean;
      else add(clean);
    }
  }
  return sentences;
}

function listItem(item: string, leadIn: string | undefined, heading: string | undefined): string {
  if (leadIn !== undefined) return `${leadIn} ${item}`;
  if (heading === undefined || heading.split(/\s+/).length > MAX_TOPIC_HEADING_WORDS) return item;
  if (item.toLowerCase().includes(heading.toLowerCase())) return item;
  const labelled = LABELLED_ITEM.exec(item);
  return labelled ? `${labelled[1]} (${heading}): ${labelled[2]}` : `${heading}: ${item}`;
}

function cleanSentence(text: string): string {
  return text.trim().replace(INLINE_MARKUP, '').replace(/\s+/g, ' ').trim();
}

/**
 * Joins sentences into one reply, closing any that lacks end punctuation (list items, titles). Items of one
 * list said one after the other share its lead-in, said once: "For pets, it depends on the store: Downtown:
 * dogs on a leash. Airport: in a carrier.", not the lead-in again before the airport.
 */
export function joinSentences(sentences: readonly Pick<PassageSentence, 'text' | 'leadIn'>[]): string {
  return sentences
    .map(({ text, leadIn }, index) => {
      const repeated = leadIn !== undefined && sentences[index - 1]?.leadIn === leadIn;
      const said = repeated ? text.slice(leadIn.length).trim() : text;
      return /[.!?…:]$/.test(said) ? said : `${said}.`;
    })
    .join(' ');
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
