/** Tooling for support teams and the local stack; the Lambda never imports this file. */

import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { loadConfig } from '../lex-code-hook/config';
import { formatKnowledgeProblem } from './document';
import { buildKnowledgeIndex } from './index-builder';
import type { KnowledgeIndexFile } from './index-file';
import { DEFAULT_KNOWLEDGE_DIR, readKnowledgeDirectory } from './directory';
import { groupGaps, listKnowledgeGaps, type KnowledgeGapGroup } from './gaps';

export { buildKnowledgeIndexFromDirectory } from './directory';

export const DEFAULT_INDEX_FILE = path.join('.parley', 'knowledge-index.json');

const USAGE = `Usage:
  tsx functions/knowledge/cli.ts build [--dir <folder>] [--out <file>]
      Validates every document in the knowledge folder (default: knowledge/), then writes the index
      (default: ${DEFAULT_INDEX_FILE}). Lists every problem and exits 1 when a document is invalid.
  tsx functions/knowledge/cli.ts gaps [--endpoint <url>] [--table <name>]
      Lists the questions the bot could not answer, grouped, most frequent first. Uses the usual AWS SDK
      configuration (AWS_REGION, AWS_ENDPOINT_URL...); the table defaults to KNOWLEDGE_GAPS_TABLE_NAME or
      parley-knowledge-gaps.`;

export interface CliOutput {
  out: (line: string) => void;
  err: (line: string) => void;
}

class UsageError extends Error {}

/** Runs one command and returns the exit code. */
export async function runKnowledgeCli(argv: readonly string[], output: CliOutput): Promise<number> {
  try {
    const [command, ...rest] = argv;
    if (command === 'build') return await runBuild(rest, output);
    if (command === 'gaps') return await runGaps(rest, output);
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

async function runGaps(args: readonly string[], output: CliOutput): Promise<number> {
  const { values } = parseArgs({
    args: [...args],
    options: { endpoint: { type: 'string' }, table: { type: 'string' } },
  });
  const tableName = values.table ?? loadConfig(process.env).generative.knowledgeGapsTableName;
  const client = new DynamoDBClient(values.endpoint ? { endpoint: values.endpoint } : {});
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

if (require.main === module) {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  runKnowledgeCli(process.argv.slice(2), {
    out: (line) => console.log(line),
    err: (line) => console.error(line),
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    },
  );
}
