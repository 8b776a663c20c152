/**
 * What the customer hears or reads when the generative path cannot give a grounded answer, per locale. Each
 * sentence is honest about what happened and offers a person, so no failure ends the conversation.
 */
export interface GenerativeMessages {
  /** No help article matches the question. */
  noPassage: string;
  /** The model read the articles and found no answer in them. */
  cannotAnswer: string;
  /** The model decided a person should take over; the channel transfers after this turn. */
  handoff: string;
  /** The model's reply could not be trusted (off-schema, or claims without a source). */
  unsure: string;
  /** Bedrock is throttling or the model is still warming up. */
  busy: string;
  /** The answer did not arrive within the channel's deadline. */
  slow: string;
  /** Bedrock failed, or rejected the request (configuration, permissions). */
  unavailable: string;
  /** A guardrail blocked the question or the answer. */
  blocked: string;
}
