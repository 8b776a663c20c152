import type { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import type { Retriever } from '../knowledge/retriever';
import type { ConversationMemory } from '../memory/conversation-memory';
import type { KnowledgeGapInput } from '../knowledge/gaps';
import type { AnswerMetrics } from './metrics';

export type { CuratedMatch, RetrievedPassage } from '../knowledge/retriever';
export type {
  ConversationTurn,
  DetailsSource,
  NewConversationTurn,
  SessionSnapshot,
} from '../memory/conversation-memory';

export type { KnowledgeGapInput, KnowledgeGapKind } from '../knowledge/gaps';

/** Stores a question the knowledge base could not answer, for the FAQ owners (see recordKnowledgeGap). */
export type GapRecorder = (gap: KnowledgeGapInput) => Promise<unknown>;

export interface ModelConfig {
  modelId: string;
  /** Screen questions and answers with this Bedrock guardrail; none when unset. */
  guardrail?: { identifier: string; version: string };
}

/** The slice of the Powertools Logger used here; every line carries attributes, never the customer's words. */
export interface GenerativeLogger {
  info(message: string, attributes: Record<string, unknown>): void;
  warn(message: string, attributes: Record<string, unknown>): void;
  error(message: string, attributes: Record<string, unknown>): void;
}

/**
 * What the generative path needs from outside: the knowledge index, the conversation memory and the gap log
 * are swapped for fakes in tests, Bedrock for a mocked client.
 */
export interface GenerativeDependencies {
  /** The knowledge index, loaded on first use (see loadKnowledgeIndex) so a cold start does not pay for it. */
  retriever: () => Promise<Retriever>;
  memory: ConversationMemory;
  bedrock: BedrockRuntimeClient;
  recordGap: GapRecorder;
  model: ModelConfig;
  /** Epoch milliseconds now; deadlines are measured against it. */
  clock: () => number;
  logger: GenerativeLogger;
  metrics: AnswerMetrics;
}
