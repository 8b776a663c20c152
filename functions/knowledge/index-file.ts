import type { AsPlainObject } from 'minisearch';
import * as z from 'zod/mini';
import { KNOWLEDGE_AUDIENCES } from './audience';
import { KNOWLEDGE_LOCALE_IDS } from './languages';
import { issueList } from '../shared/zod-issues';

/**
 * The built knowledge index as one JSON file: what `buildKnowledgeIndex` writes and the Lambda loads. Each
 * locale has one self-contained part per audience; the public part is built from public documents only, so a
 * public question is answered from data that holds no staff text at all.
 */

export const KNOWLEDGE_INDEX_FORMAT = 'parley-knowledge-index';
/**
 * 4: "$" before an amount is indexed as the language's currency word. 5: each part carries the synonym groups'
 * terms for curated matching (`sameMeaning`).
 */
export const KNOWLEDGE_INDEX_VERSION = 5;

const AudienceSchema = z.enum(KNOWLEDGE_AUDIENCES);

const StoredPassageSchema = z.object({
  id: z.string().check(z.minLength(1)),
  docId: z.string().check(z.minLength(1)),
  title: z.string().check(z.minLength(1)),
  text: z.string().check(z.minLength(1)),
  audience: AudienceSchema,
});
export type StoredPassage = z.infer<typeof StoredPassageSchema>;

/** A document's curated answer with the phrasings a question is matched against. */
const CuratedEntrySchema = z.object({
  docId: z.string().check(z.minLength(1)),
  title: z.string().check(z.minLength(1)),
  questions: z.array(z.string().check(z.minLength(1))),
  /** The document body, Markdown. */
  text: z.string().check(z.minLength(1)),
  voice: z.optional(z.string().check(z.minLength(1))),
  /** Listed questions with a short answer of their own, which leads when that question is the one matched. */
  questionAnswers: z.optional(
    z.array(
      z.object({ question: z.string().check(z.minLength(1)), answer: z.string().check(z.minLength(1)) }),
    ),
  ),
  audience: AudienceSchema,
});
export type CuratedEntry = z.infer<typeof CuratedEntrySchema>;

/** The fields MiniSearch.loadJS reads first; it rejects anything else it cannot load itself. */
const MiniSearchJsonSchema = z.custom<AsPlainObject>(
  (value) =>
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Partial<AsPlainObject>).serializationVersion === 'number' &&
    Array.isArray((value as Partial<AsPlainObject>).index),
  'must be a MiniSearch index as written by toJSON()',
);

const AudienceKnowledgeSchema = z.object({
  /** MiniSearch over `passages`. */
  search: MiniSearchJsonSchema,
  passages: z.array(StoredPassageSchema),
  answers: z.array(CuratedEntrySchema),
  /** Search terms of the locale's one-word synonyms, each mapped to its group's key (curated.ts SameMeaning). */
  sameMeaning: z.record(z.string(), z.string()),
});
export type AudienceKnowledge = z.infer<typeof AudienceKnowledgeSchema>;

const LocaleKnowledgeSchema = z.object({ public: AudienceKnowledgeSchema, staff: AudienceKnowledgeSchema });
export type LocaleKnowledge = z.infer<typeof LocaleKnowledgeSchema>;

export const KnowledgeIndexFileSchema = z.object({
  format: z.literal(KNOWLEDGE_INDEX_FORMAT),
  version: z.literal(KNOWLEDGE_INDEX_VERSION, {
    error: `must be ${KNOWLEDGE_INDEX_VERSION}: rebuild the index with this version of Parley`,
  }),
  builtAt: z.iso.datetime(),
  locales: z.partialRecord(z.enum(KNOWLEDGE_LOCALE_IDS), LocaleKnowledgeSchema),
});
export type KnowledgeIndexFile = z.infer<typeof KnowledgeIndexFileSchema>;

export class InvalidKnowledgeIndexError extends Error {
  override readonly name = 'InvalidKnowledgeIndexError';
}

/** Validates a parsed index file; `source` names it in the error. */
export function parseKnowledgeIndexFile(json: unknown, source: string): KnowledgeIndexFile {
  const parsed = KnowledgeIndexFileSchema.safeParse(json);
  if (!parsed.success) {
    const problems = issueList(parsed.error.issues, { whole: '(file)', most: 10 });
    throw new InvalidKnowledgeIndexError(`Invalid knowledge index ${source}: ${problems}`);
  }
  return parsed.data;
}
