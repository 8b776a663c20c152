import { buildKnowledgeIndexFromDirectory } from '../../../functions/knowledge/directory';
import { createRetriever, type Retriever } from '../../../functions/knowledge/retriever';
import { evaluateRetrieval, formatRetrievalReport } from '../../../local/eval/retrieval';

let retriever: Retriever;
beforeAll(async () => {
  retriever = createRetriever(await buildKnowledgeIndexFromDirectory());
});

describe('the retrieval evaluation', () => {
  it('ranks distinct articles, reports recall@1 and @3 per split, and counts staff leaks to the public', () => {
    const results = evaluateRetrieval(
      retriever,
      'en_US',
      [
        {
          article: 'return-policy',
          audience: 'public',
          questions: [
            { q: 'what is your return policy', split: 'tune' },
            { q: 'zzzz qqqq', split: 'heldout' },
          ],
        },
        {
          article: 'refund-approval-thresholds',
          audience: 'staff',
          questions: [{ q: 'who approves a refund over the limit', split: 'heldout' }],
        },
      ],
      new Set(['refund-approval-thresholds']),
    );
    expect(results[0]?.ranked[0]).toBe('return-policy');
    expect(new Set(results[0]?.ranked).size).toBe(results[0]?.ranked.length);
    expect(results[1]?.ranked).toEqual([]);
    expect(results.every((result) => result.leakedToPublic.length === 0)).toBe(true);
    const report = formatRetrievalReport(results);
    expect(report).toMatch(/en_US\s+tune\s+1\/1 \(100\.0%\)/);
    expect(report).toMatch(/staff articles retrieved for a public question: 0/);
  });
});
