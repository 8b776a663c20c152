import fc from 'fast-check';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readKnowledgeDirectory } from '../../../functions/knowledge/directory';
import { buildKnowledgeIndex } from '../../../functions/knowledge/index-builder';
import { createRetriever, MIN_PASSAGE_SCORE } from '../../../functions/knowledge/retriever';
import { readSynonyms, synonymExpansions } from '../../../functions/knowledge/synonyms';
import { textAnalyzer } from '../../../functions/knowledge/text-analysis';
import { knowledgeDocument } from './knowledge-fixtures';

const english = textAnalyzer('en_US');

describe('synonym groups', () => {
  it('adds the other members of every group a text uses, phrases included, and nothing else', () => {
    const groups = [
      ['cancel', 'call off'],
      ['refund', 'money back'],
      ['pet', 'dog'],
    ];
    expect(synonymExpansions('You can cancel an order and get a refund.', groups, english)).toBe(
      'call off money back',
    );
    expect(synonymExpansions('Can I call it off?', groups, english)).toBe('');
    expect(synonymExpansions('Can I call off the order?', groups, english)).toBe('cancel');
    expect(synonymExpansions('Dogs are welcome.', groups, english)).toBe('pet');
  });

  it('lets a question in the customer’s words find the article in ours, below the article’s own words', () => {
    const documents = [
      knowledgeDocument({
        id: 'payments',
        title: 'Which payments do you accept?',
        body: 'We accept PayPal.',
      }),
      knowledgeDocument({ id: 'pickup', title: 'Can I pick up in store?', body: 'Pickup is free.' }),
    ];
    const without = createRetriever(buildKnowledgeIndex(documents));
    const withGroups = createRetriever(
      buildKnowledgeIndex(documents, { synonyms: { en_US: [['accept', 'take']] } }),
    );
    const options = { localeId: 'en_US', audience: 'public' as const };
    expect(without.retrieve('do you take paypal', options)[0]?.docId).toBe('payments');
    const [best] = withGroups.retrieve('do you take paypal', options);
    expect(best?.docId).toBe('payments');
    expect(best?.rawScore).toBeGreaterThan(without.retrieve('do you take paypal', options)[0]?.rawScore ?? 0);
    expect(withGroups.retrieve('do you take cash', options)[0]?.docId).toBe('payments');
  });

  it('never throws on any text or group', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.array(fc.array(fc.string({ minLength: 1 }), { minLength: 2, maxLength: 4 }), { maxLength: 5 }),
        (text, groups) => {
          expect(typeof synonymExpansions(text, groups, english)).toBe('string');
        },
      ),
    );
  });
});

describe('the synonyms file', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'parley-synonyms-'));
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it('is optional, and a bad one is a knowledge problem naming the group', async () => {
    expect(await readSynonyms(path.join(root, 'en_US.synonyms.yaml'))).toEqual({ groups: [] });
    await writeFile(path.join(root, 'bad.yaml'), '- [ship, deliver]\n- [lonely]\n');
    expect(await readSynonyms(path.join(root, 'bad.yaml'))).toEqual({
      problem: 'group 1: a group needs at least two entries',
    });
    await writeFile(path.join(root, 'broken.yaml'), '- [ship, deliver\n');
    expect(await readSynonyms(path.join(root, 'broken.yaml'))).toMatchObject({
      problem: expect.stringMatching(/^is not valid YAML: /),
    });
  });

  it.each([
    // A Spanglish question after a greeting.
    ['es_US', 'buenas, como hago un return de algo q pedi online', 'return-policy', MIN_PASSAGE_SCORE],
    ['es_US', '¿me llega mañana si lo pido ahorita?', 'shipping-options', MIN_PASSAGE_SCORE],
    // Every word found: without the synonyms, "getting out of the car" is no pickup word.
    ['en_US', 'can I pick up my order without getting out of the car?', 'store-pickup', 1],
  ])(
    'lets a question in the customer’s words find the article (%s: "%s")',
    async (localeId, query, docId) => {
      const { documents, synonyms } = await readKnowledgeDirectory('knowledge');
      const retriever = createRetriever(buildKnowledgeIndex(documents, { synonyms }));
      const [best] = retriever.retrieve(query, { localeId, audience: 'public' });
      expect(best?.docId).toBe(docId);
      expect(best?.score).toBeGreaterThanOrEqual(MIN_PASSAGE_SCORE);
    },
  );

  it('is read with the repository knowledge, for both locales', async () => {
    const { synonyms, problems } = await readKnowledgeDirectory('knowledge');
    expect(problems).toEqual([]);
    expect(synonyms.en_US?.length).toBeGreaterThan(10);
    expect(synonyms.es_US?.length).toBeGreaterThan(10);
  });
});
