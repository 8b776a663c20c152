/** One thing wrong with a contact flow, addressed by action identifier and field path. */
export interface ContactFlowProblem {
  /** The action's `Identifier`, `Actions[i]` when it has none, or `(flow)` for the envelope. */
  action: string;
  /** Path inside the action (or the flow), e.g. `Transitions.Errors[1].NextAction` or `Parameters.SSML`. */
  field: string;
  message: string;
}

export const FLOW_LEVEL = '(flow)';

export function formatContactFlowProblem(problem: ContactFlowProblem): string {
  return `${problem.action} ${problem.field}: ${problem.message}`;
}
