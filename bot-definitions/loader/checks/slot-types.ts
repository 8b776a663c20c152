import { ALPHANUMERIC_SLOT_TYPE } from '../built-ins';
import { normalizeText } from '../normalize';
import type { FileProblem, PathSegment } from '../problems';
import type { SlotType } from '../schema';
import { regexFilterProblems } from './regex-filter';

/** Checks one custom slot type: its parent, its regex filter, and that every value resolves unambiguously. */
export function slotTypeProblems(slotType: SlotType, typePath: readonly PathSegment[]): FileProblem[] {
  const problems: FileProblem[] = [];
  const parent = slotType.ParentSlotTypeSignature;
  if (parent !== undefined && parent !== ALPHANUMERIC_SLOT_TYPE) {
    problems.push({
      path: [...typePath, 'ParentSlotTypeSignature'],
      message: `"${parent}" cannot be a parent slot type; Lex only accepts ${ALPHANUMERIC_SLOT_TYPE}`,
    });
  }

  const selection = slotType.ValueSelectionSetting;
  if (selection?.RegexFilter !== undefined) {
    const filterPath = [...typePath, 'ValueSelectionSetting', 'RegexFilter'];
    if (parent !== ALPHANUMERIC_SLOT_TYPE) {
      problems.push({
        path: filterPath,
        message: `a RegexFilter needs ParentSlotTypeSignature: ${ALPHANUMERIC_SLOT_TYPE} on the slot type`,
      });
    }
    for (const message of regexFilterProblems(selection.RegexFilter.Pattern)) {
      problems.push({ path: [...filterPath, 'Pattern'], message });
    }
  }

  const values = slotType.SlotTypeValues ?? [];
  if (selection?.ResolutionStrategy === 'TOP_RESOLUTION' && values.length === 0) {
    problems.push({
      path: [...typePath, 'ValueSelectionSetting', 'ResolutionStrategy'],
      message:
        'TOP_RESOLUTION only accepts listed values, so the slot type needs at least one SlotTypeValues entry',
    });
  }
  return [...problems, ...ambiguousValueProblems(slotType, typePath)];
}

/** A value or synonym that normalizes to a term of another entry would resolve to two canonical values. */
function ambiguousValueProblems(slotType: SlotType, typePath: readonly PathSegment[]): FileProblem[] {
  const owner = new Map<string, number>();
  const problems: FileProblem[] = [];
  (slotType.SlotTypeValues ?? []).forEach((entry, entryIndex) => {
    const entryPath = [...typePath, 'SlotTypeValues', entryIndex];
    const terms: { text: string; path: readonly PathSegment[] }[] = [
      { text: entry.SampleValue.Value, path: [...entryPath, 'SampleValue', 'Value'] },
      ...(entry.Synonyms ?? []).map((synonym, index) => ({
        text: synonym.Value,
        path: [...entryPath, 'Synonyms', index, 'Value'],
      })),
    ];
    for (const term of terms) {
      const key = normalizeText(term.text);
      const ownerIndex = owner.get(key);
      if (ownerIndex === undefined) {
        owner.set(key, entryIndex);
      } else if (ownerIndex !== entryIndex) {
        const other = slotType.SlotTypeValues?.[ownerIndex]?.SampleValue.Value;
        const message =
          other === entry.SampleValue.Value
            ? `value "${other}" is listed twice (also at SlotTypeValues[${ownerIndex}])`
            : `"${term.text}" would resolve to two values: "${entry.SampleValue.Value}" here and "${other}" at SlotTypeValues[${ownerIndex}] (ignoring case and accents)`;
        problems.push({ path: term.path, message });
      }
    }
  });
  return problems;
}
