import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { issueLines } from '../../functions/shared/zod-issues';

/**
 * The conversation test format (`test/conversations/*.yaml`): what a support team writes once and runs against
 * the offline stack and the deployed bot alike. Nothing in it may depend on the emulator: turns are what a
 * person types, says or presses, expectations what any good reply must show, never a model's exact words.
 */

/** How the person reaches the bot: a web chat, Slack (staff, sources shown apart) or a phone line. */
export const CHANNELS = ['web', 'slack', 'phone'] as const;
export type ConversationChannel = (typeof CHANNELS)[number];

export const ALIASES = ['public', 'staff'] as const;
export type ConversationAlias = (typeof ALIASES)[number];

/** Where an answer came from: a business intent, a curated FAQ answer, the model, or nowhere (an apology). */
export const ANSWER_SOURCES = ['intent', 'curated', 'model', 'none'] as const;
export type AnswerSourceExpectation = (typeof ANSWER_SOURCES)[number];

const localeId = z.string().regex(/^[a-z]{2}_[A-Z]{2}$/, 'a Lex locale id such as en_US');

const pattern = z.string().refine(isRegExp, { message: 'not a valid regular expression' });

export const ExpectationSchema = z.strictObject({
  intent: z.string().min(1).optional(),
  /** The intent's state after the turn: InProgress, ReadyForFulfillment, Fulfilled, Failed. */
  state: z.enum(['InProgress', 'ReadyForFulfillment', 'Fulfilled', 'Failed', 'Waiting']).optional(),
  dialogAction: z.enum(['ElicitSlot', 'ConfirmIntent', 'Close', 'ElicitIntent', 'Delegate']).optional(),
  slotToElicit: z.string().min(1).optional(),
  /** Interpreted slot values; null for a slot that must be empty. Slots not named are not checked. */
  slots: z.record(z.string(), z.string().nullable()).optional(),
  /** Session attributes that must have these values; others are not checked. */
  sessionAttributes: z.record(z.string(), z.string()).optional(),
  source: z.enum(ANSWER_SOURCES).optional(),
  /** Article ids the answer must cite (each one, by article; passage numbers are ignored). */
  articles: z.array(z.string().min(1)).min(1).optional(),
  /** A regular expression (case-insensitive) the reply's words must match, markup removed. */
  message: pattern.optional(),
  /** A regular expression the reply's words must not match. */
  notMessage: pattern.optional(),
  /** At most this many words spoken (phone) or shown. */
  maxWords: z.number().int().positive().optional(),
  /** Every SSML message is SSML a Polly voice accepts (phone channel); plain-text prompts are spoken as is. */
  ssml: z.literal('valid').optional(),
  /** The bot handed the conversation to a person. */
  handoff: z.boolean().optional(),
  /** What speech recognition heard, as a regular expression (spoken turns). */
  heard: pattern.optional(),
});
export type Expectation = z.infer<typeof ExpectationSchema>;

const turnOptions = {
  channel: z.enum(CHANNELS).optional(),
  locale: localeId.optional(),
  alias: z.enum(ALIASES).optional(),
  expect: ExpectationSchema.default({}),
};

/** One thing the person does: type text, say a sentence (spoken by the target's Polly), play a WAV, press keys. */
export const TurnSchema = z.union([
  z.strictObject({ user: z.string().trim().min(1).max(1024), ...turnOptions }),
  z.strictObject({ say: z.string().trim().min(1).max(500), ...turnOptions }),
  z.strictObject({ wav: z.string().regex(/\.wav$/i, 'a path to a .wav file'), ...turnOptions }),
  z.strictObject({
    dtmf: z.string().regex(/^[0-9*#]{1,64}$/, '1-64 keypad characters (0-9 * #)'),
    ...turnOptions,
  }),
]);
export type ConversationTurn = z.infer<typeof TurnSchema>;

export const ConversationTestSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  description: z.string().optional(),
  locale: localeId.default('en_US'),
  channel: z.enum(CHANNELS).default('web'),
  alias: z.enum(ALIASES).optional(),
  turns: z.array(TurnSchema).min(1).max(40),
});
export type ConversationTest = z.infer<typeof ConversationTestSchema> & {
  /** The file it came from, for reports and for WAV paths, which are relative to it. */
  file: string;
};

export class ConversationFileError extends Error {
  override readonly name = 'ConversationFileError';
}

/** Reads and checks one file; every problem names the file and the place in it. */
export async function readConversationTest(file: string): Promise<ConversationTest> {
  const text = await readFile(file, 'utf8');
  let data: unknown;
  try {
    data = parse(text);
  } catch (error) {
    throw new ConversationFileError(`${file}: not YAML: ${error instanceof Error ? error.message : error}`);
  }
  const parsed = ConversationTestSchema.safeParse(data);
  if (!parsed.success) {
    const problems = issueLines(parsed.error.issues, { whole: '(file)' }).map((line) => `  ${line}`);
    throw new ConversationFileError(`${file}: not a conversation test:\n${problems.join('\n')}`);
  }
  return { ...parsed.data, file };
}

/** What the turn's input is, in words a report can show. */
export function describeInput(turn: ConversationTurn): string {
  if ('user' in turn) return turn.user;
  if ('say' in turn) return `(says) ${turn.say}`;
  if ('wav' in turn) return `(plays) ${path.basename(turn.wav)}`;
  return `(presses) ${turn.dtmf}`;
}

function isRegExp(source: string): boolean {
  try {
    new RegExp(source, 'iu');
    return true;
  } catch {
    return false;
  }
}
