import fc from 'fast-check';
import {
  formatKnowledgeProblem,
  parseKnowledgeDocument,
  type KnowledgeDocumentResult,
} from '../../../functions/knowledge/document';
import { knowledgeFile, VALID_FRONT_MATTER } from './knowledge-fixtures';

const FILE = 'knowledge/en_US/gift-returns.md';

function problemsOf(result: KnowledgeDocumentResult): string[] {
  return result.ok ? [] : result.problems.map(formatKnowledgeProblem);
}

describe('parseKnowledgeDocument', () => {
  it('reads the front matter and keeps the Markdown body as the curated answer', () => {
    const source = knowledgeFile(
      [
        ...VALID_FRONT_MATTER,
        'questions:',
        '  - Can I exchange a gift?',
        '  - q: Do I get cash back for a gift?',
        '    answer: No, you get store credit for the price paid.',
        'voice: Bring the gift receipt to any store within 30 days.',
      ],
      '## With a gift receipt\n\n- Store credit for the price paid.',
    );
    expect(parseKnowledgeDocument(FILE, source)).toEqual({
      ok: true,
      document: {
        id: 'gift-returns',
        title: 'How do I return a gift?',
        locale: 'en_US',
        audience: 'public',
        tags: ['returns', 'gifts'],
        questions: ['Can I exchange a gift?', 'Do I get cash back for a gift?'],
        questionAnswers: [
          {
            question: 'Do I get cash back for a gift?',
            answer: 'No, you get store credit for the price paid.',
          },
        ],
        voice: 'Bring the gift receipt to any store within 30 days.',
        body: '## With a gift receipt\n\n- Store credit for the price paid.',
        file: FILE,
      },
    });
  });

  it('accepts Windows line endings and a byte order mark', () => {
    const source = `\uFEFF${knowledgeFile(VALID_FRONT_MATTER)}`.replace(/\n/g, '\r\n');
    const result = parseKnowledgeDocument(FILE, source);
    expect(result.ok && result.document.body).toBe('The curated answer.');
  });

  it('lists every problem of the front matter and body, each as file: field: message', () => {
    const source = knowledgeFile(
      [
        'id: Gift_Returns',
        'locale: fr_FR',
        'audience: customers',
        'tags: shipping',
        'questions:',
        '  - ""',
        '  - { q: Do I get cash back?, answer: "**No**, store credit." }',
        `voice: ${'Bring the **gift receipt** to any store. '.repeat(8)}`,
        'audiance: staff',
      ],
      '   ',
    );
    expect(problemsOf(parseKnowledgeDocument(FILE, source))).toEqual([
      `${FILE}: body: is empty: write the curated answer below the front matter`,
      `${FILE}: id: must be kebab-case: lowercase letters and digits joined by single hyphens`,
      `${FILE}: title: is required`,
      `${FILE}: locale: must be one of en_US, es_US`,
      `${FILE}: audience: must be one of public, staff`,
      `${FILE}: tags: must be a list`,
      `${FILE}: questions.0: must not be empty`,
      `${FILE}: questions.1.answer: must be plain spoken text, without Markdown or markup characters (* _ # \` [ ] < > |)`,
      `${FILE}: voice: must be at most 300 characters: one or two spoken sentences`,
      `${FILE}: voice: must be plain spoken text, without Markdown or markup characters (* _ # \` [ ] < > |)`,
      `${FILE}: audiance: is not a known field (known fields: id, title, locale, audience, tags, questions, voice)`,
    ]);
  });

  it('reports a file without front matter', () => {
    expect(problemsOf(parseKnowledgeDocument(FILE, '# Gift returns\n\nBring the receipt.'))).toEqual([
      `${FILE}: front matter: missing: the file must start with a line "---", the YAML fields, then another "---"`,
    ]);
  });

  it('reports YAML errors with their line in the file, and an empty body alongside', () => {
    const source = knowledgeFile(['id: gift-returns', 'id: again', 'title: Returns: how?'], '');
    expect(problemsOf(parseKnowledgeDocument(FILE, source))).toEqual([
      `${FILE}: front matter: invalid YAML at line 3: Map keys must be unique`,
      `${FILE}: front matter: invalid YAML at line 4: Nested mappings are not allowed in compact mappings`,
      `${FILE}: body: is empty: write the curated answer below the front matter`,
    ]);
  });

  it('reports an alias to nothing', () => {
    expect(
      problemsOf(parseKnowledgeDocument(FILE, knowledgeFile([...VALID_FRONT_MATTER, 'voice: *answer']))),
    ).toEqual([
      `${FILE}: front matter: invalid YAML: Unresolved alias (the anchor must be set before the alias): answer`,
    ]);
  });

  it('reports front matter that is not a set of fields', () => {
    expect(problemsOf(parseKnowledgeDocument(FILE, knowledgeFile(['- just', '- a list'])))).toEqual([
      `${FILE}: front matter: must be fields like "id: ..."`,
    ]);
  });

  it('never throws, whatever the file holds', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), fc.string({ maxLength: 200 }), (frontMatter, body) => {
        const result = parseKnowledgeDocument(FILE, `---\n${frontMatter}\n---\n${body}`);
        if (!result.ok) {
          expect(result.problems.length).toBeGreaterThan(0);
          for (const problem of result.problems) expect(problem.file).toBe(FILE);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('round-trips any valid front matter written as YAML', () => {
    const kebab = fc.stringMatching(/^[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,3}$/);
    const phrase = fc.stringMatching(/^[A-Za-z¿?,' ]{0,60}[A-Za-z?]$/);
    fc.assert(
      fc.property(
        kebab,
        phrase,
        fc.constantFrom('en_US', 'es_US'),
        fc.constantFrom('public', 'staff'),
        fc.array(kebab, { minLength: 1, maxLength: 4 }),
        fc.array(phrase, { maxLength: 4 }),
        (id, title, locale, audience, tags, questions) => {
          const source = knowledgeFile([
            `id: ${JSON.stringify(id)}`,
            `title: ${JSON.stringify(title)}`,
            `locale: ${locale}`,
            `audience: ${audience}`,
            `tags: ${JSON.stringify(tags)}`,
            `questions: ${JSON.stringify(questions)}`,
          ]);
          const result = parseKnowledgeDocument(FILE, source);
          expect(result).toMatchObject({
            ok: true,
            document: {
              id,
              title: title.trim(),
              locale,
              audience,
              tags,
              questions: questions.map((q) => q.trim()),
            },
          });
        },
      ),
      { numRuns: 200 },
    );
  });
});
