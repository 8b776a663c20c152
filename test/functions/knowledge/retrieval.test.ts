import fc from 'fast-check';
import { readKnowledgeDirectory } from '../../../functions/knowledge/directory';
import type { KnowledgeDocument } from '../../../functions/knowledge/document';
import { buildKnowledgeIndex } from '../../../functions/knowledge/index-builder';
import type { KnowledgeIndexFile } from '../../../functions/knowledge/index-file';
import { createRetriever, MIN_PASSAGE_SCORE, type Retriever } from '../../../functions/knowledge/retriever';
import { knowledgeDocument } from './knowledge-fixtures';

let index: KnowledgeIndexFile;
let retriever: Retriever;
let staffDocuments: KnowledgeDocument[];

beforeAll(async () => {
  const { documents, problems } = await readKnowledgeDirectory('knowledge');
  expect(problems).toEqual([]);
  staffDocuments = documents.filter((document) => document.audience === 'staff');
  index = buildKnowledgeIndex(documents, { builtAt: new Date('2026-03-10T15:00:00Z') });
  // What the Lambda gets: the index after a trip through JSON.
  retriever = createRetriever(JSON.parse(JSON.stringify(index)) as KnowledgeIndexFile);
});

const publicEnglish = { localeId: 'en_US', audience: 'public' } as const;
const publicSpanish = { localeId: 'es_US', audience: 'public' } as const;

describe('retrieve', () => {
  it.each([
    ['en_US', 'do you ship to Canada'],
    ['es_US', '¿Envían a Canadá?'],
    ['es_US', 'envian a canada'],
  ])('finds the international shipping passage about Canada (%s: %s)', (localeId, query) => {
    const [best] = retriever.retrieve(query, { localeId, audience: 'public' });
    expect(best).toMatchObject({ id: 'international-shipping#1', audience: 'public', score: 1 });
    expect(best?.text).toMatch(/## Canad[aá]/);
  });

  it.each([
    ['en_US', 'How much does delivery to Canada cost?', 'international-shipping'],
    ['en_US', 'how long does it take to ship to canada', 'international-shipping'],
    ['en_US', 'shiping to mexico', 'international-shipping'],
    ['en_US', 'do I pay customs in Mexico', 'international-shipping'],
    ['en_US', 'how long does shipping take', 'shipping-options'],
    ['en_US', 'is shipping free', 'shipping-options'],
    ['en_US', 'can I pay with bitcoin', 'payment-methods'],
    ['en_US', 'can i bring my dog to riverside mall', 'pets-in-stores'],
    ['en_US', 'how long is the warranty on a tv', 'warranty'],
    ['en_US', 'can I return opened software', 'return-policy'],
    ['en_US', 'the price went down after I bought it', 'price-match'],
    ['en_US', 'can my husband pick up my order', 'store-pickup'],
    ['en_US', 'how do I get a copy of my data', 'account-privacy'],
    ['en_US', 'I lost my gift card', 'gift-cards'],
    ['en_US', 'package says delivered but not here', 'order-tracking'],
    ['es_US', 'cuanto tarda el envio a canada', 'international-shipping'],
    ['es_US', '¿puedo pagar con criptomonedas?', 'payment-methods'],
    ['es_US', 'quiero devolver un regalo sin recibo de regalo', 'gift-returns'],
    ['es_US', 'cuanto tiempo guardan mi pedido en la tienda', 'store-pickup'],
    ['es_US', 'mi televisor dejó de funcionar', 'warranty'],
    ['es_US', 'puedo llevar a mi perro', 'pets-in-stores'],
    ['es_US', 'el envio es gratis', 'shipping-options'],
    ['es_US', 'como cancelo un pedido', 'order-changes'],
    ['es_US', 'perdí mi tarjeta de regalo', 'gift-cards'],
    ['es_US', 'quiero cancelar una orden que acabo de hacer', 'order-changes'],
    ['es_US', 'cuánto cuesta el envío si mi compra es de 35 dólares', 'shipping-options'],
    ['es_US', '¿Cuánto tarda en llegar mi reembolso?', 'return-policy'],
    // "Tarde" (too late) is no "tarda" (how long it takes), though they stem alike.
    ['es_US', '¿ya es muy tarde para pedir la diferencia?', 'price-match'],
  ])('%s: "%s" finds %s first', (localeId, query, docId) => {
    expect(retriever.retrieve(query, { localeId, audience: 'public' })[0]?.docId).toBe(docId);
  });

  it.each([
    ['es_US', 'quiero devolver unos audífonos'],
    ['es_US', 'quiero devolver unos tenis de hace unas semanas'],
    ['en_US', 'I want to return some headphones from a few weeks back'],
    ['es_US', 'todavía alcanzo a pedir que me lo manden a otra dirección?'],
  ])(
    '%s: how long ago, "I want to" and "alcanzo a" frame "%s" and do not count against the article',
    (localeId, query) => {
      const [best] = retriever.retrieve(query, { localeId, audience: 'public' });
      expect(best?.score).toBeGreaterThanOrEqual(MIN_PASSAGE_SCORE);
    },
  );

  it.each([
    ['es_US', 'quiero devolver unos tenis', 'return-policy'],
    ['en_US', 'my blender stopped working', 'warranty'],
  ])(
    '%s: does not count what was bought against the article, nor read "tenis" as "tenía" (%s)',
    (localeId, query, docId) => {
      const [best] = retriever.retrieve(query, { localeId, audience: 'public' });
      expect(best).toMatchObject({ docId, score: 1 });
    },
  );

  it('ranks by score, in 0..1, the top one 1 when it matched every word', () => {
    const passages = retriever.retrieve('return a gift without a receipt', { ...publicEnglish, limit: 8 });
    expect(passages.length).toBeGreaterThan(2);
    expect(passages[0]?.score).toBe(1);
    const scores = passages.map((passage) => passage.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    for (const score of scores) {
      expect(score).toBeGreaterThan(0);
      expect(score).toBeLessThanOrEqual(1);
    }
  });

  it('scores a passage matching half the question 0.5 at most', () => {
    const [best] = retriever.retrieve('ship to Atlantis', publicEnglish);
    expect(best?.docId).toMatch(/shipping/);
    expect(best?.score).toBeLessThanOrEqual(0.5);
  });

  it('counts only two words that no passage matched against a question', () => {
    const question = 'can I return it';
    const alone = retriever.retrieve(question, publicEnglish)[0];
    const withTwo = retriever.retrieve(`${question} zorblax quindle`, publicEnglish)[0];
    const withFive = retriever.retrieve(
      `${question} zorblax quindle frumious vorpal snickersnee`,
      publicEnglish,
    )[0];
    expect(withTwo?.score).toBeLessThan(alone?.score ?? 0);
    expect(withFive?.docId).toBe(withTwo?.docId);
    expect(withFive?.score).toBeCloseTo(withTwo?.score ?? 0, 5);
  });

  it('honours the limit, and finds nothing for no content words or a locale without knowledge', () => {
    expect(retriever.retrieve('store', { ...publicEnglish, limit: 2 })).toHaveLength(2);
    expect(retriever.retrieve('what is it?', publicEnglish)).toEqual([]);
    expect(retriever.retrieve('', publicSpanish)).toEqual([]);
    expect(retriever.retrieve('do you ship to Canada', { localeId: 'fr_CA', audience: 'public' })).toEqual(
      [],
    );
  });

  it('finds staff procedures for staff', () => {
    const [best] = retriever.retrieve('who approves a refund over 500 dollars', {
      localeId: 'en_US',
      audience: 'staff',
    });
    expect(best).toMatchObject({ docId: 'refund-approval-thresholds', audience: 'staff' });
  });
});

describe('audience enforcement', () => {
  function expectNoStaffAnswer(query: string): void {
    const staffIds = new Set(staffDocuments.map((document) => document.id));
    for (const localeId of ['en_US', 'es_US']) {
      for (const passage of retriever.retrieve(query, { localeId, audience: 'public', limit: 50 })) {
        expect(passage.audience).toBe('public');
        expect(staffIds.has(passage.docId)).toBe(false);
      }
      const curated = retriever.curatedAnswer(query, { localeId, audience: 'public' });
      if (curated) expect(staffIds.has(curated.docId)).toBe(false);
    }
  }

  it('the sample knowledge base has staff documents to keep out', () => {
    expect(staffDocuments.length).toBeGreaterThanOrEqual(3);
  });

  it('no staff document appears for the public, whatever the question', () => {
    fc.assert(fc.property(fc.string({ maxLength: 200 }), expectNoStaffAnswer), { numRuns: 300 });
  });

  it("no staff document appears for the public, even asked in the staff documents' own words", () => {
    const staffWords = staffDocuments.flatMap((document) =>
      [document.title, ...document.questions, document.body].join(' ').split(/\s+/),
    );
    const phrasings = staffDocuments.flatMap((document) => [document.title, ...document.questions]);
    const fromStaffText = fc.oneof(
      fc.constantFrom(...phrasings),
      fc
        .array(fc.constantFrom(...staffWords), { minLength: 1, maxLength: 12 })
        .map((parts) => parts.join(' ')),
    );
    let foundByStaff = 0;
    fc.assert(
      fc.property(fromStaffText, (query) => {
        expectNoStaffAnswer(query);
        const forStaff = retriever.retrieve(query, { localeId: 'en_US', audience: 'staff', limit: 50 });
        if (forStaff.some((passage) => passage.audience === 'staff')) foundByStaff += 1;
      }),
      { numRuns: 200 },
    );
    // The same questions reach the staff documents when staff ask: the public result is not luck.
    expect(foundByStaff).toBeGreaterThan(150);
  });

  it('keeps whole staff documents, asked as questions, out of public answers', () => {
    for (const document of staffDocuments) expectNoStaffAnswer(document.body);
  });

  it('a staff title gets the curated staff answer for staff and never for the public', () => {
    for (const document of staffDocuments) {
      const staffAnswer = retriever.curatedAnswer(document.title, { localeId: 'en_US', audience: 'staff' });
      expect(staffAnswer?.docId).toBe(document.id);
      expect(retriever.curatedAnswer(document.title, publicEnglish)).toBeUndefined();
    }
  });

  it("the public part of the index holds no staff document's text", () => {
    const publicPart = JSON.stringify(index.locales.en_US?.public);
    const staffPart = JSON.stringify(index.locales.en_US?.staff);
    for (const document of staffDocuments) {
      expect(publicPart).not.toContain(document.id);
      expect(publicPart).not.toContain(document.title);
    }
    for (const marker of ['RF-APPROVED', 'FRAUD-REVIEW', 'GW-25', 'T2-General']) {
      expect(publicPart).not.toContain(marker);
      expect(staffPart).toContain(marker);
    }
  });
});

describe('buildKnowledgeIndex', () => {
  const sample = [
    knowledgeDocument({ id: 'b-doc', title: 'How do refunds work?', body: 'Refunds take 5 days.' }),
    knowledgeDocument({
      id: 'a-doc',
      title: 'Can I pay with PayPal?',
      body: 'Yes, online.',
      audience: 'staff',
    }),
    knowledgeDocument({ id: 'c-doc', locale: 'es_US', title: '¿Aceptan PayPal?', body: 'Sí, en línea.' }),
  ];

  it('is the same for the same documents in any order', () => {
    const builtAt = new Date('2026-03-10T15:00:00Z');
    expect(buildKnowledgeIndex([...sample].reverse(), { builtAt })).toEqual(
      buildKnowledgeIndex(sample, { builtAt }),
    );
  });

  it('keeps a locale part per audience: the public one without staff documents', () => {
    const built = buildKnowledgeIndex(sample);
    expect(built.locales.en_US?.public.answers.map((answer) => answer.docId)).toEqual(['b-doc']);
    expect(built.locales.en_US?.staff.answers.map((answer) => answer.docId)).toEqual(['a-doc', 'b-doc']);
    expect(built.locales.en_US?.public.search.documentCount).toBe(1);
    expect(built.locales.es_US?.public.passages.map((passage) => passage.id)).toEqual(['c-doc#1']);
  });
});
