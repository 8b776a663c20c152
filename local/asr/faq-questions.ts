import { formatKnowledgeProblem } from '../../functions/knowledge/document';
import { readKnowledgeDirectory } from '../../functions/knowledge/directory';
import type { FaqQuestion } from './grammar';

export interface FaqQuestionsRead {
  questions: FaqQuestion[];
  /** Knowledge files that could not be read; their questions are missing from `questions`. */
  problems: string[];
}

/**
 * The titles and `questions:` of the locale's public knowledge documents: what callers ask. Staff-only
 * documents are left out, since callers never ask them. A broken file costs only its own questions.
 */
export async function readFaqQuestions(
  knowledgeDirectory: string,
  localeId: string,
): Promise<FaqQuestionsRead> {
  const { documents, problems } = await readKnowledgeDirectory(knowledgeDirectory);
  const questions = documents
    .filter((document) => document.locale === localeId && document.audience === 'public')
    .flatMap((document) =>
      [document.title, ...document.questions].map((question) => ({ documentId: document.id, question })),
    );
  return { questions, problems: problems.map(formatKnowledgeProblem) };
}
