import { isFilled, type LocaleDefinition } from './intent-definitions';
import { toWireSlot } from './interpretations';
import type { WireIntent, WireSessionState } from './state';

/**
 * Fills the intent's empty slots from their DefaultValueSpecification, the first source that yields a value
 * winning: `#context.attr` (an active context's attribute), `[sessionAttr]` (a session attribute), or a literal.
 */
export function applyDefaultValues(
  definition: LocaleDefinition,
  intent: WireIntent,
  state: WireSessionState,
): void {
  for (const slot of definition.intent(intent.name)?.Slots ?? []) {
    if (isFilled(intent.slots?.[slot.Name] ?? null)) continue;
    for (const { DefaultValue } of slot.ValueElicitationSetting.DefaultValueSpecification?.DefaultValueList ??
      []) {
      const value = defaultValue(DefaultValue, state);
      if (value !== undefined && intent.slots) {
        intent.slots[slot.Name] = toWireSlot({
          originalValue: value,
          interpretedValue: value,
          resolvedValues: [],
        });
        break;
      }
    }
  }
}

function defaultValue(source: string, state: WireSessionState): string | undefined {
  const context = /^#([^.]+)\.(.+)$/.exec(source);
  if (context) {
    return state.activeContexts?.find((c) => c.name === context[1])?.contextAttributes[context[2] ?? ''];
  }
  const attribute = /^\[(.+)\]$/.exec(source);
  if (attribute) return state.sessionAttributes?.[attribute[1] ?? ''];
  return source;
}
