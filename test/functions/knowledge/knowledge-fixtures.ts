import type { KnowledgeDocument } from '../../../functions/knowledge/document';

/** A valid document; tests change what they are about. */
export function knowledgeDocument(overrides: Partial<KnowledgeDocument> = {}): KnowledgeDocument {
  const id = overrides.id ?? 'sample-document';
  return {
    id,
    title: 'What is a sample document?',
    locale: 'en_US',
    audience: 'public',
    tags: ['samples'],
    questions: [],
    questionAnswers: [],
    body: 'A sample document explains one thing.',
    file: `knowledge/${overrides.locale ?? 'en_US'}/${id}.md`,
    ...overrides,
  };
}

/** The text of a knowledge file with the given front matter lines and body. */
export function knowledgeFile(frontMatter: readonly string[], body = 'The curated answer.'): string {
  return ['---', ...frontMatter, '---', '', body, ''].join('\n');
}

export const VALID_FRONT_MATTER = [
  'id: gift-returns',
  'title: How do I return a gift?',
  'locale: en_US',
  'audience: public',
  'tags: [returns, gifts]',
];
