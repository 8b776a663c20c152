import { normalizeText } from '../normalize';
import type { FileProblem } from '../problems';
import type { Intent } from '../schema';

interface UtterancePlace {
  intentIndex: number;
  utteranceIndex: number;
  text: string;
}

/**
 * Sample utterances that are the same after normalization: within one intent they are noise, across intents
 * they make the classifier's choice arbitrary. Each problem sits on the later copy and names the earlier one.
 */
export function duplicateUtteranceProblems(intents: readonly Intent[]): FileProblem[] {
  const firstPlace = new Map<string, UtterancePlace>();
  const problems: FileProblem[] = [];
  intents.forEach((intent, intentIndex) => {
    intent.SampleUtterances?.forEach((sample, utteranceIndex) => {
      const key = normalizeText(sample.Utterance);
      const first = firstPlace.get(key);
      if (first === undefined) {
        firstPlace.set(key, { intentIndex, utteranceIndex, text: sample.Utterance });
        return;
      }
      const earlier =
        first.intentIndex === intentIndex
          ? `SampleUtterances[${first.utteranceIndex}] of the same intent`
          : `Intents[${first.intentIndex}](${intents[first.intentIndex]?.Name}).SampleUtterances[${first.utteranceIndex}]`;
      const consequence =
        first.intentIndex === intentIndex
          ? 'remove one'
          : 'an utterance may train only one intent, so keep it in one of them';
      problems.push({
        path: ['Intents', intentIndex, 'SampleUtterances', utteranceIndex, 'Utterance'],
        message: `duplicate utterance: "${sample.Utterance}" is the same as "${first.text}" at ${earlier} (ignoring case, accents and ?!.,¿¡); ${consequence}`,
      });
    });
  });
  return problems;
}
