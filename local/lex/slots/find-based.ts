import { answerCore } from './filler';
import type { FillerVocabulary } from './lang/types';
import { pickAnswer, toSlotValue } from './matches';
import type { SlotMatch, SlotTypeResolver } from './types';

/** A resolver whose elicited answer is the value `find` sees in it, preferring the answer's core over lead-ins. */
export function findBasedResolver(
  slotTypeName: string,
  fillers: FillerVocabulary,
  find: (utterance: string) => SlotMatch[],
): SlotTypeResolver {
  return {
    slotTypeName,
    find,
    resolve(input) {
      const match = pickAnswer(find(input), answerCore(input, fillers));
      return match && toSlotValue(match);
    },
  };
}
