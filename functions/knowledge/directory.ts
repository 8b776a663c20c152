import { promises as fs } from 'node:fs';
import path from 'node:path';
import {
  formatKnowledgeProblem,
  parseKnowledgeDocument,
  type KnowledgeDocument,
  type KnowledgeProblem,
} from './document';
import { buildKnowledgeIndex, type BuildOptions } from './index-builder';
import type { KnowledgeIndexFile } from './index-file';
import { isKnowledgeLocaleId, KNOWLEDGE_LOCALE_IDS, type KnowledgeLocaleId } from './languages';
import { readSynonyms, synonymsFile, type SynonymGroups } from './synonyms';
import { foldText, tokenize } from '../shared/words';

/** The repository's `knowledge/` folder. */
export const DEFAULT_KNOWLEDGE_DIR = path.resolve(__dirname, '..', '..', 'knowledge');

const DOCUMENT_EXTENSION = '.md';

/** Every problem found in a knowledge folder; nothing is built while there is one. */
export class KnowledgeSourceError extends Error {
  override readonly name = 'KnowledgeSourceError';

  constructor(readonly problems: readonly KnowledgeProblem[]) {
    super(
      `${problems.length} problem${problems.length === 1 ? '' : 's'} in the knowledge base:\n` +
        problems.map(formatKnowledgeProblem).join('\n'),
    );
  }
}

export interface KnowledgeDirectoryRead {
  documents: KnowledgeDocument[];
  problems: KnowledgeProblem[];
  /** Each locale's synonym groups, from `<dir>/<locale>.synonyms.yaml` (synonyms.ts). */
  synonyms: Partial<Record<KnowledgeLocaleId, SynonymGroups>>;
}

/**
 * Reads `<dir>/<locale>/<id>.md`, checking each file and the files against each other, and each locale's
 * `<dir>/<locale>.synonyms.yaml`. Other top-level files (the README) and dotfiles are not documents.
 */
export async function readKnowledgeDirectory(dir: string): Promise<KnowledgeDirectoryRead> {
  const root = path.resolve(dir);
  const documents: KnowledgeDocument[] = [];
  const problems: KnowledgeProblem[] = [];
  const synonyms: Partial<Record<KnowledgeLocaleId, SynonymGroups>> = {};
  let entries;
  try {
    entries = await fs.readdir(root, { withFileTypes: true });
  } catch (error) {
    return {
      documents,
      problems: [{ file: label(root), field: 'folder', message: unreadable(error) }],
      synonyms,
    };
  }
  for (const entry of entries.filter((e) => e.isDirectory() && !e.name.startsWith('.')).sort(byName)) {
    const folder = path.join(root, entry.name);
    if (!isKnowledgeLocaleId(entry.name)) {
      problems.push({
        file: label(folder),
        field: 'folder',
        message: `"${entry.name}" is not a knowledge locale (known: ${KNOWLEDGE_LOCALE_IDS.join(', ')})`,
      });
      continue;
    }
    const read = await readLocaleFolder(folder, entry.name);
    documents.push(...read.documents);
    problems.push(...read.problems);
    const file = synonymsFile(root, entry.name);
    const groups = await readSynonyms(file);
    if ('problem' in groups) problems.push({ file: label(file), field: 'synonyms', message: groups.problem });
    else synonyms[entry.name as KnowledgeLocaleId] = groups.groups;
  }
  if (documents.length === 0 && problems.length === 0) {
    problems.push({
      file: label(root),
      field: 'folder',
      message: `no documents: expected <locale>/<id>${DOCUMENT_EXTENSION} files here`,
    });
  }
  problems.push(...repeatedPhrasings(documents));
  return { documents, problems, synonyms };
}

/** Reads and validates the folder, then builds; throws a KnowledgeSourceError listing every problem. */
export async function buildKnowledgeIndexFromDirectory(
  dir: string = DEFAULT_KNOWLEDGE_DIR,
  options: BuildOptions = {},
): Promise<KnowledgeIndexFile> {
  const { documents, problems, synonyms } = await readKnowledgeDirectory(dir);
  if (problems.length > 0) throw new KnowledgeSourceError(problems);
  return buildKnowledgeIndex(documents, { synonyms, ...options });
}

async function readLocaleFolder(
  folder: string,
  localeId: string,
): Promise<Omit<KnowledgeDirectoryRead, 'synonyms'>> {
  const documents: KnowledgeDocument[] = [];
  const problems: KnowledgeProblem[] = [];
  const entries = (await fs.readdir(folder, { withFileTypes: true }))
    .filter((entry) => !entry.name.startsWith('.'))
    .sort(byName);
  for (const entry of entries) {
    const file = path.join(folder, entry.name);
    if (!entry.isFile() || path.extname(entry.name) !== DOCUMENT_EXTENSION) {
      problems.push({
        file: label(file),
        field: 'file',
        message: `only <id>${DOCUMENT_EXTENSION} documents belong in a locale folder`,
      });
      continue;
    }
    const result = parseKnowledgeDocument(label(file), await fs.readFile(file, 'utf8'));
    if (!result.ok) {
      problems.push(...result.problems);
      continue;
    }
    const { document } = result;
    const expectedId = path.basename(entry.name, DOCUMENT_EXTENSION);
    if (document.id !== expectedId)
      problems.push({
        file: document.file,
        field: 'id',
        message: `must match the file name: "${expectedId}"`,
      });
    if (document.locale !== localeId)
      problems.push({
        file: document.file,
        field: 'locale',
        message: `must match its folder: "${localeId}"`,
      });
    documents.push(document);
  }
  return { documents, problems };
}

/**
 * A title or question listed by two documents of one locale makes the curated answer a coin toss, so it is an
 * error; compared without case, accents or punctuation.
 */
function repeatedPhrasings(documents: readonly KnowledgeDocument[]): KnowledgeProblem[] {
  const problems: KnowledgeProblem[] = [];
  const owners = new Map<string, KnowledgeDocument>();
  for (const document of documents) {
    const phrasings: [string, string][] = [
      ['title', document.title],
      ...document.questions.map((question, index): [string, string] => [`questions.${index}`, question]),
    ];
    for (const [field, phrasing] of phrasings) {
      const key = `${document.locale}:${tokenize(foldText(phrasing)).join(' ')}`;
      const owner = owners.get(key);
      if (owner && owner !== document) {
        problems.push({
          file: document.file,
          field,
          message: `"${phrasing}" is also a title or question of ${owner.file}; keep it in one document`,
        });
      } else {
        owners.set(key, document);
      }
    }
  }
  return problems;
}

function label(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith('..') || relative === '' ? file : relative;
}

function unreadable(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'does not exist';
  if (code === 'ENOTDIR') return 'is not a folder';
  return `cannot be read: ${error instanceof Error ? error.message : String(error)}`;
}

function byName(a: { name: string }, b: { name: string }): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}
