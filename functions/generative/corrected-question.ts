import type { CuratedMatch } from '../knowledge/curated';
import { foldText, tokenize } from '../shared/words';
import { CORRECTION_CUES } from '../shared/correction-cues';
import { saysAnyOf } from '../shared/plain-words';

/** "Sorry, I meant Mexico" names one or two things; a longer message is a question of its own. */
const MAX_NAMED_WORDS = 4;
/** Every word of the previous question is tried, up to this many: a story is not corrected word by word. */
const MAX_PREVIOUS_WORDS = 16;

export interface CorrectedQuestion {
  question: string;
  curated: CuratedMatch;
}

/**
 * "Oh sorry, I meant Mexico" after "do you ship to Canada?": the previous question with a word the correction
 * names in place of one of its own, when exactly one such swap is a question the knowledge base lists and
 * answers otherwise than the previous one. Nothing is guessed: any other correction is answered as the
 * question it is, with the previous turn as context.
 */
export function correctedQuestion(
  question: string,
  previousQuestion: string | undefined,
  localeId: string,
  curatedAnswer: (question: string) => CuratedMatch | undefined,
): CorrectedQuestion | undefined {
  const cues = CORRECTION_CUES[localeId];
  if (previousQuestion === undefined || !cues || !saysAnyOf(question, cues)) return undefined;
  const previousWords = tokenize(previousQuestion);
  if (previousWords.length > MAX_PREVIOUS_WORDS) return undefined;
  const cueWords = new Set(cues.flatMap((cue) => cue.split(' ')));
  const previousFolded = new Set(previousWords.map(foldText));
  const named = tokenize(question).filter((word) => {
    const folded = foldText(word);
    return !cueWords.has(folded) && !previousFolded.has(folded);
  });
  if (named.length === 0 || named.length > MAX_NAMED_WORDS) return undefined;
  const before = curatedAnswer(previousQuestion);
  const found = new Map<string, CorrectedQuestion>();
  for (const word of named) {
    for (const index of previousWords.keys()) {
      const swapped = previousWords.map((own, at) => (at === index ? word : own)).join(' ');
      const curated = curatedAnswer(swapped);
      if (curated && !sameAnswer(curated, before))
        found.set(answerKey(curated), { question: swapped, curated });
    }
  }
  return found.size === 1 ? [...found.values()][0] : undefined;
}

function answerKey(match: CuratedMatch): string {
  return `${match.docId}\n${match.voice ?? ''}`;
}

function sameAnswer(match: CuratedMatch, other: CuratedMatch | undefined): boolean {
  return other !== undefined && answerKey(match) === answerKey(other);
}
