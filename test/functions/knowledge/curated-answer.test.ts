import fc from 'fast-check';
import {
  CURATED_MIN_SIMILARITY,
  createCuratedMatcher,
  wordSimilarity,
} from '../../../functions/knowledge/curated';
import { readKnowledgeDirectory } from '../../../functions/knowledge/directory';
import type { KnowledgeDocument } from '../../../functions/knowledge/document';
import { buildKnowledgeIndex } from '../../../functions/knowledge/index-builder';
import { createRetriever, type Retriever } from '../../../functions/knowledge/retriever';
import { textAnalyzer } from '../../../functions/knowledge/text-analysis';

let documents: KnowledgeDocument[];
let retriever: Retriever;

beforeAll(async () => {
  documents = (await readKnowledgeDirectory('knowledge')).documents;
  retriever = createRetriever(buildKnowledgeIndex(documents));
});

/** A listed phrasing with a word dropped and up to two words added: some still match, most don't. */
function questionNear(phrasings: readonly string[], vocabulary: readonly string[]): fc.Arbitrary<string> {
  return fc
    .record({
      words: fc.constantFrom(...phrasings).map((phrasing) => phrasing.split(/\s+/)),
      drop: fc.nat(),
      added: fc.array(fc.constantFrom(...vocabulary), { maxLength: 2 }),
    })
    .map(({ words, drop, added }) =>
      [...words.filter((_, index) => index !== drop % (words.length + 1)), ...added].join(' '),
    );
}

const curated = (localeId: string, question: string) =>
  retriever.curatedAnswer(question, { localeId, audience: 'public' });

describe('curatedAnswer', () => {
  it("answers every public document's title and listed questions with that document", () => {
    const publicDocuments = documents.filter((document) => document.audience === 'public');
    expect(publicDocuments.length).toBeGreaterThan(20);
    for (const document of publicDocuments) {
      for (const phrasing of [document.title, ...document.questions]) {
        expect([phrasing, curated(document.locale, phrasing)?.docId]).toEqual([phrasing, document.id]);
      }
    }
  });

  it('returns the curated Markdown, the short answer and the confidence', () => {
    const document = documents.find((d) => d.id === 'international-shipping' && d.locale === 'en_US');
    const expected = {
      docId: 'international-shipping',
      title: 'Do you ship internationally?',
      text: document?.body,
    };
    expect(curated('en_US', 'Do you ship internationally?')).toEqual({
      ...expected,
      voice: document?.voice,
      confidence: 1,
    });
    // A listed question with its own answer leads with that answer.
    expect(curated('en_US', 'Do you ship to Canada?')).toEqual({
      ...expected,
      voice: document?.questionAnswers.find((pair) => pair.question === 'Do you ship to Canada?')?.answer,
      confidence: 1,
    });
    expect(curated('en_US', 'Do you ship to Canada?')?.voice).toMatch(/19\.99/);
  });

  // The calibration set behind CURATED_MIN_SIMILARITY and CURATED_MIN_MARGIN (see curated.ts).
  it.each([
    ['en_US', "what's your return policy", 'return-policy'],
    ['en_US', 'do you ship to mexico?', 'international-shipping'],
    ['en_US', 'Do you do price matching?', 'price-match'],
    ['en_US', 'can I return an item without a receipt', 'return-policy'],
    ['en_US', 'Can I return a gift without receipt', 'gift-returns'],
    ['en_US', 'do gift cards expire', 'gift-cards'],
    ['en_US', 'are dogs allowed in the stores', 'pets-in-stores'],
    ['en_US', 'how do I cancel an order', 'order-changes'],
    ['en_US', 'does my store credit expire', 'store-credit'],
    ['es_US', 'envian a canada', 'international-shipping'],
    ['es_US', 'cual es su politica de devoluciones', 'return-policy'],
    ['es_US', 'las tarjetas de regalo vencen?', 'gift-cards'],
  ])('%s: a rewording of a listed question, "%s", gets %s', (localeId, question, docId) => {
    const match = curated(localeId, question);
    expect(match?.docId).toBe(docId);
    expect(match?.confidence).toBeGreaterThanOrEqual(CURATED_MIN_SIMILARITY);
  });

  it.each([
    ['en_US', 'shipping', 'one word, shared by two documents'],
    ['en_US', 'refund', 'a single word matches only word for word'],
    ['en_US', 'my order', 'a single word matches only word for word'],
    ['en_US', 'return without receipt', '0.75 from return-policy and from gift-returns: no margin'],
    ['en_US', 'can I return a gift card', '2 of 3 words of the gift returns question, the wrong answer'],
    ['en_US', 'can you ship overnight to Canada', 'overnight is not part of the question it resembles'],
    ['en_US', 'how much does shipping cost', '3 of 5 words'],
    ['en_US', 'do you ship to Brazil', 'shares only "ship"'],
    ['en_US', 'is bitcoin accepted', 'shares only "bitcoin"'],
    ['en_US', 'what is the weather tomorrow', 'unrelated'],
    ['en_US', 'what is it?', 'no content words'],
    ['es_US', 'envíos', 'one word'],
    ['es_US', '¿Puedo devolver una tarjeta de regalo?', 'half of two questions'],
    ['es_US', 'quiero hablar con alguien', 'unrelated'],
  ])('%s: "%s" is left to retrieval (%s)', (localeId, question) => {
    expect(curated(localeId, question)).toBeUndefined();
  });

  it('answers nothing for a locale without knowledge', () => {
    expect(retriever.curatedAnswer('Do you ship to Canada?', { localeId: 'fr_CA', audience: 'public' })).toBe(
      undefined,
    );
  });

  it('answers only with a confidence over the threshold, the similarity to a phrasing of its document', () => {
    const entries = documents
      .filter((document) => document.locale === 'en_US' && document.audience === 'public')
      .map((document) => ({ ...document, docId: document.id, text: document.body }));
    const analyzer = textAnalyzer('en_US');
    const match = createCuratedMatcher(entries, analyzer);
    const vocabulary = entries.flatMap((entry) => [entry.title, ...entry.questions].join(' ').split(/\s+/));
    let answered = 0;
    fc.assert(
      fc.property(
        questionNear(
          entries.flatMap((entry) => [entry.title, ...entry.questions]),
          vocabulary,
        ),
        (question) => {
          const answer = match(question);
          if (answer === undefined) return;
          answered += 1;
          expect(answer.confidence).toBeGreaterThanOrEqual(CURATED_MIN_SIMILARITY);
          expect(answer.confidence).toBeLessThanOrEqual(1);
          const entry = entries.find((candidate) => candidate.docId === answer.docId);
          const similarities = [entry?.title ?? '', ...(entry?.questions ?? [])].map((phrasing) =>
            wordSimilarity(analyzer.words(question), analyzer.words(phrasing)),
          );
          expect(similarities).toContain(answer.confidence);
        },
      ),
      { numRuns: 300 },
    );
    expect(answered).toBeGreaterThan(0);
  });

  it("leads with a listed question's own short answer when that question is the one matched", () => {
    const analyzer = textAnalyzer('en_US');
    const match = createCuratedMatcher(
      [
        {
          docId: 'payments',
          title: 'What payment methods do you accept?',
          questions: ['Do you take PayPal?', 'When is my card charged?'],
          text: 'We accept cards and PayPal. Cards are charged when the order ships.',
          voice: 'We accept cards, PayPal and gift cards.',
          questionAnswers: [{ question: 'When is my card charged?', answer: 'When your order ships.' }],
          audience: 'public' as const,
        },
      ],
      analyzer,
    );
    expect(match('when will my card be charged')?.voice).toBe('When your order ships.');
    expect(match('do you take paypal')?.voice).toBe('We accept cards, PayPal and gift cards.');
    expect(match('what payment methods do you accept')?.voice).toBe(
      'We accept cards, PayPal and gift cards.',
    );
  });

  it('needs a clear lead over the runner-up', () => {
    const entry = (docId: string, title: string) => ({
      docId,
      title,
      questions: [],
      text: title,
      audience: 'public' as const,
    });
    const analyzer = textAnalyzer('en_US');
    const close = createCuratedMatcher(
      [entry('a', 'return policy for gifts online'), entry('b', 'return policy for gifts in store')],
      analyzer,
    );
    expect(close('return policy for gifts')).toBeUndefined();
    const clear = createCuratedMatcher(
      [entry('a', 'return policy for gifts'), entry('b', 'gift cards')],
      analyzer,
    );
    expect(clear('return policy for gifts')?.docId).toBe('a');
  });
});

describe('curated answers and synonyms', () => {
  it("takes a one-word synonym from the FAQ owners' groups for the word it stands for", () => {
    const spanish = documents.filter((document) => document.locale === 'es_US');
    const synonyms = { es_US: [['enviar', 'envían', 'mandar', 'mandan']] };
    const withGroups = createRetriever(buildKnowledgeIndex(spanish, { synonyms }));
    const options = { localeId: 'es_US', audience: 'public' } as const;
    expect(withGroups.curatedAnswer('¿mandan a Canadá?', options)?.docId).toBe('international-shipping');
    expect(createRetriever(buildKnowledgeIndex(spanish)).curatedAnswer('¿mandan a Canadá?', options)).toBe(
      undefined,
    );
  });
});

describe('wordSimilarity', () => {
  const words = (text: string) => textAnalyzer('en_US').words(text);

  it('is the share of distinct content words two texts have in common', () => {
    expect(wordSimilarity(words('Do you ship to Canada?'), words('ship to canada'))).toBe(1);
    expect(wordSimilarity(words('return a gift'), words('return a gift card'))).toBeCloseTo(2 / 3);
    expect(wordSimilarity(words('refund'), words('shipping'))).toBe(0);
    expect(wordSimilarity(words('the'), words('shipping'))).toBe(0);
  });

  it('is symmetric and within 0..1', () => {
    const text = fc.stringMatching(/^[a-z ]{0,40}$/);
    fc.assert(
      fc.property(text, text, (a, b) => {
        const forward = wordSimilarity(words(a), words(b));
        expect(forward).toBe(wordSimilarity(words(b), words(a)));
        expect(forward).toBeGreaterThanOrEqual(0);
        expect(forward).toBeLessThanOrEqual(1);
      }),
    );
  });
});
