import type { BotLocale } from '../../bot-definitions/loader/schema';
import { ruleName } from './grammar-rules';

/** The start rule for a caller who may say anything the bot understands, when no slot is being asked for. */
export const GENERAL_RULE = 'general';

/** Top-level rules of the built grammar that a caller may say at any point of a call. */
const ANYTIME_RULES = ['confirmation', 'faq_questions', 'fillers'];

/**
 * Public start rules added to the built grammar, one per listening situation, so a recognition run expects
 * what the dialog is waiting for: everything but bare slot values when no slot is pending (a free-standing
 * digit string would otherwise swallow the start of any sentence), and the elicited slot's values first while
 * one is. Rules the grammar left out (a slot type nobody can say) are skipped.
 */
export function listeningRules(
  jsgf: string,
  locale: BotLocale,
): { jsgf: string; slotRules: Map<string, string> } {
  const defined = new Set([...jsgf.matchAll(/^(?:public )?<([A-Za-z0-9_]+)> =/gm)].map((match) => match[1]!));
  const present = (name: string) => defined.has(name);
  const intents = (locale.Intents ?? []).map((intent) => ruleName('intent', intent.Name)).filter(present);
  const general = [...intents, ...ANYTIME_RULES.filter(present)];
  const lines = [rule(GENERAL_RULE, general)];
  const slotRules = new Map<string, string>();
  for (const intent of locale.Intents ?? []) {
    for (const slot of intent.Slots ?? []) {
      const valueRule = slotTypeRule(slot.SlotTypeName);
      if (!present(valueRule)) continue;
      const name = ruleName('expect', `${intent.Name}_${slot.Name}`);
      lines.push(rule(name, [valueRule, GENERAL_RULE]));
      slotRules.set(`${intent.Name}/${slot.Name}`, name);
    }
  }
  return { jsgf: `${jsgf.trimEnd()}\n\n${lines.join('\n\n')}\n`, slotRules };
}

/** The grammar builder's rule naming for slot types (local/asr/slot-rules.ts). */
function slotTypeRule(slotTypeName: string): string {
  return slotTypeName.startsWith('AMAZON.')
    ? `builtin_${slotTypeName.slice('AMAZON.'.length)}`
    : ruleName('custom', slotTypeName);
}

function rule(name: string, alternatives: readonly string[]): string {
  return `public <${name}> =\n    ${alternatives.map((alternative) => `<${alternative}>`).join('\n  | ')};`;
}
