import MiniSearch from 'minisearch';
import type { KnowledgeAudience } from './audience';
import type { KnowledgeDocument } from './document';
import {
  KNOWLEDGE_INDEX_FORMAT,
  KNOWLEDGE_INDEX_VERSION,
  type AudienceKnowledge,
  type KnowledgeIndexFile,
  type LocaleKnowledge,
  type StoredPassage,
} from './index-file';
import { KNOWLEDGE_LOCALE_IDS, type KnowledgeLocaleId } from './languages';
import { splitIntoPassages } from './passages';
import { passageIndexOptions, type IndexedPassage } from './search-options';
import { synonymExpansions, type SynonymGroups } from './synonyms';
import { textAnalyzer, type TextAnalyzer } from './text-analysis';

export interface BuildOptions {
  /** Recorded in the file; defaults to now. */
  builtAt?: Date;
  /** Each locale's synonym groups (synonyms.ts); none by default. */
  synonyms?: Partial<Record<KnowledgeLocaleId, SynonymGroups>>;
}

/**
 * Builds the index file from validated documents. Per locale, the `public` part holds only public documents and
 * the `staff` part all of them: audience enforcement is which part a request searches, not a filter on results.
 */
export function buildKnowledgeIndex(
  documents: readonly KnowledgeDocument[],
  options: BuildOptions = {},
): KnowledgeIndexFile {
  const locales: Partial<Record<KnowledgeLocaleId, LocaleKnowledge>> = {};
  for (const localeId of KNOWLEDGE_LOCALE_IDS) {
    const inLocale = documents
      .filter((document) => document.locale === localeId)
      .sort((a, b) => a.id.localeCompare(b.id));
    if (inLocale.length === 0) continue;
    locales[localeId] = {
      public: buildAudience(
        localeId,
        inLocale.filter((document) => isVisibleTo(document.audience, 'public')),
        options.synonyms?.[localeId] ?? [],
      ),
      staff: buildAudience(
        localeId,
        inLocale.filter((document) => isVisibleTo(document.audience, 'staff')),
        options.synonyms?.[localeId] ?? [],
      ),
    };
  }
  return {
    format: KNOWLEDGE_INDEX_FORMAT,
    version: KNOWLEDGE_INDEX_VERSION,
    builtAt: (options.builtAt ?? new Date()).toISOString(),
    locales,
  };
}

/** Staff see everything; the public sees public documents. */
export function isVisibleTo(documentAudience: KnowledgeAudience, requester: KnowledgeAudience): boolean {
  return requester === 'staff' || documentAudience === 'public';
}

function buildAudience(
  localeId: KnowledgeLocaleId,
  documents: readonly KnowledgeDocument[],
  synonyms: SynonymGroups,
): AudienceKnowledge {
  const analyzer = textAnalyzer(localeId);
  const passages: StoredPassage[] = [];
  const indexed: IndexedPassage[] = [];
  for (const document of documents) {
    for (const passage of splitIntoPassages(document)) {
      passages.push({
        id: passage.id,
        docId: document.id,
        title: document.title,
        text: passage.text,
        audience: document.audience,
      });
      const fields = {
        title: document.title,
        questions: document.questions.join('\n'),
        headings: passage.headings.join('\n'),
        tags: document.tags.join(' '),
        text: passage.text,
      };
      indexed.push({
        id: passage.id,
        ...fields,
        synonyms: synonymExpansions(Object.values(fields).join('\n'), synonyms, analyzer),
      });
    }
  }
  const search = new MiniSearch<IndexedPassage>(passageIndexOptions(localeId));
  search.addAll(indexed);
  return {
    search: search.toJSON(),
    passages,
    sameMeaning: sameMeaningOf(synonyms, analyzer),
    answers: documents.map((document) => ({
      docId: document.id,
      title: document.title,
      questions: document.questions,
      text: document.body,
      ...(document.voice === undefined ? {} : { voice: document.voice }),
      ...(document.questionAnswers.length === 0 ? {} : { questionAnswers: document.questionAnswers }),
      audience: document.audience,
    })),
  };
}

/** Each one-word member's search terms mapped to its group's key (the group's first such member's first term). */
function sameMeaningOf(groups: SynonymGroups, analyzer: TextAnalyzer): Record<string, string> {
  const sameMeaning: Record<string, string> = {};
  for (const group of groups) {
    const words = group.map((entry) => analyzer.words(entry)).filter((words) => words.length === 1);
    const key = words[0]?.[0]?.[0];
    if (key === undefined || words.length < 2) continue;
    for (const [terms] of words) {
      for (const term of terms ?? []) if (!Object.hasOwn(sameMeaning, term)) sameMeaning[term] = `~${key}`;
    }
  }
  return sameMeaning;
}
