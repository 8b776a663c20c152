import { FREE_FORM_INPUT_SLOT_TYPE } from '../built-ins';
import { didYouMean } from '../closest-name';
import { scanPlaceholders } from '../placeholders';
import type { FileProblem, PathSegment } from '../problems';
import type { Intent } from '../schema';
import { messageTexts } from './message-texts';
import { forEachMapping } from './walk';

/**
 * Checks every place an intent names one of its slots: `{Slot}` in sample utterances (intent and slot level)
 * and in messages, and `SlotToElicit` in dialog actions.
 */
export function slotReferenceProblems(
  intent: Intent,
  intentPath: readonly PathSegment[],
  intentsByName: ReadonlyMap<string, Intent>,
): FileProblem[] {
  const slots = intent.Slots ?? [];
  const slotNames = new Set(slots.map((slot) => slot.Name));
  const freeFormSlots = new Set(
    slots.filter((s) => s.SlotTypeName === FREE_FORM_INPUT_SLOT_TYPE).map((s) => s.Name),
  );
  const problems: FileProblem[] = [];

  const notASlot = (name: string): string => {
    const known = slotNames.size === 0 ? 'it has no slots' : `its slots: ${[...slotNames].join(', ')}`;
    return `{${name}} is not a slot of intent ${intent.Name} (${known})${didYouMean(name, slotNames)}`;
  };

  const checkText = (text: string, path: readonly PathSegment[], isIntentUtterance: boolean): void => {
    const scan = scanPlaceholders(text);
    for (const error of scan.errors) problems.push({ path, message: `unbalanced braces: ${error}` });
    for (const name of new Set(scan.names)) {
      if (!slotNames.has(name)) {
        problems.push({ path, message: notASlot(name) });
      } else if (isIntentUtterance && freeFormSlots.has(name)) {
        problems.push({
          path,
          message: `{${name}} is an ${FREE_FORM_INPUT_SLOT_TYPE} slot, which Lex fills only when it asks for it; intent sample utterances cannot contain it`,
        });
      }
    }
  };

  intent.SampleUtterances?.forEach((sample, index) =>
    checkText(sample.Utterance, [...intentPath, 'SampleUtterances', index, 'Utterance'], true),
  );
  slots.forEach((slot, slotIndex) =>
    slot.ValueElicitationSetting.SampleUtterances?.forEach((sample, index) =>
      checkText(
        sample.Utterance,
        [
          ...intentPath,
          'Slots',
          slotIndex,
          'ValueElicitationSetting',
          'SampleUtterances',
          index,
          'Utterance',
        ],
        false,
      ),
    ),
  );

  for (const { text, path } of messageTexts(intent, intentPath)) checkText(text, path, false);
  forEachMapping(intent, intentPath, (node, path) => {
    problems.push(...dialogStateProblems(node, path, intent, intentsByName));
  });
  return problems;
}

/** A DialogState may switch to another intent (`Intent.Name`); its `SlotToElicit` then names that intent's slot. */
function dialogStateProblems(
  node: Record<string, unknown>,
  path: readonly PathSegment[],
  intent: Intent,
  intentsByName: ReadonlyMap<string, Intent>,
): FileProblem[] {
  const override =
    isRecord(node.Intent) && typeof node.Intent.Name === 'string' ? node.Intent.Name : undefined;
  const target = override === undefined ? intent : intentsByName.get(override);
  if (target === undefined) {
    return [
      {
        path: [...path, 'Intent', 'Name'],
        message: `"${override}" is not an intent of this locale${didYouMean(String(override), intentsByName.keys())}`,
      },
    ];
  }
  const action = node.DialogAction;
  if (!isRecord(action)) return [];
  const actionPath = [...path, 'DialogAction'];
  if (action.Type === 'ElicitSlot' && action.SlotToElicit === undefined) {
    return [{ path: actionPath, message: 'an ElicitSlot dialog action needs SlotToElicit' }];
  }
  const slotNames = (target.Slots ?? []).map((slot) => slot.Name);
  if (typeof action.SlotToElicit === 'string' && !slotNames.includes(action.SlotToElicit)) {
    return [
      {
        path: [...actionPath, 'SlotToElicit'],
        message: `"${action.SlotToElicit}" is not a slot of intent ${target.Name}${didYouMean(action.SlotToElicit, slotNames)}`,
      },
    ];
  }
  return [];
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
