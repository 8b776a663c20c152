import { askedClauses } from '../../../functions/generative/asked-clauses';
import type { AnswerOutcome, PromptPassage, StructuredAnswer } from '../../../functions/generative/contract';
import { analyzerFor, type TextAnalyzer } from '../../lex/nlu/analyzer';
import {
  asksForAmount,
  asksForNumber,
  asksForOverview,
  isFollowUp,
  opensAsContinuation,
  pointsBack,
} from './follow-up';
import { elapsedIn, fallsIn, windowIn, type Elapsed } from './durations';
import { detectLanguage, type ComposerLanguage } from './language';
import { asksForPerson } from './person-request';
import type { ComposerPrompt } from './prompt';
import {
  queryTermsOf,
  SentenceIndex,
  type IndexedSentence,
  type QueryTerm,
  type WeightedTerm,
} from './relevance';
import { joinSentences, shortenSentence } from './sentences';
import { wordingFor, type ComposerWording } from './wording';

/**
 * A passage must answer for about half the question's weight to be answered from at all; its sentences are
 * then ranked by what each answers for.
 */
const ANSWER_THRESHOLD = 0.49;
/**
 * A question of one or two words is all topic ("sell pizza", "ship Brazil"): every word must be found, if
 * only as a synonym or a misspelling. Longer ones may tell a story around what they ask.
 */
const SHORT_QUESTION_WORDS = 2;
const SHORT_QUESTION_THRESHOLD = 0.7;
/** How much less each later passage counts than the one before it, all else equal. */
const RANK_DISCOUNT = 0.1;
/** Other passages join the best one only when they answer for nearly as much of the question. */
const COMPANION_PASSAGE_SHARE = 0.9;
/** Further sentences join the best one only when they are nearly as relevant. */
const COMPANION_SHARE = 0.8;
/** In a follow-up the previous question's words break ties between sentences that answer the new words. */
const PREVIOUS_QUESTION_SHARE = 0.5;
/**
 * In a follow-up, a passage on the previous question's topic is the likelier answer ("and how long does the
 * refund take?" after the return policy means the return policy's refunds, not a cancelled pickup's).
 */
const PREVIOUS_TOPIC_SHARE = 0.5;
/**
 * More so when the previous question named a country or store: "¿y cuánto cuesta?" after "¿hacen envíos a
 * México?" asks Mexico's price, which a passage about shipping in general, however well it says "cuesta", does
 * not give.
 */
const NAMED_TOPIC_SHARE = 0.5;
/**
 * A follow-up that points back ("¿y eso tiene algún costo?" right after an answer about pickup) asks about the
 * passage the previous answer came from, as a model reading its own last reply would know.
 */
const PREVIOUS_ANSWER_SHARE = 1;
/**
 * A follow-up that points back ("¿y si lo cancelo, en cuánto se quita?") is about the previous answer when it
 * says at most this many things of its own; a longer one's "la" is as likely its own subject ("¿y si la vi más
 * barata en Amazon, con un vendedor de ahí?").
 */
const MAX_POINTING_QUESTION_WORDS = 2;
/** The share of a previous answer's words a passage must say to be the one it paraphrased. */
const PARAPHRASED_ANSWER_SHARE = 0.6;
/** How far back a chain of follow-ups is followed to find what they are about. */
const MAX_CHAINED_QUESTIONS = 3;
/** For "how long", "when"...: among sentences that answer the words, one with a number is preferred. */
const NUMBER_BONUS = 0.3;
/**
 * ...and for such a question another passage of the best one's article competes at this share of its relevance:
 * "¿cuánto tarda el envío exprés?" is answered by the options list's "Exprés: 2 días hábiles", not by the note that
 * express parcels skip PO boxes, whose passage says more of the question's words.
 */
const NUMBER_PASSAGE_SHARE = 0.6;
/** A sentence whose time window the customer's "hace tres meses" falls in counts this much more... */
const IN_WINDOW_SHARE = 1.5;
/** ...and one whose window it misses keeps next to nothing of its score: it does not apply. */
const OUT_OF_WINDOW_SHARE = 0.1;
/** A passage whose only windows the time misses is about another case ("en los primeros 30 días"). */
const OUT_OF_WINDOW_PASSAGE_SHARE = 0.5;
/** A question of one word found in this many passages is too vague to pick one of them. */
const VAGUE_WORD_PASSAGES = 2;
const CLARIFY_OPTIONS = 3;
/**
 * A later question of a message that asks several is answered on its own when it names this many things; one
 * that names less ("¿Cuánto sale?") leans on the question before it.
 */
const MIN_SEPARATE_QUESTION_WORDS = 2;
/** The share of such a question's words an answer must say to have answered it. */
const ANSWERED_QUESTION_SHARE = 0.5;
/** The words before a list's items, as a sentence of the list begins with them ("Aceptamos: "). */
const LIST_LEAD_IN = /^[^.:?!]{1,60}:\s/u;
/** A sentence that points back at the one before it ("any other country", "ningún otro país"). */
const REFERS_BACK = /\b(?:other|others|otro|otra|otros|otras)\b/iu;
/** The contract's bounds on citations: at most ten, each id 1 to 200 characters. */
const MAX_CITATIONS = 10;
const MAX_CITATION_ID_CHARS = 200;

/** Longest reply, in characters, when the request sets no token limit: three sentences of FAQ prose. */
const DEFAULT_MAX_CHARS = 600;
const DEFAULT_MAX_SENTENCES = 3;
/**
 * Token limits this small are a voice turn's (Parley's voice channel asks for 200): one sentence of at most
 * 300 characters, about twenty seconds spoken. Up to the medium limit, two sentences.
 */
const SHORT_REPLY_MAX_TOKENS = 300;
const SHORT_REPLY_MAX_CHARS = 300;
const MEDIUM_REPLY_MAX_TOKENS = 500;
/** Room the tool call's JSON around the answer takes (citations, outcome, quotes), in characters. */
const TOOL_ENVELOPE_CHARS = 100;
const CHARS_PER_TOKEN = 4;
/** Shorter than this a reply says nothing; a limit that tight is cut off afterwards like a model's output. */
const MIN_REPLY_CHARS = 40;

interface ReplyBudget {
  maxSentences: number;
  maxChars: number;
}

/**
 * The extractive composer's decision for one question: a person asked for (handoff), a question too vague to
 * pick passages for (clarify), sentences of the passages that answer it (answer, citing their passages), or
 * nothing that overlaps enough (cannot_answer). It copies sentences; it never writes new facts.
 */
export function compose(prompt: ComposerPrompt): StructuredAnswer {
  const budget = replyBudget(prompt.maxTokens);
  const whole = composeWithin(prompt, budget);
  return (whole.outcome === 'answer' && withQuestionsLeftOut(prompt, whole, budget)) || whole;
}

function composeWithin(prompt: ComposerPrompt, budget: ReplyBudget): StructuredAnswer {
  const language = languageOf(prompt);
  const wording = wordingFor(language);
  const analyzer = analyzerFor(wording.nlu);
  const reply = (outcome: AnswerOutcome, answer: string): StructuredAnswer => ({
    answer: shortenSentence(answer, budget.maxChars),
    citations: [],
    outcome,
  });

  if (asksForPerson(analyzer.words(prompt.question), wording))
    return reply('handoff', wording.replies.handoff);

  // "¿Y si ya pasaron como tres horas?" names nothing but a time: it asks about the previous topic then.
  const elapsed = elapsedIn(prompt.question, language);
  const current = queryTermsOf(analyzer, prompt.question, wording.framingWords).filter(
    (term) => !elapsed || !saysOnlyTime(term, elapsed, wording),
  );
  const previousQuestion = previousTopic(prompt.earlierQuestions, analyzer, wording);
  const followUp = previousQuestion !== undefined && isFollowUp(prompt.question, current, wording);
  // A word of the new question replaces one of the same kind in the previous ("and to Mexico?" after
  // Canada): the previous question lends only what the new one leaves out.
  const previous = followUp
    ? queryTermsOf(analyzer, previousQuestion, wording.framingWords).filter(
        (term) =>
          !current.some((own) => own.stems[0] === term.stems[0] || sameKind(own, term, wording.kinds)),
      )
    : [];
  // "Where do I find that?": one word of its own, and "that" is the previous topic, which leads with it.
  // "¿Y en la del aeropuerto?" names what "la" stands for (a store): the new words lead, the topic supports.
  const pointing =
    followUp &&
    current.length <= 1 &&
    pointsBack(prompt.question, wording) &&
    !current.some((term) => wording.kinds.some((kind) => kind.has(term.norm)));
  const [leading, supporting] =
    current.length === 0 || pointing ? [[...current, ...previous], []] : [current, previous];
  if (leading.length === 0) return reply('clarify', wording.replies.askWhatTheyNeed);

  const named = namedKinds([...leading, ...supporting], wording.kinds);
  const outOfScope = scopesLeftOut([...leading, ...supporting], named, wording);
  const scopedPassages = new Set(
    prompt.passages.flatMap((passage, position) =>
      analyzer.words(passage.title).some((word) => word.concepts.some((concept) => outOfScope.has(concept)))
        ? [position]
        : [],
    ),
  );
  const index = new SentenceIndex(
    analyzer,
    prompt.passages,
    (sentence) =>
      !namesAnotherOfKind(sentence, named, wording.kinds) && !scopedPassages.has(sentence.passageIndex),
  );
  const leadingTerms = index.weigh(leading);
  const supportingTerms = index.weigh(supporting);
  const [onlyTerm] = leadingTerms;
  const wantsNumber =
    asksForNumber(prompt.question, wording) || (followUp && asksForNumber(previousQuestion, wording));
  // "¿Cuánto tarda el envío?" names one thing, but asks how long or how much: a sentence with a number answers
  // it. "When do I get my refund?" may still be about two refunds.
  const asksAmount = asksForAmount(prompt.question, wording);
  const vagueIn =
    !followUp &&
    !asksAmount &&
    !asksForOverview(prompt.question, wording) &&
    leadingTerms.length === 1 &&
    onlyTerm
      ? index.passagesUsing(onlyTerm)
      : [];
  if (onlyTerm && vagueIn.length >= VAGUE_WORD_PASSAGES) {
    const options = titlesOf(vagueIn, prompt.passages).slice(0, CLARIFY_OPTIONS);
    return reply('clarify', wording.replies.clarify(onlyTerm.written, options));
  }

  const namedInTopic = supportingTerms.filter((term) => wording.kinds.some((kind) => kind.has(term.norm)));
  // "¿Y se vencen?" right after an answer about gift cards: what has no subject of its own, or points back at
  // what was just answered ("¿y hasta cuándo lo puedo comprar?"), is about it; unless that passage says nothing
  // of what the new question asks ("¿y si la pierdo?" after the gift cards' amounts is about lost cards).
  const ownTerms = index.weigh(current);
  const answeredBefore =
    followUp &&
    (current.length <= 1 ||
      (current.length <= MAX_POINTING_QUESTION_WORDS && pointsBack(prompt.question, wording)))
      ? new Set(
          [...passagesQuoted(index, prompt.previousAnswer, analyzer, wording.framingWords)].filter(
            (passage) => ownTerms.length === 0 || index.passageCoverage(ownTerms, passage) > 0,
          ),
        )
      : new Set<number>();
  const ranked = rankSentences(index, leadingTerms, supportingTerms, {
    namedInTopic,
    answeredBefore,
    asksNothingNew: current.length === 0,
    wantsNumber,
    categories: wording.categoryConcepts,
    timing: timingOf(elapsed, language),
  });
  const chosen = chooseSentences(ranked, budget, index.sentences);
  if (chosen.length === 0) {
    // "Before that, may I ask whether you accept PayPal? My grandson says it is safer": the question asked
    // is answered even when the story around it is not.
    for (const asked of askedClauses(prompt.question)) {
      const answered = compose({ ...prompt, question: asked });
      if (answered.outcome === 'answer') return answered;
    }
    return reply('cannot_answer', wording.replies.cannotAnswer);
  }
  return {
    answer: joinSentences(chosen),
    citations: citationsOf(chosen, prompt.passages),
    outcome: 'answer',
  };
}

function languageOf(prompt: ComposerPrompt): ComposerLanguage {
  return detectLanguage(
    prompt.question,
    prompt.passages.map((passage) => passage.text),
  );
}

function wordingOf(prompt: ComposerPrompt): ComposerWording {
  return wordingFor(languageOf(prompt));
}

/** Whether a question word is only part of how long ago ("ya pasaron", "tres horas"). */
function saysOnlyTime(term: QueryTerm, elapsed: Elapsed, wording: ComposerWording): boolean {
  return term.norm.split(' ').every((word) => elapsed.words.includes(word) || wording.framingWords.has(word));
}

/** How a sentence's time window weighs, given how long ago the customer says something happened. */
interface Timing {
  adjust(ranked: RankedSentence): RankedSentence;
  /** A passage with a sentence whose window the time said falls in is the likelier answer. */
  passageShare(sentences: readonly IndexedSentence[]): number;
}

/**
 * "Compré una licuadora hace cuatro meses y ya no prende": the sentence whose window it falls in ("después de
 * 30 días... el fabricante") answers, and one whose window it misses ("en los 30 días siguientes") does not,
 * however well its words match.
 */
function timingOf(elapsed: Elapsed | undefined, language: ComposerLanguage): Timing {
  if (!elapsed) return { adjust: (ranked) => ranked, passageShare: () => 1 };
  const fitsIn = (text: string) => {
    const window = windowIn(text, language);
    return window === undefined ? undefined : fallsIn(elapsed, window);
  };
  return {
    passageShare: (sentences) => {
      const fits = sentences.map((sentence) => fitsIn(sentence.text));
      if (fits.includes(true)) return IN_WINDOW_SHARE;
      return fits.includes(false) ? OUT_OF_WINDOW_PASSAGE_SHARE : 1;
    },
    adjust: (ranked) => {
      const fits = fitsIn(ranked.sentence.text);
      if (fits === undefined) return ranked;
      return { ...ranked, score: ranked.score * (fits ? IN_WINDOW_SHARE : OUT_OF_WINDOW_SHARE) };
    },
  };
}

/**
 * A message that asks two things ("¿aceptan PayPal? y si voy a la tienda, ¿puedo pagar en efectivo?") may get
 * an answer that says nothing of one of them: each question it left out is answered on its own, in a sentence,
 * and the answer to the rest made short enough to leave room, in the order they were asked. Undefined when
 * nothing was left out, nothing more can be answered, or the reply has room for one sentence only.
 */
function withQuestionsLeftOut(
  prompt: ComposerPrompt,
  whole: StructuredAnswer,
  budget: ReplyBudget,
): StructuredAnswer | undefined {
  // Only a message with a question mark asks more than one thing (separateQuestions).
  if (budget.maxSentences < 2 || !prompt.question.includes('?')) return undefined;
  const wording = wordingOf(prompt);
  const analyzer = analyzerFor(wording.nlu);
  const termsOf = (text: string) => queryTermsOf(analyzer, text, wording.framingWords);
  const questions = separateQuestions(prompt.question, wording).filter(
    (question, index) => termsOf(question).length >= (index === 0 ? 1 : MIN_SEPARATE_QUESTION_WORDS),
  );
  if (questions.length < 2) return undefined;
  const said = analyzer.words(whole.answer);
  const isSaid = (term: QueryTerm) =>
    said.some(
      (word) =>
        term.stems.some((stem) => word.stems.includes(stem)) ||
        term.concepts.some((concept) => word.concepts.includes(concept)),
    );
  // "Aceptamos: efectivo, solo en tienda" says "aceptan" of "¿aceptan PayPal?", but not what it asks about.
  const answers = (question: string) => {
    const terms = termsOf(question);
    return terms.filter(isSaid).length >= ANSWERED_QUESTION_SHARE * terms.length;
  };
  const leftOut = questions.filter((question) => !answers(question));
  if (leftOut.length === 0 || leftOut.length >= budget.maxSentences) return undefined;
  const oneSentence: ReplyBudget = {
    maxSentences: 1,
    maxChars: Math.floor(budget.maxChars / (leftOut.length + 1)),
  };
  // A later question may lean on an earlier one of the message, as a follow-up does.
  const extras = leftOut
    .map((question) =>
      composeWithin(
        {
          ...prompt,
          question,
          earlierQuestions: [
            ...questions.slice(0, questions.indexOf(question)).reverse(),
            ...prompt.earlierQuestions,
          ],
        },
        oneSentence,
      ),
    )
    .filter((extra) => extra.outcome === 'answer' && !whole.answer.includes(extra.answer));
  if (extras.length === 0) return undefined;
  const room: ReplyBudget = {
    maxSentences: budget.maxSentences - extras.length,
    maxChars: budget.maxChars - extras.reduce((sum, extra) => sum + extra.answer.length + 1, 0),
  };
  const rest = composeWithin(prompt, room);
  const main =
    rest.outcome === 'answer' && !extras.some((extra) => rest.answer.includes(extra.answer)) ? rest : whole;
  const parts = leftOut[0] === questions[0] ? [...extras, main] : [main, ...extras];
  // "Aceptamos: PayPal, solo en línea. Efectivo, solo en tienda.": a list's lead-in is said once, as
  // joinSentences does within one answer.
  const leadInOf = (text: string) => LIST_LEAD_IN.exec(text)?.[0];
  const answer = parts
    .map(({ answer: text }, index) => {
      const leadIn = leadInOf(text);
      const previous = parts[index - 1];
      return leadIn !== undefined && previous && leadInOf(previous.answer) === leadIn
        ? text.slice(leadIn.length)
        : text;
    })
    .join(' ');
  return {
    answer,
    citations: [...new Set(parts.flatMap((part) => part.citations))].slice(0, MAX_CITATIONS),
    outcome: 'answer',
  };
}

/**
 * The questions of a message, each ending in its question mark, and a last one without it that carries on
 * ("¿aceptan PayPal? y si voy a la tienda puedo pagar en efectivo"); not a purpose or a remark after the
 * question ("¿puedo recogerlo en la tienda? para no pagar envío").
 */
function separateQuestions(message: string, wording: ComposerWording): string[] {
  const parts = message
    .split(/(?<=\?)/u)
    .map((part) => part.trim())
    .filter((part) => part !== '');
  const asked = parts.filter((part) => part.endsWith('?'));
  const last = parts.at(-1);
  // Its last sentence: "¿venden mis datos? xq me llaman de todos lados. y cómo borro mi cuenta".
  const trailing = last === undefined || last.endsWith('?') ? '' : last.replace(/^.*[.!;]\s+/su, '');
  return asked.length > 0 && opensAsContinuation(trailing, wording) ? [...asked, trailing] : asked;
}

/**
 * The earlier question a follow-up leans on, with the ones that one leaned on in turn: "how long does it
 * take?" after "how much is that?" after "do you ship to Canada?" is about Canada.
 */
function previousTopic(
  earlier: readonly string[],
  analyzer: TextAnalyzer,
  wording: ComposerWording,
): string | undefined {
  const chain: string[] = [];
  for (const question of earlier.slice(0, MAX_CHAINED_QUESTIONS)) {
    chain.push(question);
    if (!isFollowUp(question, queryTermsOf(analyzer, question, wording.framingWords), wording)) break;
  }
  return chain.length === 0 ? undefined : chain.join('\n');
}

/** The passages (by index) with a sentence the previous answer quoted, as the composer and curated answers do. */
function passagesQuoted(
  index: SentenceIndex,
  previousAnswer: string | undefined,
  analyzer: TextAnalyzer,
  framingWords: ReadonlySet<string>,
): Set<number> {
  if (!previousAnswer) return new Set();
  const quoted = new Set(
    index.sentences
      .filter((sentence) => sentence.text.length > 0 && previousAnswer.includes(sentence.text))
      .map((sentence) => sentence.passageIndex),
  );
  if (quoted.size > 0) return withTheirArticles(quoted, index.passages);
  // A curated answer says the article in a few words of its own ("Elija una tienda al pagar y la recogida es
  // gratis."): it came from the passage that says most of them.
  const said = index.weigh(queryTermsOf(analyzer, previousAnswer, framingWords));
  const coverages = index.passages.map((_, passage) => index.passageCoverage(said, passage));
  const best = Math.max(0, ...coverages);
  return best >= PARAPHRASED_ANSWER_SHARE
    ? new Set(coverages.flatMap((coverage, passage) => (coverage === best ? [passage] : [])))
    : new Set();
}

/**
 * The passages with the others of their articles: "¿y la puedo usar en la tienda del aeropuerto?" after the
 * sentence on lost gift cards is about gift cards, which another passage of the article answers.
 */
function withTheirArticles(passages: ReadonlySet<number>, all: readonly PromptPassage[]): Set<number> {
  const articles = new Set([...passages].map((passage) => articleOf(all[passage]?.id)));
  return new Set(all.flatMap((passage, position) => (articles.has(articleOf(passage.id)) ? [position] : [])));
}

/** "gift-cards" of the passage id "gift-cards#2". */
function articleOf(passageId: string | undefined): string | undefined {
  return passageId?.split('#')[0];
}

function sameKind(a: QueryTerm, b: QueryTerm, kinds: ComposerWording['kinds']): boolean {
  return kinds.some((kind) => kind.has(a.norm) && kind.has(b.norm));
}

/**
 * The scope concepts a question stays out of: all of them, unless it says one or names a member of a kind
 * ("¿y a México?" is about shipping abroad). An article titled with one ("¿Hacen envíos internacionales?")
 * then answers nothing of it.
 */
function scopesLeftOut(
  terms: readonly QueryTerm[],
  named: readonly ReadonlySet<string>[],
  { scopeConcepts, scopeEntries }: ComposerWording,
): ReadonlySet<string> {
  const saysScope = terms.some((term) =>
    term.concepts.some((concept) => scopeConcepts.has(concept) || scopeEntries.has(concept)),
  );
  return saysScope || named.some((members) => members.size > 0) ? new Set() : scopeConcepts;
}

/** The members of each kind the question or its topic names ("mexico" of the countries), by kind. */
function namedKinds(terms: readonly QueryTerm[], kinds: ComposerWording['kinds']): ReadonlySet<string>[] {
  return kinds.map((kind) => new Set(terms.flatMap((term) => kind.get(term.norm) ?? [])));
}

/**
 * Whether a sentence is about another member of a kind the question names and not about the one named:
 * "Delivery (Canada): 5-8 business days" answers nothing about Mexico, however well its other words match.
 */
function namesAnotherOfKind(
  sentence: IndexedSentence,
  named: readonly ReadonlySet<string>[],
  kinds: ComposerWording['kinds'],
): boolean {
  return kinds.some((kind, index) => {
    const asked = named[index];
    if (!asked || asked.size === 0) return false;
    const mentioned = [...sentence.words.forms].flatMap((form) => kind.get(form) ?? []);
    return mentioned.length > 0 && !mentioned.some((member) => asked.has(member));
  });
}

interface RankedSentence {
  sentence: IndexedSentence;
  score: number;
}

/**
 * Sentences of the passages that answer the leading words well enough, best first: the passages are judged
 * as a whole (a question may take two sentences to answer), then their sentences by what each answers for.
 */
function rankSentences(
  index: SentenceIndex,
  leading: readonly WeightedTerm[],
  supporting: readonly WeightedTerm[],
  topic: {
    namedInTopic: readonly WeightedTerm[];
    answeredBefore: ReadonlySet<number>;
    /** The question names nothing of its own ("¿y de cuánto puede ser?"): it is about the answer just given. */
    asksNothingNew: boolean;
    wantsNumber: boolean;
    categories: ReadonlySet<string>;
    timing: Timing;
  },
): RankedSentence[] {
  const { namedInTopic, answeredBefore, asksNothingNew, wantsNumber, categories, timing } = topic;
  const coverages = index.passages.map((_, passage) => index.passageCoverage(leading, passage));
  const words = leading.filter((term) => term.weight > 0).length;
  const threshold = words <= SHORT_QUESTION_WORDS ? SHORT_QUESTION_THRESHOLD : ANSWER_THRESHOLD;
  // The passages come best first from retrieval, which weighs whole articles: a tie goes to the earlier one.
  // Whether a passage is on the question counts all its sentences; how well it answers, those that may.
  // A passage just answered from is on the question when it answers the new words with the topic they lean on,
  // or when the question has no words of its own.
  const onQuestion = (passage: number) =>
    index.passageCoverage(leading, passage, 'topic') >= threshold ||
    (answeredBefore.has(passage) &&
      (asksNothingNew ||
        index.passageCoverage([...leading, ...supporting], passage, 'topic') >= ANSWER_THRESHOLD));
  const passageScores = coverages.map((coverage, passage) =>
    onQuestion(passage)
      ? coverage *
        (1 - RANK_DISCOUNT * passage) *
        (1 + PREVIOUS_TOPIC_SHARE * index.passageCoverage(supporting, passage)) *
        (1 + NAMED_TOPIC_SHARE * index.passageCoverage(namedInTopic, passage)) *
        (answeredBefore.has(passage) ? 1 + PREVIOUS_ANSWER_SHARE : 1) *
        timing.passageShare(index.sentences.filter((sentence) => sentence.passageIndex === passage))
      : 0,
  );
  const bestPassage = Math.max(0, ...passageScores);
  if (bestPassage === 0) return [];
  const bestTitle = index.passages[passageScores.indexOf(bestPassage)]?.title;
  const onlyTopic = new Set(
    index.passages.flatMap((_, passage) =>
      supporting.length === 0 && index.asksOnlyAboutTopic(leading, passage, categories) ? [passage] : [],
    ),
  );
  return index.sentences
    .filter(
      (sentence) =>
        (passageScores[sentence.passageIndex] ?? 0) >=
        (wantsNumber && index.passages[sentence.passageIndex]?.title === bestTitle
          ? NUMBER_PASSAGE_SHARE
          : COMPANION_PASSAGE_SHARE) *
          bestPassage,
    )
    .map((sentence) => ({ sentence, coverage: index.coverage(leading, sentence) }))
    .filter(({ coverage }) => coverage > 0)
    .map(({ sentence }) => ({
      sentence,
      score:
        index.coverage(
          index.beyondTopic(
            onlyTopic.has(sentence.passageIndex) ? index.withoutCategories(leading, categories) : leading,
            sentence.passageIndex,
          ),
          sentence,
        ) +
        PREVIOUS_QUESTION_SHARE * index.coverage(supporting, sentence) +
        (wantsNumber && /\p{N}/u.test(sentence.text) ? NUMBER_BONUS : 0),
    }))
    .map((ranked) => timing.adjust(ranked))
    .sort((a, b) => b.score - a.score);
}

/**
 * The best sentence, plus those nearly as relevant while the budget lasts, in reading order: passages in the
 * order of their best sentence, sentences in the order of their passage.
 */
function chooseSentences(
  ranked: readonly RankedSentence[],
  budget: ReplyBudget,
  all: readonly IndexedSentence[],
): IndexedSentence[] {
  const [best] = ranked;
  if (!best) return [];
  const chosen: RankedSentence[] = [
    { ...best, sentence: { ...best.sentence, text: shortenSentence(best.sentence.text, budget.maxChars) } },
  ];
  let used = chosen[0]?.sentence.text.length ?? 0;
  // "We can't ship to any other country" means little without the sentence that names the ones we do.
  const antecedent = REFERS_BACK.test(best.sentence.text)
    ? all.find(
        (s) => s.passageIndex === best.sentence.passageIndex && s.position === best.sentence.position - 1,
      )
    : undefined;
  if (antecedent && budget.maxSentences > 1 && used + 1 + antecedent.text.length <= budget.maxChars) {
    chosen.push({ sentence: antecedent, score: best.score });
    used += 1 + antecedent.text.length;
  }
  for (const candidate of ranked.slice(1)) {
    if (chosen.length >= budget.maxSentences || candidate.score < COMPANION_SHARE * best.score) break;
    if (used + 1 + candidate.sentence.text.length > budget.maxChars) continue;
    // Two passages of one article may repeat a sentence ("We ship to the United States, Canada and Mexico").
    if (chosen.some((entry) => entry.sentence.text === candidate.sentence.text)) continue;
    chosen.push(candidate);
    used += 1 + candidate.sentence.text.length;
  }
  const passageOrder = [...new Set(chosen.map((entry) => entry.sentence.passageIndex))];
  return chosen
    .map((entry) => entry.sentence)
    .sort(
      (a, b) =>
        passageOrder.indexOf(a.passageIndex) - passageOrder.indexOf(b.passageIndex) ||
        a.position - b.position,
    );
}

function citationsOf(sentences: readonly IndexedSentence[], passages: readonly PromptPassage[]): string[] {
  const ids = sentences.flatMap((sentence) => {
    const id = passages[sentence.passageIndex]?.id;
    return id && id.length <= MAX_CITATION_ID_CHARS ? [id] : [];
  });
  return [...new Set(ids)].slice(0, MAX_CITATIONS);
}

function titlesOf(passageIndexes: readonly number[], passages: readonly PromptPassage[]): string[] {
  const titles = passageIndexes
    .map((index) => passages[index]?.title.trim() ?? '')
    .filter((title) => title !== '');
  return [...new Set(titles)];
}

function replyBudget(maxTokens: number | undefined): ReplyBudget {
  if (maxTokens === undefined) return { maxSentences: DEFAULT_MAX_SENTENCES, maxChars: DEFAULT_MAX_CHARS };
  const room = maxTokens * CHARS_PER_TOKEN - TOOL_ENVELOPE_CHARS;
  const fit = (chars: number): number => Math.max(MIN_REPLY_CHARS, Math.min(chars, room));
  if (maxTokens <= SHORT_REPLY_MAX_TOKENS) return { maxSentences: 1, maxChars: fit(SHORT_REPLY_MAX_CHARS) };
  const maxSentences = maxTokens <= MEDIUM_REPLY_MAX_TOKENS ? 2 : DEFAULT_MAX_SENTENCES;
  return { maxSentences, maxChars: fit(DEFAULT_MAX_CHARS) };
}
