import type { SlotTypeResolver } from './types';

/** The whole answer, as typed; never found inside other utterances because Lex fills it only when elicited. */
export function createFreeFormResolver(): SlotTypeResolver {
  return {
    slotTypeName: 'AMAZON.FreeFormInput',
    find: () => [],
    resolve(input) {
      const value = input.trim();
      return value === ''
        ? undefined
        : { originalValue: value, interpretedValue: value, resolvedValues: [value] };
    },
  };
}
