import type { GeneratedAnswer, QuestionRequest } from '../generative/answer-question';
import type { GapRecorder, GenerativeLogger } from '../generative/dependencies';
import type { ConversationMemory } from '../memory/conversation-memory';
import type { PollyEngine } from '../voice/engine-support';
import type { CallbackRepository } from './data/callbacks';
import type { FollowUpRepository } from './data/follow-ups';
import type { OrderRepository } from './data/orders';
import type { StoreRepository } from './data/stores';

/** Answers an open question; resolves with an honest reply even when everything behind it fails. */
export interface QuestionAnswerer {
  answer(request: QuestionRequest, log: GenerativeLogger): Promise<GeneratedAnswer>;
  /**
   * Whether one of our articles is about the question as asked, without asking a model: it lists the question
   * (a curated match) or one of its passages matches most of its words.
   */
  hasArticleFor(request: Pick<QuestionRequest, 'question' | 'localeId' | 'audience'>): Promise<boolean>;
}

/** What the intents need from outside; injected so tests can pin the clock or swap a repository. */
export interface CodeHookDependencies {
  orders: OrderRepository;
  stores: StoreRepository;
  callbacks: CallbackRepository;
  followUps: FollowUpRepository;
  questions: QuestionAnswerer;
  /** The same conversation memory the generative path writes its turns to. */
  memory: ConversationMemory;
  /** Stores a question the knowledge base did not answer well, for the FAQ owners. */
  recordGap: GapRecorder;
  /** Epoch milliseconds now. */
  clock: () => number;
  /** IANA zone of the stores: "today" and business hours are decided there. */
  storeTimeZone: string;
  /** The Polly engine that speaks the bot's replies on calls; their SSML stays within what it accepts. */
  voiceEngine: PollyEngine;
  /** Speech heard with less transcription confidence than this is asked for again (config.ts). */
  speechConfidenceThreshold: number;
  /** The bot alias reserved for authenticated staff (see audienceOf); none when undefined. */
  staffAliasName: string | undefined;
}
