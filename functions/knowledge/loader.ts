import { readFile } from 'node:fs/promises';
import { InvalidKnowledgeIndexError, parseKnowledgeIndexFile } from './index-file';
import { createRetriever, type Retriever } from './retriever';

const loaded = new Map<string, Promise<Retriever>>();

/**
 * The retriever for the index file at `path`, read and validated once per container: every later call, and
 * every concurrent one, shares the first load. A failed load is forgotten so the next invocation tries again.
 */
export function loadKnowledgeIndex(path: string): Promise<Retriever> {
  let retriever = loaded.get(path);
  if (!retriever) {
    retriever = readRetriever(path);
    loaded.set(path, retriever);
    retriever.catch(() => loaded.delete(path));
  }
  return retriever;
}

async function readRetriever(path: string): Promise<Retriever> {
  const text = await readFile(path, 'utf8');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new InvalidKnowledgeIndexError(
      `Invalid knowledge index ${path}: not JSON (${(error as Error).message})`,
    );
  }
  return createRetriever(parseKnowledgeIndexFile(json, path));
}
