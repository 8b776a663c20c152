import { answerQuestion } from '../generative/answer-question';
import { createBedrockClient } from '../generative/bedrock-client';
import { powertoolsAnswerMetrics } from '../generative/metrics';
import { recordKnowledgeGap } from '../knowledge/gaps';
import { loadKnowledgeIndex } from '../knowledge/loader';
import { dynamoDbConversationMemory } from '../memory/conversation-memory';
import type { GenerativeConfig } from './config';
import { documentClient } from './data/dynamodb-client';
import type { QuestionAnswerer } from './dependencies';

/**
 * The generative path wired to its services: Bedrock, the knowledge index file and the conversations and
 * knowledge-gaps tables. Built once per container, at module scope, so the clients are reused; the index
 * is read on the first question, so intents that never need it do not pay for it on a cold start.
 */
export function generativeQuestionAnswerer(config: GenerativeConfig, serviceName: string): QuestionAnswerer {
  const bedrock = createBedrockClient();
  const memory = dynamoDbConversationMemory(documentClient, config.conversationsTableName, config.memory);
  const metrics = powertoolsAnswerMetrics(serviceName);
  const model = { modelId: config.modelId, ...(config.guardrail ? { guardrail: config.guardrail } : {}) };
  return {
    answer: (request, logger) =>
      answerQuestion(request, {
        retriever: () => loadKnowledgeIndex(config.knowledgeIndexPath),
        memory,
        bedrock,
        recordGap: (gap) => recordKnowledgeGap(documentClient, config.knowledgeGapsTableName, gap),
        model,
        clock: Date.now,
        logger,
        metrics,
      }),
  };
}
