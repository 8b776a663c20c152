import { didYouMean } from '../../../bot-definitions/loader/closest-name';
import type { EqualsCondition, FlowAction } from '../flow-language';
import type { ContactFlowProblem } from './problem';

const INTENT_NAME_PATH = '$.Lex.IntentName';

/**
 * Conditions that name an intent must name one the bot has: a misspelt branch is never taken, and Connect
 * cannot tell, because it only compares strings.
 */
export function intentProblems(
  actions: readonly FlowAction[],
  intentNames: ReadonlySet<string>,
  botLabel: string,
): ContactFlowProblem[] {
  return actions.flatMap((action) =>
    intentConditions(action).flatMap((condition, index) => {
      const [intent] = condition.Condition.Operands;
      if (intentNames.has(intent)) return [];
      return [
        {
          action: action.Identifier,
          field: `Transitions.Conditions[${index}].Condition.Operands[0]`,
          message: `intent "${intent}" is not in ${botLabel}${didYouMean(intent, intentNames)}`,
        },
      ];
    }),
  );
}

/** A Lex block branches on the intent it returns; a Compare does when it compares `$.Lex.IntentName`. */
function intentConditions(action: FlowAction): readonly EqualsCondition[] {
  if (action.Type === 'ConnectParticipantWithLexBot') return action.Transitions.Conditions ?? [];
  if (action.Type === 'Compare' && action.Parameters.ComparisonValue === INTENT_NAME_PATH)
    return action.Transitions.Conditions;
  return [];
}
