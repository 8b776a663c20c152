import { FALLBACK_INTENT_SIGNATURE } from '../built-ins';
import type { FileProblem } from '../problems';
import type { Intent } from '../schema';

/** Lex needs exactly one fallback intent per locale; it matches by elimination, so it has no utterances or slots. */
export function fallbackIntentProblems(intents: readonly Intent[]): FileProblem[] {
  const fallbackIndexes = intents.flatMap((intent, index) =>
    intent.ParentIntentSignature === FALLBACK_INTENT_SIGNATURE ? [index] : [],
  );
  const [first, ...extra] = fallbackIndexes;
  if (first === undefined) {
    return [
      {
        path: ['Intents'],
        message: `no fallback intent: add one intent with ParentIntentSignature ${FALLBACK_INTENT_SIGNATURE}, which answers whatever no other intent matches`,
      },
    ];
  }
  const problems: FileProblem[] = extra.map((index) => ({
    path: ['Intents', index, 'ParentIntentSignature'],
    message: `a locale has exactly one fallback intent, and Intents[${first}] already is one`,
  }));
  for (const index of fallbackIndexes) {
    const intent = intents[index];
    if (intent?.SampleUtterances?.length) {
      problems.push({
        path: ['Intents', index, 'SampleUtterances'],
        message:
          'the fallback intent takes no sample utterances: Lex chooses it when no other intent matches',
      });
    }
    if (intent?.Slots?.length) {
      problems.push({ path: ['Intents', index, 'Slots'], message: 'the fallback intent cannot have slots' });
    }
  }
  return problems;
}
