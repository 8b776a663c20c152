import { randomUUID } from 'node:crypto';
import { PutCommand, ScanCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod/mini';
import { parseItem } from '../shared/stored-item';
import { redactPersonalData } from '../shared/redaction/redact-personal-data';
import { foldText, tokenize } from '../shared/words';
import { wordSimilarity } from './curated';
import { isKnowledgeLocaleId } from './languages';
import { textAnalyzer } from './text-analysis';
import { issueList } from '../shared/zod-issues';

/**
 * The FAQ owners' loop: every question the knowledge base could not answer is stored (without personal data)
 * for 90 days, and `groupGaps` turns the pile into "these questions, this often" so owners know what to write.
 */

export const KNOWLEDGE_GAP_KINDS = ['no_passage', 'model_declined', 'unhelpful'] as const;
export const KnowledgeGapKindSchema = z.enum(KNOWLEDGE_GAP_KINDS);
export type KnowledgeGapKind = z.infer<typeof KnowledgeGapKindSchema>;

export const GAP_RETENTION_DAYS = 90;
const DAY_MS = 86_400_000;

/** Questions are cut to this many characters after redaction; enough to see what was asked. */
export const MAX_GAP_QUESTION_LENGTH = 500;
/** Redaction looks at a bounded prefix so a pasted novel costs no more than a long question. */
const MAX_REDACTED_INPUT = 2 * MAX_GAP_QUESTION_LENGTH;

export const KnowledgeGapInputSchema = z.object({
  kind: KnowledgeGapKindSchema,
  question: z.string().check(z.trim(), z.minLength(1, 'must not be empty')),
  localeId: z.string().check(z.minLength(1), z.maxLength(20)),
  channel: z.string().check(z.minLength(1), z.maxLength(40)),
});
export type KnowledgeGapInput = z.infer<typeof KnowledgeGapInputSchema>;

export const KnowledgeGapSchema = z.looseObject({
  gapId: z.string().check(z.minLength(1)),
  kind: KnowledgeGapKindSchema,
  question: z.string(),
  localeId: z.string().check(z.minLength(1)),
  channel: z.string().check(z.minLength(1)),
  createdAt: z.iso.datetime(),
  /** Epoch seconds: the table's TTL attribute. */
  expiresAt: z.int(),
});
export type KnowledgeGap = z.infer<typeof KnowledgeGapSchema>;

export class InvalidKnowledgeGapError extends Error {
  override readonly name = 'InvalidKnowledgeGapError';
}

export interface GapClock {
  /** Epoch milliseconds. */
  now(): number;
  newId(): string;
}

const SYSTEM_CLOCK: GapClock = { now: () => Date.now(), newId: () => randomUUID() };

/** Stores one gap, the question redacted, and returns the stored item. */
export async function recordKnowledgeGap(
  client: DynamoDBDocumentClient,
  tableName: string,
  gap: KnowledgeGapInput,
  clock: GapClock = SYSTEM_CLOCK,
): Promise<KnowledgeGap> {
  const parsed = KnowledgeGapInputSchema.safeParse(gap);
  if (!parsed.success) {
    throw new InvalidKnowledgeGapError(`Invalid knowledge gap: ${issueList(parsed.error.issues)}`);
  }
  const input = parsed.data;
  const now = clock.now();
  const item: KnowledgeGap = {
    gapId: clock.newId(),
    kind: input.kind,
    question: redactPersonalData(input.question.slice(0, MAX_REDACTED_INPUT), 'gaps').slice(
      0,
      MAX_GAP_QUESTION_LENGTH,
    ),
    localeId: input.localeId,
    channel: input.channel,
    createdAt: new Date(now).toISOString(),
    expiresAt: Math.floor((now + GAP_RETENTION_DAYS * DAY_MS) / 1000),
  };
  await client.send(
    new PutCommand({ TableName: tableName, Item: item, ConditionExpression: 'attribute_not_exists(gapId)' }),
  );
  return item;
}

/**
 * Every gap not yet expired. DynamoDB deletes expired items up to days late (and dynalite never does), so
 * expiry is also checked here.
 */
export async function listKnowledgeGaps(
  client: DynamoDBDocumentClient,
  tableName: string,
  now: number = Date.now(),
): Promise<KnowledgeGap[]> {
  const gaps: KnowledgeGap[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await client.send(new ScanCommand({ TableName: tableName, ExclusiveStartKey: startKey }));
    for (const item of page.Items ?? []) {
      const gap = parseItem(KnowledgeGapSchema, item, tableName, `gapId=${String(item.gapId)}`);
      if (gap.expiresAt * 1000 > now) gaps.push(gap);
    }
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return gaps;
}

export interface KnowledgeGapGroup {
  /** The question most like the others in the group. */
  representative: string;
  count: number;
  kinds: Partial<Record<KnowledgeGapKind, number>>;
  localeIds: string[];
  channels: string[];
  /** The distinct questions, most frequent first. */
  questions: string[];
  firstSeen: string;
  lastSeen: string;
}

/** Questions sharing at least half their content words (Jaccard) are one group. */
export const GAP_GROUP_MIN_SIMILARITY = 0.5;

interface AnalyzedGap {
  gap: KnowledgeGap;
  words: string[][];
  literal: string;
}

/**
 * Groups similar questions, largest group first. Deterministic: the gaps are taken in time order and each one
 * joins the first group holding a question similar enough, so the same gaps give the same groups in any order.
 */
export function groupGaps(gaps: readonly KnowledgeGap[]): KnowledgeGapGroup[] {
  const ordered = [...gaps].sort(
    (a, b) => compareText(a.createdAt, b.createdAt) || compareText(a.gapId, b.gapId),
  );
  const groups: GapGroupBuilder[] = [];
  // The same question asked again joins its group without comparing it with every other question.
  const groupOfLiteral = new Map<string, GapGroupBuilder>();
  for (const gap of ordered) {
    const analyzed = analyzeGap(gap);
    let group = groupOfLiteral.get(analyzed.literal);
    if (!group) {
      group = groups.find((candidate) =>
        candidate.distinct.some((member) => gapSimilarity(member, analyzed) >= GAP_GROUP_MIN_SIMILARITY),
      );
      if (!group) {
        group = { members: [], distinct: [] };
        groups.push(group);
      }
      group.distinct.push(analyzed);
      groupOfLiteral.set(analyzed.literal, group);
    }
    group.members.push(analyzed);
  }
  return groups
    .map(summarize)
    .sort(
      (a, b) =>
        b.count - a.count ||
        compareText(b.lastSeen, a.lastSeen) ||
        compareText(a.representative, b.representative),
    );
}

interface GapGroupBuilder {
  members: AnalyzedGap[];
  /** One member per distinct question. */
  distinct: AnalyzedGap[];
}

function analyzeGap(gap: KnowledgeGap): AnalyzedGap {
  const literal = tokenize(foldText(gap.question)).join(' ');
  const words = isKnowledgeLocaleId(gap.localeId)
    ? textAnalyzer(gap.localeId).words(gap.question)
    : literal
        .split(' ')
        .filter((word) => word.length > 0)
        .map((word) => [word]);
  return { gap, words, literal };
}

function gapSimilarity(a: AnalyzedGap, b: AnalyzedGap): number {
  if (a.words.length === 0 || b.words.length === 0) return a.literal === b.literal ? 1 : 0;
  return wordSimilarity(a.words, b.words);
}

function summarize({ members, distinct }: GapGroupBuilder): KnowledgeGapGroup {
  const kinds: Partial<Record<KnowledgeGapKind, number>> = {};
  const questionCounts = new Map<string, number>();
  const literalCounts = new Map<string, number>();
  for (const { gap, literal } of members) {
    kinds[gap.kind] = (kinds[gap.kind] ?? 0) + 1;
    questionCounts.set(gap.question, (questionCounts.get(gap.question) ?? 0) + 1);
    literalCounts.set(literal, (literalCounts.get(literal) ?? 0) + 1);
  }
  const times = members.map((member) => member.gap.createdAt).sort(compareText);
  return {
    representative: medoid(distinct, literalCounts).gap.question,
    count: members.length,
    kinds,
    localeIds: distinctSorted(members.map((member) => member.gap.localeId)),
    channels: distinctSorted(members.map((member) => member.gap.channel)),
    questions: [...questionCounts.entries()]
      .sort(([a, countA], [b, countB]) => countB - countA || compareText(a, b))
      .map(([question]) => question),
    firstSeen: times[0] ?? '',
    lastSeen: times[times.length - 1] ?? '',
  };
}

/**
 * The distinct question most similar to all the group's questions, each counted as often as it was asked; the
 * earliest one on a tie. Computed over distinct questions so a question asked thousands of times stays cheap.
 */
function medoid(distinct: readonly AnalyzedGap[], counts: ReadonlyMap<string, number>): AnalyzedGap {
  let best = distinct[0] as AnalyzedGap;
  let bestTotal = -1;
  for (const candidate of distinct) {
    const total = distinct.reduce(
      (sum, other) => sum + (counts.get(other.literal) ?? 0) * gapSimilarity(candidate, other),
      0,
    );
    if (total > bestTotal) {
      best = candidate;
      bestTotal = total;
    }
  }
  return best;
}

function distinctSorted(values: readonly string[]): string[] {
  return [...new Set(values)].sort(compareText);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
