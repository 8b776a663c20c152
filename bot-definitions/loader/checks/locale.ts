import type { FileProblem } from '../problems';
import type { BotLocale, Intent } from '../schema';
import { duplicateNameProblems } from './duplicate-names';
import { duplicateUtteranceProblems } from './duplicate-utterances';
import { fallbackIntentProblems } from './fallback-intent';
import { slotDefinitionProblems } from './slot-definitions';
import { slotReferenceProblems } from './slot-references';
import { slotTypeProblems } from './slot-types';

/** Every semantic check of one schema-valid locale, with paths relative to its file. */
export function localeProblems(locale: BotLocale): FileProblem[] {
  const intents = locale.Intents ?? [];
  const slotTypes = locale.SlotTypes ?? [];
  const customSlotTypes = new Set(slotTypes.map((slotType) => slotType.Name));
  const intentsByName = new Map<string, Intent>();
  for (const intent of intents) if (!intentsByName.has(intent.Name)) intentsByName.set(intent.Name, intent);

  return [
    ...duplicateNameProblems(intents, ['Intents'], 'intent'),
    ...fallbackIntentProblems(intents),
    ...intents.flatMap((intent, index) => [
      ...slotDefinitionProblems(intent, ['Intents', index], customSlotTypes),
      ...slotReferenceProblems(intent, ['Intents', index], intentsByName),
    ]),
    ...duplicateUtteranceProblems(intents),
    ...duplicateNameProblems(slotTypes, ['SlotTypes'], 'slot type'),
    ...slotTypes.flatMap((slotType, index) => slotTypeProblems(slotType, ['SlotTypes', index])),
  ];
}
