/**
 * Who may read an article. Its own module, free of the document parser: the Lambda reads the index, never a
 * Markdown file, and must not bundle a YAML parser for two words.
 */
export const KNOWLEDGE_AUDIENCES = ['public', 'staff'] as const;
export type KnowledgeAudience = (typeof KNOWLEDGE_AUDIENCES)[number];
