import type { FillerVocabulary } from './lang/types';
import type { Span } from './matches';
import { PhraseIndex } from './phrases';
import { tokenize, type Token } from './text';

interface FillerIndex {
  leading: PhraseIndex<true>;
  trailing: PhraseIndex<true>;
  copulas: PhraseIndex<true>;
}

/** A lead-in such as "my order number is" is at most this many words before its verb. */
const MAX_LEAD_IN_WORDS = 5;

const indexes = new WeakMap<FillerVocabulary, FillerIndex>();

function indexFor(vocabulary: FillerVocabulary): FillerIndex {
  let index = indexes.get(vocabulary);
  if (!index) {
    const of = (phrases: string[]) => new PhraseIndex<true>(phrases.map((p) => [p, true] as const));
    index = {
      leading: of(vocabulary.leading),
      trailing: of(vocabulary.trailing),
      copulas: of(vocabulary.copulas),
    };
    indexes.set(vocabulary, index);
  }
  return index;
}

const isSingleCharacter = (token: Token | undefined) => token !== undefined && [...token.text].length === 1;
const hasDigit = (token: Token) => /[0-9]/.test(token.text);
const isGlued = (left: Token | undefined, right: Token | undefined) =>
  left !== undefined && right !== undefined && left.end === right.start;

/**
 * The part of an elicited answer that carries the value: "it's 10001 please" gives "10001", "mi correo es
 * a@b.com" gives "a@b.com". At least one word always remains, and a lone letter is kept when letters follow it,
 * because "a b c 1 2 3" is spelled, not "a" + "b c 1 2 3".
 */
export function answerCore(input: string, vocabulary: FillerVocabulary): Span {
  const tokens = tokenize(input);
  if (tokens.length === 0) {
    const start = input.length - input.trimStart().length;
    return { start, end: Math.max(start, input.trimEnd().length) };
  }
  const index = indexFor(vocabulary);
  let first = 0;
  let last = tokens.length;
  const stripLeading = (): boolean => {
    const hit = index.leading.longestAt(tokens, first, last - 1);
    if (!hit) return false;
    if (hit.length === 1 && isSingleCharacter(tokens[first]) && isSingleCharacter(tokens[first + 1]))
      return false;
    // "Oh0" is one typed code, not the filler "oh" before "0": a filler must end where a word ends.
    if (isGlued(tokens[first + hit.length - 1], tokens[first + hit.length])) return false;
    first += hit.length;
    return true;
  };
  const stripLeadIn = (): boolean => {
    for (let verb = first; verb < Math.min(first + MAX_LEAD_IN_WORDS + 1, last - 1); verb++) {
      const token = tokens[verb];
      if (token === undefined || hasDigit(token)) return false;
      if (index.copulas.has(tokens, verb, 1)) {
        first = verb + 1;
        return true;
      }
    }
    return false;
  };
  const stripTrailing = (): boolean => {
    const hit = index.trailing.longestEndingAt(tokens, last, first + 1);
    if (!hit) return false;
    last -= hit.length;
    return true;
  };
  let stripped = true;
  while (stripped) stripped = stripLeading() || stripLeadIn() || stripTrailing();
  return { start: tokens[first]?.start ?? 0, end: tokens[last - 1]?.end ?? input.length };
}
