import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { z } from 'zod';
import { foldText, tokenize } from '../shared/words';
import type { TextAnalyzer } from './text-analysis';

/**
 * Groups of words and phrases that customers and articles use for the same thing ("cancel" and "call off",
 * "cobro" and "cargo"), one file per locale, kept by the FAQ owners next to the articles. Each passage is
 * indexed with the other members of every group it uses, in a field of its own that counts for less than the
 * article's own words, so a question in the customer's words finds the article in ours. The question side
 * is unchanged: nothing is added to the Lambda's work per question.
 */
export const SynonymGroupsSchema = z
  .array(
    z
      .array(z.string().trim().min(1, 'an entry is empty').max(60, 'an entry is longer than 60 characters'))
      .min(2, 'a group needs at least two entries'),
  )
  .max(1000, 'more than 1000 groups');
export type SynonymGroups = z.infer<typeof SynonymGroupsSchema>;

/** `<dir>/<locale>.synonyms.yaml`; no file is no synonyms. */
export function synonymsFile(dir: string, localeId: string): string {
  return `${dir}/${localeId}.synonyms.yaml`;
}

export type SynonymsRead = { groups: SynonymGroups } | { problem: string };

export async function readSynonyms(file: string): Promise<SynonymsRead> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { groups: [] };
    return { problem: `cannot be read: ${error instanceof Error ? error.message : String(error)}` };
  }
  let data: unknown;
  try {
    data = parse(text) ?? [];
  } catch (error) {
    return { problem: `is not valid YAML: ${error instanceof Error ? error.message : String(error)}` };
  }
  const parsed = SynonymGroupsSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      problem: `group ${issue?.path.map(String).join(', entry ') ?? ''}: ${issue?.message ?? 'invalid'}`,
    };
  }
  return { groups: parsed.data };
}

/** The members of every group that `text` uses, except those it uses, as one line of words to index. */
export function synonymExpansions(text: string, groups: SynonymGroups, analyzer: TextAnalyzer): string {
  const words = phraseWords(text, analyzer);
  const added: string[] = [];
  for (const group of groups) {
    const used = group.map((entry) => containsPhrase(words, phraseWords(entry, analyzer)));
    if (!used.some(Boolean)) continue;
    group.forEach((entry, index) => {
      if (!used[index]) added.push(entry);
    });
  }
  return added.join(' ');
}

/**
 * Every word of a text as search terms, stop words kept as written: in a phrase they matter ("call off" is
 * not "call"), though search ignores them.
 */
function phraseWords(text: string, analyzer: TextAnalyzer): string[][] {
  return tokenize(text).map((token) => analyzer.terms(token) ?? [foldText(token)]);
}

/** Whether the phrase's words appear in a row among `words`, each sharing a search term with its match. */
function containsPhrase(words: readonly string[][], phrase: readonly string[][]): boolean {
  if (phrase.length === 0 || phrase.length > words.length) return false;
  for (let start = 0; start + phrase.length <= words.length; start += 1) {
    if (phrase.every((terms, offset) => terms.some((term) => words[start + offset]?.includes(term))))
      return true;
  }
  return false;
}
