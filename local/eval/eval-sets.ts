import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { issueLines } from '../../functions/shared/zod-issues';

/**
 * The conversation and retrieval evaluation sets (`test/fixtures/eval/`): written before any tuning, by
 * someone who had not seen the implementation, each item marked `tune` or `heldout` once and for all. Tuning
 * may look at `tune` items only; the `heldout` figures are the ones to report.
 */

export const EVAL_DIRECTORY = path.resolve(__dirname, '..', '..', 'test', 'fixtures', 'eval');
export const SPLITS = ['tune', 'heldout'] as const;
export type Split = (typeof SPLITS)[number];

const phrases = z.array(z.string().min(1)).min(1);

export const TurnExpectationSchema = z.strictObject({
  intent: z.string().min(1).optional(),
  notIntent: z.array(z.string().min(1)).optional(),
  articles: z.array(z.string().min(1)).min(1).optional(),
  mentions: phrases.optional(),
  mentionsAny: phrases.optional(),
  avoids: phrases.optional(),
  asksFor: z.string().min(1).optional(),
  handoff: z.boolean().optional(),
  endsConversation: z.boolean().optional(),
  maxWords: z.number().int().positive().optional(),
});
export type TurnExpectation = z.infer<typeof TurnExpectationSchema>;

export const EvalConversationSchema = z.strictObject({
  id: z.string().min(1),
  split: z.enum(SPLITS),
  category: z.string().min(1),
  alias: z.enum(['public', 'staff']).default('public'),
  turns: z
    .array(z.strictObject({ say: z.string().min(1), expect: TurnExpectationSchema.default({}) }))
    .min(1),
});
export type EvalConversation = z.infer<typeof EvalConversationSchema>;

export const RetrievalItemSchema = z.strictObject({
  article: z.string().min(1),
  audience: z.enum(['public', 'staff']),
  questions: z.array(z.strictObject({ q: z.string().min(1), split: z.enum(SPLITS) })).min(1),
});
export type RetrievalItem = z.infer<typeof RetrievalItemSchema>;

/**
 * A locale's conversations: `conversations.<locale>.yaml` and any supplements written later
 * (`conversations.<locale>.<name>.yaml`), so a new round of conversations never edits the first set.
 */
export async function readConversationSet(
  localeId: string,
  directory = EVAL_DIRECTORY,
): Promise<EvalConversation[]> {
  const prefix = `conversations.${localeId}.`;
  const files = (await readdir(directory))
    .filter((name) => name.startsWith(prefix) && name.endsWith('.yaml'))
    .sort((a, b) => a.length - b.length || a.localeCompare(b));
  const conversations: EvalConversation[] = [];
  const seen = new Set<string>();
  for (const file of files) {
    for (const conversation of await readSet(path.join(directory, file), z.array(EvalConversationSchema))) {
      if (seen.has(conversation.id))
        throw new Error(`${file}: conversation id ${conversation.id} is used twice`);
      seen.add(conversation.id);
      conversations.push(conversation);
    }
  }
  return conversations;
}

export async function readRetrievalSet(
  localeId: string,
  directory = EVAL_DIRECTORY,
): Promise<RetrievalItem[]> {
  return readSet(path.join(directory, `retrieval.${localeId}.yaml`), z.array(RetrievalItemSchema));
}

async function readSet<T>(file: string, schema: z.ZodType<T>): Promise<T> {
  const document: unknown = parse(await readFile(file, 'utf8'));
  const parsed = schema.safeParse(document);
  if (!parsed.success) {
    const problems = issueLines(parsed.error.issues, { most: 10 })
      .map((line) => `  ${line}`)
      .join('\n');
    throw new Error(`${file} is not a valid evaluation set:\n${problems}`);
  }
  return parsed.data;
}
