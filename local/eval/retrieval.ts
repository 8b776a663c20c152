/**
 * Retrieval recall of the FAQ knowledge base on the evaluation set's paraphrases: for each question, is the
 * right article the first (recall@1) or among the first three (recall@3) distinct articles retrieved, per
 * locale and split. Also counts staff articles reaching a public question, which must stay zero.
 *
 *   npm run eval:retrieval [-- --verbose]
 *
 * --verbose lists the tune questions whose article is not ranked first; held-out questions are never listed,
 * so nobody tunes on them by accident (their results are in the JSON for an audit).
 *
 * Results: a table here, JSON in .parley/eval/retrieval.json (ignored by git).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildKnowledgeIndexFromDirectory } from '../../functions/knowledge/directory';
import { createRetriever, type Retriever } from '../../functions/knowledge/retriever';
import { readRetrievalSet, SPLITS, type RetrievalItem, type Split } from './eval-sets';

const LOCALES = ['en_US', 'es_US'] as const;
const RESULTS_FILE = path.resolve(__dirname, '..', '..', '.parley', 'eval', 'retrieval.json');

export interface RetrievalResult {
  localeId: string;
  article: string;
  question: string;
  split: Split;
  /** Distinct articles in the order retrieved (first 3). */
  ranked: string[];
  /** Staff articles retrieved for the question asked as the public. */
  leakedToPublic: string[];
}

/** Distinct article ids in retrieval order. */
export function rankedArticles(
  retriever: Retriever,
  question: string,
  localeId: string,
  audience: 'public' | 'staff',
): string[] {
  const ranked: string[] = [];
  for (const passage of retriever.retrieve(question, { localeId, audience, limit: 20 })) {
    if (!ranked.includes(passage.docId)) ranked.push(passage.docId);
  }
  return ranked;
}

export function evaluateRetrieval(
  retriever: Retriever,
  localeId: string,
  items: readonly RetrievalItem[],
  staffArticles: ReadonlySet<string>,
): RetrievalResult[] {
  return items.flatMap((item) =>
    item.questions.map(({ q, split }) => ({
      localeId,
      article: item.article,
      question: q,
      split,
      ranked: rankedArticles(retriever, q, localeId, item.audience).slice(0, 3),
      leakedToPublic: rankedArticles(retriever, q, localeId, 'public').filter((id) => staffArticles.has(id)),
    })),
  );
}

export function formatRetrievalReport(results: readonly RetrievalResult[]): string {
  const recall = (items: readonly RetrievalResult[], k: number) => {
    if (items.length === 0) return '-';
    const hits = items.filter((r) => r.ranked.slice(0, k).includes(r.article)).length;
    return `${hits}/${items.length} (${((100 * hits) / items.length).toFixed(1)}%)`;
  };
  const lines = [`${'locale'.padEnd(8)} ${'split'.padEnd(8)} ${'recall@1'.padEnd(18)} recall@3`];
  for (const localeId of [...new Set(results.map((r) => r.localeId))]) {
    for (const split of SPLITS) {
      const items = results.filter((r) => r.localeId === localeId && r.split === split);
      lines.push(
        `${localeId.padEnd(8)} ${split.padEnd(8)} ${recall(items, 1).padEnd(18)} ${recall(items, 3)}`,
      );
    }
  }
  const leaks = results.filter((r) => r.leakedToPublic.length > 0).length;
  lines.push(`staff articles retrieved for a public question: ${leaks}`);
  return lines.join('\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { verbose: { type: 'boolean', default: false } } });
  const retriever = createRetriever(await buildKnowledgeIndexFromDirectory());
  const results: RetrievalResult[] = [];
  for (const localeId of LOCALES) {
    const items = await readRetrievalSet(localeId);
    const staff = new Set(items.filter((item) => item.audience === 'staff').map((item) => item.article));
    results.push(...evaluateRetrieval(retriever, localeId, items, staff));
  }
  console.log(formatRetrievalReport(results));
  if (values.verbose) {
    for (const miss of results.filter((r) => r.split === 'tune' && r.ranked[0] !== r.article)) {
      console.log(
        `  ${miss.localeId} "${miss.question}" -> [${miss.ranked.join(', ')}], expected ${miss.article}`,
      );
    }
  }
  await mkdir(path.dirname(RESULTS_FILE), { recursive: true });
  await writeFile(
    RESULTS_FILE,
    `${JSON.stringify({ timestamp: new Date().toISOString(), results }, null, 2)}\n`,
  );
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
