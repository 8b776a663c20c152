import { SUPPORTED_BUILT_IN_SLOT_TYPES } from '../built-ins';
import { didYouMean } from '../closest-name';
import type { FileProblem, PathSegment } from '../problems';
import type { Intent } from '../schema';
import { duplicateNameProblems } from './duplicate-names';

/** Checks an intent's own slots: unique names, existing types, a prompt where Lex must ask, and priorities. */
export function slotDefinitionProblems(
  intent: Intent,
  intentPath: readonly PathSegment[],
  customSlotTypes: ReadonlySet<string>,
): FileProblem[] {
  const slots = intent.Slots ?? [];
  const problems = duplicateNameProblems(slots, [...intentPath, 'Slots'], 'slot');
  slots.forEach((slot, index) => {
    const slotPath = [...intentPath, 'Slots', index];
    const typeProblem = slotTypeProblem(slot.SlotTypeName, customSlotTypes);
    if (typeProblem !== undefined)
      problems.push({ path: [...slotPath, 'SlotTypeName'], message: typeProblem });
    const elicitation = slot.ValueElicitationSetting;
    if (elicitation.SlotConstraint === 'Required' && elicitation.PromptSpecification === undefined) {
      problems.push({
        path: [...slotPath, 'ValueElicitationSetting', 'PromptSpecification'],
        message: `slot "${slot.Name}" is Required, so it needs a PromptSpecification for Lex to ask for it`,
      });
    }
  });
  return [...problems, ...slotPriorityProblems(intent, intentPath)];
}

function slotTypeProblem(typeName: string, customSlotTypes: ReadonlySet<string>): string | undefined {
  if (typeName.startsWith('AMAZON.')) {
    if (SUPPORTED_BUILT_IN_SLOT_TYPES.has(typeName)) return undefined;
    return (
      `built-in slot type "${typeName}" is not supported by the local emulator${didYouMean(typeName, SUPPORTED_BUILT_IN_SLOT_TYPES)}` +
      ` (supported: ${[...SUPPORTED_BUILT_IN_SLOT_TYPES].join(', ')})`
    );
  }
  if (customSlotTypes.has(typeName)) return undefined;
  const custom =
    customSlotTypes.size === 0
      ? 'this locale defines none'
      : `this locale defines ${[...customSlotTypes].join(', ')}`;
  return `slot type "${typeName}" does not exist: it is not a custom slot type of this locale (${custom}) nor an AMAZON.* built-in${didYouMean(
    typeName,
    [...customSlotTypes, ...SUPPORTED_BUILT_IN_SLOT_TYPES],
  )}`;
}

/** Every slot listed exactly once with its own priority, as Lex requires for the elicitation order. */
function slotPriorityProblems(intent: Intent, intentPath: readonly PathSegment[]): FileProblem[] {
  const slotNames = new Set((intent.Slots ?? []).map((slot) => slot.Name));
  const priorities = intent.SlotPriorities ?? [];
  const prioritiesPath = [...intentPath, 'SlotPriorities'];
  const problems: FileProblem[] = [];
  const slotListedAt = new Map<string, number>();
  const priorityUsedAt = new Map<number, number>();

  priorities.forEach((entry, index) => {
    const entryPath = [...prioritiesPath, index];
    if (!slotNames.has(entry.SlotName)) {
      problems.push({
        path: [...entryPath, 'SlotName'],
        message: `"${entry.SlotName}" is not a slot of intent ${intent.Name}${didYouMean(entry.SlotName, slotNames)}`,
      });
    }
    const listedAt = slotListedAt.get(entry.SlotName);
    if (listedAt === undefined) slotListedAt.set(entry.SlotName, index);
    else
      problems.push({
        path: [...entryPath, 'SlotName'],
        message: `slot "${entry.SlotName}" is already listed at SlotPriorities[${listedAt}]`,
      });
    const usedAt = priorityUsedAt.get(entry.Priority);
    if (usedAt === undefined) priorityUsedAt.set(entry.Priority, index);
    else
      problems.push({
        path: [...entryPath, 'Priority'],
        message: `priority ${entry.Priority} is already used at SlotPriorities[${usedAt}]`,
      });
  });

  for (const name of slotNames) {
    if (!slotListedAt.has(name)) {
      problems.push({
        path: prioritiesPath,
        message: `slot "${name}" is missing; list every slot of the intent exactly once`,
      });
    }
  }
  return problems;
}
