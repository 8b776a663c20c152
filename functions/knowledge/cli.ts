/** Tooling for support teams and the local stack; the Lambda never imports this file. */

import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { tableNameIn } from '../tables';
import { formatKnowledgeProblem } from './document';
import { buildKnowledgeIndex } from './index-builder';
import type { KnowledgeIndexFile } from './index-file';
import { buildKnowledgeIndexFromDirectory, DEFAULT_KNOWLEDGE_DIR, readKnowledgeDirectory } from './directory';
import { groupGaps, listKnowledgeGaps, type KnowledgeGapGroup } from './gaps';
import { CURATED_MIN_MARGIN, CURATED_MIN_SIMILARITY } from './curated';
import { isKnowledgeLocaleId, KNOWLEDGE_LOCALE_IDS } from './languages';
import { createRetriever, MIN_PASSAGE_SCORE, type RetrievalExplanation } from './retriever';

export { buildKnowledgeIndexFromDirectory } from './directory';

export const DEFAULT_INDEX_FILE = path.join('.parley', 'knowledge-index.json');

const USAGE = `Usage:
  npm run knowledge:build -- [--dir <folder>] [--out <file>]
      Validates every document in the knowledge folder (default: knowledge/), then writes the index
      (default: ${DEFAULT_INDEX_FILE}). Lists every problem and exits 1 when a document is invalid.
  npm run knowledge:gaps -- [--endpoint <url>] [--table <name>]
      Lists the questions the bot could not answer, grouped, most frequent first. Uses the usual AWS SDK
      configuration (AWS_REGION, AWS_ENDPOINT_URL...); the table defaults to KNOWLEDGE_GAPS_TABLE_NAME or
      parley-knowledge-gaps.
  npm run knowledge:explain -- "<question>" [--locale en_US|es_US] [--staff] [--dir <folder>]
      Shows which articles a question finds and why: the curated answer or the closest titles and questions,
      then every matching passage with its score and the words it matched, and which passages reach the
      model. Use it with the gap report: add the wording customers use as a question, or as a synonym.`;

/**
 * How `gaps` reaches DynamoDB. By default the SDK's usual configuration; `npm run knowledge:*`
 * (local/knowledge-cli.ts) adds the local stack's defaults, which production code must not know about.
 */
export type DynamoDbConnector = (endpoint: string | undefined) => Promise<DynamoDBClient>;

const usualSdkConfiguration: DynamoDbConnector = async (endpoint) =>
  new DynamoDBClient(endpoint ? { endpoint } : {});

export interface CliOutput {
  out: (line: string) => void;
  err: (line: string) => void;
}

class UsageError extends Error {}

/** Runs one command and returns the exit code. */
export async function runKnowledgeCli(
  argv: readonly string[],
  output: CliOutput,
  connect: DynamoDbConnector = usualSdkConfiguration,
): Promise<number> {
  try {
    const [command, ...rest] = argv;
    if (command === 'build') return await runBuild(rest, output);
    if (command === 'gaps') return await runGaps(rest, output, connect);
    if (command === 'explain') return await runExplain(rest, output);
    if (command === 'help' || command === '--help' || command === '-h') {
      output.out(USAGE);
      return 0;
    }
    throw new UsageError(command === undefined ? 'missing command' : `unknown command "${command}"`);
  } catch (error) {
    if (!(error instanceof UsageError || isParseArgsError(error))) throw error;
    output.err(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
}

async function runBuild(args: readonly string[], output: CliOutput): Promise<number> {
  const { values } = parseArgs({
    args: [...args],
    options: { dir: { type: 'string' }, out: { type: 'string' } },
  });
  const started = performance.now();
  const { documents, problems, synonyms } = await readKnowledgeDirectory(values.dir ?? DEFAULT_KNOWLEDGE_DIR);
  if (problems.length > 0) {
    for (const problem of problems) output.err(formatKnowledgeProblem(problem));
    output.err(`${problems.length} problem${problems.length === 1 ? '' : 's'} found; no index written`);
    return 1;
  }
  const index = buildKnowledgeIndex(documents, { synonyms });
  const outFile = path.resolve(values.out ?? DEFAULT_INDEX_FILE);
  const json = JSON.stringify(index);
  await mkdir(path.dirname(outFile), { recursive: true });
  await writeFile(outFile, json);
  const elapsed = Math.round(performance.now() - started);
  const kilobytes = Math.round(Buffer.byteLength(json) / 1024);
  output.out(`ok: ${documents.length} documents -> ${outFile} (${kilobytes} kB) in ${elapsed} ms`);
  for (const line of localeSummaries(index)) output.out(`  ${line}`);
  return 0;
}

/** `en_US: 14 public + 4 staff documents; passages: 20 public, 27 staff`. */
function localeSummaries(index: KnowledgeIndexFile): string[] {
  return Object.entries(index.locales).flatMap(([localeId, locale]) => {
    if (!locale) return [];
    const publicDocs = locale.public.answers.length;
    const staffOnly = locale.staff.answers.length - publicDocs;
    return [
      `${localeId}: ${publicDocs} public + ${staffOnly} staff documents; ` +
        `passages: ${locale.public.passages.length} public, ${locale.staff.passages.length} staff`,
    ];
  });
}

async function runGaps(
  args: readonly string[],
  output: CliOutput,
  connect: DynamoDbConnector,
): Promise<number> {
  const { values } = parseArgs({
    args: [...args],
    options: { endpoint: { type: 'string' }, table: { type: 'string' } },
  });
  const tableName = values.table ?? tableNameIn(process.env, 'knowledgeGaps');
  const client = await connect(values.endpoint);
  try {
    const gaps = await listKnowledgeGaps(DynamoDBDocumentClient.from(client), tableName);
    const groups = groupGaps(gaps);
    output.out(
      `${gaps.length} unanswered question${gaps.length === 1 ? '' : 's'} in ${groups.length} groups (${tableName})`,
    );
    if (groups.length > 0) for (const line of gapTable(groups)) output.out(line);
    return 0;
  } finally {
    client.destroy();
  }
}

/** Passages listed by explain; the prompt gets at most a channel's passage limit of them. */
const EXPLAINED_PASSAGES = 8;

async function runExplain(args: readonly string[], output: CliOutput): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      locale: { type: 'string', default: 'en_US' },
      staff: { type: 'boolean', default: false },
      dir: { type: 'string' },
    },
  });
  const question = positionals.join(' ').trim();
  if (question === '') throw new UsageError('explain needs a question, in quotes');
  if (!isKnowledgeLocaleId(values.locale)) {
    throw new UsageError(`unknown locale "${values.locale}" (known: ${KNOWLEDGE_LOCALE_IDS.join(', ')})`);
  }
  const index = await buildKnowledgeIndexFromDirectory(values.dir ?? DEFAULT_KNOWLEDGE_DIR);
  const audience = values.staff ? 'staff' : 'public';
  const explanation = createRetriever(index).explain(question, { localeId: values.locale, audience });
  for (const line of explanationLines(question, values.locale, audience, explanation)) output.out(line);
  return 0;
}

export function explanationLines(
  question: string,
  localeId: string,
  audience: string,
  explanation: RetrievalExplanation,
): string[] {
  const lines = [`"${question}" (${localeId}, ${audience})`, ''];
  const words = explanation.words
    .map((word) => `${word.terms.join('/')} ${word.weight.toFixed(2)}`)
    .join(', ');
  lines.push(`Words searched (weight: rarer counts more): ${words || 'none'}`);
  const closest = explanation.closestPhrasings
    .map((phrasing) => `  ${phrasing.similarity.toFixed(2)}  ${phrasing.docId}: "${phrasing.phrasing}"`)
    .join('\n');
  if (explanation.curated) {
    lines.push(
      `Curated answer: ${explanation.curated.docId} (similarity ${explanation.curated.confidence.toFixed(2)}); ` +
        'the article is the answer, no model call.',
    );
  } else {
    lines.push(
      `Curated answer: none (needs similarity ${CURATED_MIN_SIMILARITY} and a lead of ${CURATED_MIN_MARGIN} ` +
        'over the next article). Closest titles and questions:',
    );
    if (closest) lines.push(closest);
  }
  lines.push('', 'Passages, best first (score = share of the words matched x BM25 relative to the best):');
  if (explanation.passages.length === 0) lines.push('  none: no article uses these words; the bot says so');
  explanation.passages.slice(0, EXPLAINED_PASSAGES).forEach((passage, rank) => {
    const reaches = passage.score >= MIN_PASSAGE_SCORE ? 'to the model' : 'below the cut';
    lines.push(
      `  ${rank + 1}. ${passage.id}  score ${passage.score.toFixed(2)}  (${reaches})  "${truncate(passage.title, 50)}"`,
    );
    const matched = passage.matches.map((match) => `${match.term} [${match.fields.join(', ')}]`).join(', ');
    lines.push(`     matched: ${matched}`);
  });
  if (explanation.passages.length > EXPLAINED_PASSAGES) {
    lines.push(`  ... and ${explanation.passages.length - EXPLAINED_PASSAGES} more`);
  }
  return lines;
}

const QUESTION_WIDTH = 60;

export function gapTable(groups: readonly KnowledgeGapGroup[]): string[] {
  const rows = groups.map((group) => [
    String(group.count),
    Object.entries(group.kinds)
      .map(([kind, count]) => `${kind} ${count}`)
      .join(', '),
    group.localeIds.join(' '),
    group.channels.join(' '),
    group.lastSeen.slice(0, 10),
    truncate(group.representative, QUESTION_WIDTH) +
      (group.questions.length > 1 ? ` (+${group.questions.length - 1} similar)` : ''),
  ]);
  const header = ['COUNT', 'KINDS', 'LOCALES', 'CHANNELS', 'LAST SEEN', 'QUESTION'];
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column] ?? 0)))
      .join('  ');
  return [line(header), ...rows.map(line)];
}

function truncate(text: string, width: number): string {
  const oneLine = text.replace(/\s+/g, ' ');
  return oneLine.length <= width ? oneLine : `${oneLine.slice(0, width - 1).trimEnd()}…`;
}

/** parseArgs throws a TypeError with an ERR_PARSE_ARGS_* code for an unknown or malformed option. */
function isParseArgsError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
}
