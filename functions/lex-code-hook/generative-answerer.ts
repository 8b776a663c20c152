import { answerQuestion } from '../generative/answer-question';
import { bedrockClient } from '../generative/bedrock-client';
import { powertoolsAnswerMetrics } from '../generative/metrics';
import { recordKnowledgeGap } from '../knowledge/gaps';
import { loadKnowledgeIndex } from '../knowledge/loader';
import { dynamoDbConversationMemory } from '../memory/conversation-memory';
import type { GenerativeConfig } from './config';
import { documentClient } from './data/dynamodb-client';
import type { CodeHookDependencies } from './dependencies';

/**
 * The best passage's score is the share of the question's words it matches (it is its own BM25 reference):
 * an article is about a question when its best passage matches this much of it.
 */
const ARTICLE_MATCH_SHARE = 0.6;

export type GenerativeServices = Pick<CodeHookDependencies, 'questions' | 'memory' | 'recordGap'>;

/**
 * The generative path wired to its services: Bedrock, the knowledge index file and the conversations and
 * knowledge-gaps tables. Built once per container, at module scope, so the clients are reused; the index
 * is read on the first question, so intents that never need it do not pay for it on a cold start. The
 * memory and the gap recorder are handed out too, so intents that look back at an answer share them.
 */
export function generativeServices(config: GenerativeConfig, serviceName: string): GenerativeServices {
  const bedrock = bedrockClient();
  const memory = dynamoDbConversationMemory(documentClient(), config.conversationsTableName, config.memory);
  const recordGap: GenerativeServices['recordGap'] = (gap) =>
    recordKnowledgeGap(documentClient(), config.knowledgeGapsTableName, gap);
  const metrics = powertoolsAnswerMetrics(serviceName);
  const model = { modelId: config.modelId, ...(config.guardrail ? { guardrail: config.guardrail } : {}) };
  const retriever = () => loadKnowledgeIndex(config.knowledgeIndexPath);
  return {
    memory,
    recordGap,
    questions: {
      answer: (request, logger) =>
        answerQuestion(request, {
          retriever,
          memory,
          bedrock,
          recordGap,
          model,
          clock: Date.now,
          logger,
          metrics,
        }),
      hasArticleFor: async ({ question, localeId, audience }) => {
        const articles = await retriever();
        if (articles.curatedAnswer(question, { localeId, audience }) !== undefined) return true;
        const [best] = articles.retrieve(question, { localeId, audience, limit: 1 });
        return (best?.score ?? 0) >= ARTICLE_MATCH_SHARE;
      },
    },
  };
}
