import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  buildKnowledgeIndexFromDirectory,
  KnowledgeSourceError,
  readKnowledgeDirectory,
} from '../../../functions/knowledge/directory';
import { formatKnowledgeProblem, MAX_VOICE_LENGTH } from '../../../functions/knowledge/document';
import { knowledgeFile } from './knowledge-fixtures';

describe('the repository knowledge folder', () => {
  it('builds without a problem', async () => {
    const index = await buildKnowledgeIndexFromDirectory();
    expect(Object.keys(index.locales)).toEqual(['en_US', 'es_US']);
  });

  it('has 10-14 public documents per locale, both locales with the same ids, and staff procedures in English', async () => {
    const { documents } = await readKnowledgeDirectory('knowledge');
    const ids = (locale: string, audience: string) =>
      documents
        .filter((document) => document.locale === locale && document.audience === audience)
        .map((document) => document.id)
        .sort();
    expect(ids('en_US', 'public').length).toBeGreaterThanOrEqual(10);
    expect(ids('en_US', 'public').length).toBeLessThanOrEqual(14);
    expect(ids('es_US', 'public')).toEqual(ids('en_US', 'public'));
    expect(ids('en_US', 'staff').length).toBeGreaterThanOrEqual(3);
    expect(ids('es_US', 'staff')).toEqual([]);
  });

  it('gives every public document a voice line for the phone', async () => {
    const { documents } = await readKnowledgeDirectory('knowledge');
    for (const document of documents.filter((d) => d.audience === 'public')) {
      expect([document.file, document.voice?.length ?? 0]).toEqual([document.file, expect.any(Number)]);
      expect(document.voice?.length ?? 0).toBeGreaterThan(0);
      expect(document.voice?.length ?? 0).toBeLessThanOrEqual(MAX_VOICE_LENGTH);
    }
  });
});

describe('readKnowledgeDirectory', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'parley-knowledge-'));
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  async function write(relative: string, text: string): Promise<void> {
    await mkdir(path.dirname(path.join(root, relative)), { recursive: true });
    await writeFile(path.join(root, relative), text);
  }

  const frontMatter = (id: string, locale: string, title: string) => [
    `id: ${id}`,
    `title: ${title}`,
    `locale: ${locale}`,
    'audience: public',
    'tags: [sample]',
  ];

  it('reads the documents of every locale folder and ignores the README and dotfiles', async () => {
    await write('README.md', '# How to write FAQs');
    await write('en_US/returns.md', knowledgeFile(frontMatter('returns', 'en_US', 'How do returns work?')));
    await write('es_US/returns.md', knowledgeFile(frontMatter('returns', 'es_US', '¿Cómo funcionan?')));
    await write('en_US/.DS_Store', 'binary');
    const { documents, problems } = await readKnowledgeDirectory(root);
    expect(problems).toEqual([]);
    expect(documents.map((document) => `${document.locale}/${document.id}`)).toEqual([
      'en_US/returns',
      'es_US/returns',
    ]);
  });

  it('lists the problems of every file and between files, and builds nothing', async () => {
    await write(
      'en_US/returns.md',
      knowledgeFile(frontMatter('return-policy', 'en_US', 'How do returns work?')),
    );
    await write('en_US/gifts.md', knowledgeFile(frontMatter('gifts', 'en_US', 'How do returns work?')));
    await write('en_US/pickup.md', knowledgeFile(frontMatter('pickup', 'es_US', '¿Cómo recojo mi pedido?')));
    await write('en_US/broken.md', knowledgeFile(['id: broken'], ''));
    await write('en_US/notes.txt', 'draft');
    await write('fr_FR/retours.md', knowledgeFile(frontMatter('retours', 'fr_FR', 'Retours ?')));
    const { problems } = await readKnowledgeDirectory(root);
    // Outside the working directory, files are named by their full path.
    const file = (relative: string) => path.join(root, relative);
    expect(problems.map(formatKnowledgeProblem)).toEqual([
      `${file('en_US/broken.md')}: body: is empty: write the curated answer below the front matter`,
      `${file('en_US/broken.md')}: title: is required`,
      `${file('en_US/broken.md')}: locale: is required`,
      `${file('en_US/broken.md')}: audience: is required`,
      `${file('en_US/broken.md')}: tags: is required`,
      `${file('en_US/notes.txt')}: file: only <id>.md documents belong in a locale folder`,
      `${file('en_US/pickup.md')}: locale: must match its folder: "en_US"`,
      `${file('en_US/returns.md')}: id: must match the file name: "returns"`,
      `${file('fr_FR')}: folder: "fr_FR" is not a knowledge locale (known: en_US, es_US)`,
      `${file('en_US/returns.md')}: title: "How do returns work?" is also a title or question of ${file('en_US/gifts.md')}; keep it in one document`,
    ]);
    await expect(buildKnowledgeIndexFromDirectory(root)).rejects.toThrow(KnowledgeSourceError);
    await expect(buildKnowledgeIndexFromDirectory(root)).rejects.toThrow(
      /^10 problems in the knowledge base:\n/,
    );
  });

  it('reports a missing or empty folder', async () => {
    expect(
      (await readKnowledgeDirectory(path.join(root, 'missing'))).problems.map(formatKnowledgeProblem),
    ).toEqual([`${path.join(root, 'missing')}: folder: does not exist`]);
    expect((await readKnowledgeDirectory(root)).problems).toMatchObject([
      { field: 'folder', message: 'no documents: expected <locale>/<id>.md files here' },
    ]);
  });
});
