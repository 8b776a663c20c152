import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { newStemmer } from 'snowball-stemmers';
import { STEMMERS, type StemmerName } from '../../../functions/knowledge/stemmers';

const ROOT = path.resolve(__dirname, '../../..');

/** Every word of a folder's text files, lowercase, and each again without accents. */
async function vocabularyOf(folders: readonly string[]): Promise<string[]> {
  const words = new Set<string>();
  for (const folder of folders) {
    for (const name of await readdir(path.join(ROOT, folder))) {
      if (!/\.(md|ya?ml)$/.test(name)) continue;
      const text = (await readFile(path.join(ROOT, folder, name), 'utf8')).toLowerCase();
      for (const word of text.split(/[^\p{L}\p{N}]+/u).filter(Boolean)) {
        words.add(word);
        words.add(word.normalize('NFD').replace(/\p{M}/gu, ''));
      }
    }
  }
  return [...words];
}

describe.each<[StemmerName, string]>([
  ['english', 'knowledge/en_US'],
  ['spanish', 'knowledge/es_US'],
])('the %s stemmer the Lambda bundles', (language, knowledge) => {
  const reference = newStemmer(language);

  it('stems every word of the articles, bot and evaluation sets as Snowball does', async () => {
    const vocabulary = await vocabularyOf([
      knowledge,
      'bot-definitions/RetailSupportBot',
      'test/fixtures/eval',
    ]);
    expect(vocabulary.length).toBeGreaterThan(1000);
    const different = vocabulary.filter((word) => STEMMERS[language](word) !== reference.stem(word));
    expect(different).toEqual([]);
  });

  it('agrees with Snowball on any lowercase word', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzáéíóúñü'.split('')), maxLength: 14 }),
        (word) => {
          expect(STEMMERS[language](word)).toBe(reference.stem(word));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
