import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildKnowledgeIndex } from '../../../functions/knowledge/index-builder';
import {
  InvalidKnowledgeIndexError,
  KNOWLEDGE_INDEX_VERSION,
  type KnowledgeIndexFile,
} from '../../../functions/knowledge/index-file';
import { loadKnowledgeIndex } from '../../../functions/knowledge/loader';
import { createRetriever } from '../../../functions/knowledge/retriever';
import { knowledgeDocument } from './knowledge-fixtures';

const index = buildKnowledgeIndex([
  knowledgeDocument({ id: 'pets', title: 'Can I bring my dog?', body: 'Leashed dogs are welcome Downtown.' }),
]);

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'parley-knowledge-index-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('loadKnowledgeIndex', () => {
  it('reads the file once per path and shares the retriever with every caller', async () => {
    const file = path.join(dir, 'index.json');
    await writeFile(file, JSON.stringify(index));
    const [first, concurrent] = await Promise.all([loadKnowledgeIndex(file), loadKnowledgeIndex(file)]);
    await rm(file);
    expect(await loadKnowledgeIndex(file)).toBe(first);
    expect(concurrent).toBe(first);
    expect(first.retrieve('dog', { localeId: 'en_US', audience: 'public' })[0]?.id).toBe('pets#1');
  });

  it('names a file that is not JSON, and tries again on the next call', async () => {
    const file = path.join(dir, 'index.json');
    await writeFile(file, '{"format": "parley-knowledge-index",');
    await expect(loadKnowledgeIndex(file)).rejects.toThrow(
      new RegExp(`^Invalid knowledge index ${file}: not JSON`),
    );
    await writeFile(file, JSON.stringify(index));
    expect(
      (await loadKnowledgeIndex(file)).curatedAnswer('can I bring my dog', {
        localeId: 'en_US',
        audience: 'public',
      }),
    ).toMatchObject({ docId: 'pets' });
  });

  it('rejects an index from another version or format', async () => {
    const file = path.join(dir, 'old.json');
    await writeFile(file, JSON.stringify({ ...index, version: 0 }));
    await expect(loadKnowledgeIndex(file)).rejects.toThrow(
      `Invalid knowledge index ${file}: version: must be ${KNOWLEDGE_INDEX_VERSION}: rebuild the index with this version of Parley`,
    );
    const other = path.join(dir, 'other.json');
    await writeFile(other, JSON.stringify({ ...index, locales: { en_US: { public: { search: {} } } } }));
    await expect(loadKnowledgeIndex(other)).rejects.toThrow(InvalidKnowledgeIndexError);
  });

  it('reports a missing file', async () => {
    await expect(loadKnowledgeIndex(path.join(dir, 'absent.json'))).rejects.toThrow(/ENOENT/);
  });
});

describe('createRetriever', () => {
  it('refuses an index whose search finds passages it does not store', () => {
    const tampered = JSON.parse(JSON.stringify(index)) as KnowledgeIndexFile;
    const english = tampered.locales.en_US;
    if (english) english.public.passages = [];
    const retriever = createRetriever(tampered);
    expect(() => retriever.retrieve('dog', { localeId: 'en_US', audience: 'public' })).toThrow(
      'Invalid knowledge index: en_US public search finds passages it does not store: pets#1',
    );
  });
});
