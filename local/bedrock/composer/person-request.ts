import type { Word } from '../../lex/nlu/analyzer';
import type { ComposerWording } from './wording';

/** "agent", "a human please": asking for a person needs few words besides the person. */
const MAX_WORDS_OF_A_BARE_REQUEST = 2;

/**
 * True when the customer asks for a person rather than an answer: "can I talk to someone", "a real person",
 * "agent please", "hablar con servicio al cliente"... A person mentioned in a question about something else
 * ("does someone need to sign for it?") is not a request for one.
 */
export function asksForPerson(words: readonly Word[], wording: ComposerWording): boolean {
  const has = (concepts: readonly string[]): boolean =>
    words.some((word) => word.concepts.some((concept) => concepts.includes(concept)));
  const person = has(wording.personConcepts);
  if ((person || has(wording.serviceConcepts)) && has(wording.reachConcepts)) return true;
  const contentWords = words.filter((word) => !word.isStopWord).length;
  return person && contentWords <= MAX_WORDS_OF_A_BARE_REQUEST;
}
