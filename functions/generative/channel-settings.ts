import type { InferenceConfiguration } from '@aws-sdk/client-bedrock-runtime';

export type Channel = 'voice' | 'chat';
export type Audience = 'public' | 'staff';

export interface ChannelSettings {
  /** Longest the customer waits for the answer, before the Lambda's own remaining time caps it further. */
  answerBudgetMs: number;
  inferenceConfig: InferenceConfiguration;
  /** Earlier turns sent to the model: a follow-up needs a little context, a phone caller needs a fast answer. */
  history: { tokenBudget: number; maxTurns: number };
  /** Passages in the prompt; each one costs input tokens and, on the phone, latency. */
  passageLimit: number;
}

/**
 * Per-channel trade-offs. A caller hears silence while the model works, so voice gets a short budget and a
 * short answer; a chat reader tolerates a few seconds and reads a paragraph.
 */
export const CHANNEL_SETTINGS: Readonly<Record<Channel, ChannelSettings>> = {
  voice: {
    answerBudgetMs: 3_500,
    inferenceConfig: { maxTokens: 200, temperature: 0.2 },
    history: { tokenBudget: 800, maxTurns: 3 },
    passageLimit: 3,
  },
  chat: {
    answerBudgetMs: 10_000,
    inferenceConfig: { maxTokens: 600, temperature: 0.2 },
    history: { tokenBudget: 2_000, maxTurns: 6 },
    passageLimit: 5,
  },
};
