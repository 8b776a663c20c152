import type { Word } from '../../lex/nlu/analyzer';
import type { ComposerWording } from './wording';

/** "agent", "a human please": asking for a person needs few words besides the person. */
const MAX_WORDS_OF_A_BARE_REQUEST = 2;
/** A qualifier ("live", "real", "de verdad") sits next to the person it qualifies, a stop word at most between. */
const QUALIFIER_DISTANCE = 2;

/**
 * True when the customer asks for a person rather than an answer: "can I talk to someone", "a real person",
 * "agent please", "hablar con servicio al cliente"... A person mentioned in a question about something else
 * ("does someone need to sign for it?") is not a request for one.
 */
export function asksForPerson(words: readonly Word[], wording: ComposerWording): boolean {
  const is = (word: Word | undefined, concepts: readonly string[]): boolean =>
    word !== undefined && word.concepts.some((concept) => concepts.includes(concept));
  const has = (concepts: readonly string[]): boolean => words.some((word) => is(word, concepts));
  const person = has(wording.personConcepts);
  const someoneToReach = [...wording.personConcepts, ...wording.serviceConcepts];
  if (person || has(wording.serviceConcepts)) {
    if (has(wording.reachConcepts)) return true;
    // "a live agent", "persona de verdad": but not "it doesn't help, my sister lives in Brazil".
    const qualifiesSomeone = (index: number) =>
      words
        .slice(Math.max(0, index - QUALIFIER_DISTANCE), index + QUALIFIER_DISTANCE + 1)
        .some((word) => is(word, someoneToReach));
    if (words.some((word, index) => is(word, wording.qualifierConcepts) && qualifiesSomeone(index)))
      return true;
  }
  const contentWords = words.filter((word) => !word.isStopWord).length;
  return person && contentWords <= MAX_WORDS_OF_A_BARE_REQUEST;
}
