import { parseDocument } from 'yaml';
import { z } from 'zod';
import { KNOWLEDGE_AUDIENCES } from './audience';
import { KNOWLEDGE_LOCALE_IDS } from './languages';

const KEBAB_CASE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const KEBAB_CASE_MESSAGE = 'must be kebab-case: lowercase letters and digits joined by single hyphens';

/** Polly would read these characters aloud, or stumble on them. */
const MARKUP = /[*_#`[\]<>|]/;

export const MAX_VOICE_LENGTH = 300;

const phrasing = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(200, 'must be at most 200 characters: write the question as a customer would ask it');

/** Words Polly speaks as they are: plain text, one or two sentences. */
const spokenText = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(MAX_VOICE_LENGTH, `must be at most ${MAX_VOICE_LENGTH} characters: one or two spoken sentences`)
  .refine((text) => !MARKUP.test(text), {
    message: 'must be plain spoken text, without Markdown or markup characters (* _ # ` [ ] < > |)',
  });

/**
 * A listed question, or one with its own short answer: a customer who asks it gets that answer first
 * ("When is my card charged?" deserves the sentence about charging, not the article's summary of cards).
 */
const listedQuestion = z.union([phrasing, z.strictObject({ q: phrasing, answer: spokenText })]);

export const KnowledgeFrontMatterSchema = z.strictObject({
  id: z.string().regex(KEBAB_CASE, KEBAB_CASE_MESSAGE).max(80, 'must be at most 80 characters'),
  /** The canonical question the document answers. */
  title: phrasing,
  locale: z.enum(KNOWLEDGE_LOCALE_IDS, { error: `must be one of ${KNOWLEDGE_LOCALE_IDS.join(', ')}` }),
  audience: z.enum(KNOWLEDGE_AUDIENCES, { error: `must be one of ${KNOWLEDGE_AUDIENCES.join(', ')}` }),
  tags: z.array(z.string().regex(KEBAB_CASE, KEBAB_CASE_MESSAGE)).min(1, 'must list at least one tag'),
  /** Other ways customers ask the same question; they count as much as the title when matching. */
  questions: z.array(listedQuestion).max(30, 'must list at most 30 questions').optional(),
  /** The answer as the phone channel speaks it, and the short answer a chat leads with. */
  voice: spokenText.optional(),
});
export type KnowledgeFrontMatter = z.infer<typeof KnowledgeFrontMatterSchema>;

const FIELD_NAMES = Object.keys(KnowledgeFrontMatterSchema.shape);

/** A listed question's own short answer. */
export interface QuestionAnswer {
  question: string;
  answer: string;
}

export interface KnowledgeDocument extends Omit<KnowledgeFrontMatter, 'questions'> {
  questions: string[];
  /** The listed questions that have a short answer of their own, with it. */
  questionAnswers: QuestionAnswer[];
  /** The curated answer, Markdown. */
  body: string;
  /** Where it came from, for messages: the path relative to the knowledge folder. */
  file: string;
}

/** One thing wrong with a knowledge file; `field` is a front matter field, `front matter` or `body`. */
export interface KnowledgeProblem {
  file: string;
  field: string;
  message: string;
}

export function formatKnowledgeProblem(problem: KnowledgeProblem): string {
  return `${problem.file}: ${problem.field}: ${problem.message}`;
}

export type KnowledgeDocumentResult =
  { ok: true; document: KnowledgeDocument } | { ok: false; problems: KnowledgeProblem[] };

const FRONT_MATTER = /^\uFEFF?---[ \t]*\r?\n(?:([\s\S]*?)\r?\n)?---[ \t]*(?:\r?\n|$)/;

/** Parses one knowledge file: YAML front matter between `---` lines, then the Markdown answer. */
export function parseKnowledgeDocument(file: string, source: string): KnowledgeDocumentResult {
  const match = FRONT_MATTER.exec(source);
  if (!match) {
    return {
      ok: false,
      problems: [
        {
          file,
          field: 'front matter',
          message: 'missing: the file must start with a line "---", the YAML fields, then another "---"',
        },
      ],
    };
  }
  const body = source.slice(match[0].length).trim();
  const problems: KnowledgeProblem[] = [];
  const fields = parseFrontMatter(file, match[1] ?? '', problems);
  if (body.length === 0)
    problems.push({
      file,
      field: 'body',
      message: 'is empty: write the curated answer below the front matter',
    });
  if (fields === undefined) return { ok: false, problems };

  const parsed = KnowledgeFrontMatterSchema.safeParse(fields);
  if (!parsed.success)
    problems.push(...parsed.error.issues.flatMap((issue) => describeIssue(file, issue, fields)));
  if (problems.length > 0 || !parsed.success) return { ok: false, problems };

  const { questions: listed = [], ...frontMatter } = parsed.data;
  const questions = listed.map((entry) => (typeof entry === 'string' ? entry : entry.q));
  const questionAnswers = listed.flatMap((entry) =>
    typeof entry === 'string' ? [] : [{ question: entry.q, answer: entry.answer }],
  );
  return { ok: true, document: { ...frontMatter, questions, questionAnswers, body, file } };
}

function parseFrontMatter(file: string, yamlText: string, problems: KnowledgeProblem[]): object | undefined {
  const document = parseDocument(yamlText, { prettyErrors: true });
  if (document.errors.length > 0) {
    for (const error of document.errors) {
      const reason = (error.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:$/, '');
      // The front matter starts on the file's second line, after the opening "---".
      const line = (error.linePos?.[0].line ?? 0) + 1;
      problems.push({ file, field: 'front matter', message: `invalid YAML at line ${line}: ${reason}` });
    }
    return undefined;
  }
  let fields: unknown;
  try {
    fields = document.toJS();
  } catch (error) {
    // Aliases are resolved here: an undefined one, or one expanding past the alias limit, fails only now.
    problems.push({ file, field: 'front matter', message: `invalid YAML: ${(error as Error).message}` });
    return undefined;
  }
  if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) {
    problems.push({ file, field: 'front matter', message: `must be fields like "${FIELD_NAMES[0]}: ..."` });
    return undefined;
  }
  return fields;
}

function describeIssue(file: string, issue: z.core.$ZodIssue, fields: object): KnowledgeProblem[] {
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({
      file,
      field: key,
      message: `is not a known field (known fields: ${FIELD_NAMES.join(', ')})`,
    }));
  }
  const field = issue.path.map(String).join('.') || 'front matter';
  if (issue.path.length > 0 && valueAt(fields, issue.path) === undefined)
    return [{ file, field, message: 'is required' }];
  if (issue.code === 'invalid_type')
    return [{ file, field, message: `must be ${describeExpected(issue.expected)}` }];
  return [{ file, field, message: issue.message }];
}

function describeExpected(expected: string): string {
  if (expected === 'array') return 'a list';
  if (expected === 'string') return 'text';
  return `a ${expected}`;
}

function valueAt(root: object, path: readonly PropertyKey[]): unknown {
  let value: unknown = root;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}
