import { checkConversationRules } from './conversation-rules';
import type { ParsedConverseRequest } from './engine';
import { converseRequestBodySchema, modelIdSchema } from './request-schema';
import { parseOrReject } from './validation';

/** Validates a Converse / ConverseStream request: the model id label, the body's shapes, then its rules. */
export function parseConverseRequest(modelId: string, body: unknown): ParsedConverseRequest {
  const validModelId = parseOrReject(modelIdSchema, modelId, 'modelId');
  const parsed = parseOrReject(converseRequestBodySchema, body);
  checkConversationRules(parsed);
  return { ...parsed, modelId: validModelId };
}
