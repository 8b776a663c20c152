import { ConverseCommand, type ConverseCommandOutput } from '@aws-sdk/client-bedrock-runtime';
import { MIN_PASSAGE_SCORE, type Retriever } from '../knowledge/retriever';
import { askedClauses, onlyQuestion } from './asked-clauses';
import { pointsBack } from '../shared/pointing-words';
import { opensAsContinuation } from '../shared/continuation-cues';
import { correctedQuestion } from './corrected-question';
import { articleLead, firstSentences, markdownAsPlainText, plainAnswerText } from './answer-text';
import { CHANNEL_SETTINGS, type Audience, type Channel } from './channel-settings';
import type { AnswerOutcome } from './contract';
import { abortAfter, beforeAbort, DeadlineExceededError } from './deadline';
import type {
  ConversationTurn,
  CuratedMatch,
  DetailsSource,
  GenerativeDependencies,
  GenerativeLogger,
  KnowledgeGapKind,
  NewConversationTurn,
  RetrievedPassage,
  SessionSnapshot,
} from './dependencies';
import { failureMessage, failureOf, needsOperator, type AnswerFailure } from './failures';
import { generativeMessagesFor, type GenerativeMessages } from './messages';
import type { AnswerSource, TokenUsage } from './metrics';
import { readModelReply, type Citation } from './model-reply';
import { converseInput } from './prompt';

export interface QuestionRequest {
  question: string;
  localeId: string;
  channel: Channel;
  /** Decided by the caller, which knows which channels can vouch for a staff member. */
  audience: Audience;
  sessionId: string;
  /** The Lex request; a retried invocation carries the same id. */
  requestId: string;
  inputMode: 'Text' | 'Speech' | 'DTMF';
  /** Epoch milliseconds by which the answer must be ready (see answerDeadline). */
  deadlineMs: number;
  /** What the bot had just asked, when the customer answered it with this question (see ASKED_PREFIX). */
  askedFor?: string;
}

export interface GeneratedAnswer {
  /** Never empty; plain text, already cleaned of markup when it came from the model. */
  text: string;
  citations: Citation[];
  outcome: AnswerOutcome;
  source: AnswerSource;
  usage?: TokenUsage;
  /** The turn number memory stored this answer under; absent when memory could not confirm it. */
  turn?: number;
  /** How long the model took, when it was called. */
  modelLatencyMs?: number;
  /** Why a grounded answer could not be given; the text then says so and offers an agent. */
  error?: AnswerFailure;
  /**
   * The complete answer, when `text` is a shorter form of it written for the channel (a curated answer's
   * `voice` line on a call): what the customer is sent on asking for the details. Absent when `text` is all.
   * Remembered as written when `source` is `curated` (our own article), redacted otherwise.
   */
  details?: string;
}

/** Kept back from the model call, so the turn can still be remembered before the deadline. */
export const FINISH_RESERVE_MS = 250;

interface ComposedAnswer {
  answer: GeneratedAnswer;
  gap?: KnowledgeGapKind;
  modelLatencyMs?: number;
  /** What reading the conversation learnt of the session, so remembering the turn needs no second read. */
  snapshot?: SessionSnapshot;
}

/**
 * Answers an open question from the knowledge base: a curated answer when one matches, otherwise the model
 * grounded in retrieved passages. It never throws and never returns an empty text: every failure becomes
 * an honest, localized reply that offers an agent, and its cause goes to the logs. The turn is remembered
 * and knowledge gaps are recorded on the way out; when either store fails, the answer still goes back.
 */
export async function answerQuestion(
  request: QuestionRequest,
  deps: GenerativeDependencies,
): Promise<GeneratedAnswer> {
  const messages = generativeMessagesFor(request.localeId);
  const deadline = abortAfter(request.deadlineMs - deps.clock());
  const composed = await composeAnswer(request, deps, deadline, messages).catch(
    (error: unknown): ComposedAnswer => {
      const failure = failureOf(error);
      const level = error instanceof DeadlineExceededError ? 'warn' : 'error';
      deps.logger[level]('Could not answer the question', { failure, error: errorSummary(error) });
      return { answer: failedAnswer(failure, messages) };
    },
  );
  const { answer, gap, modelLatencyMs, snapshot } = composed;
  const [turn] = await Promise.all([
    remember(request, answer, deps, deadline, snapshot),
    gap ? recordGap(gap, request, deps, deadline) : undefined,
  ]);
  deps.metrics.record({
    source: answer.source,
    ...(answer.usage ? { usage: answer.usage } : {}),
    ...(modelLatencyMs !== undefined ? { modelLatencyMs } : {}),
  });
  deps.logger.info('Question answered', {
    source: answer.source,
    outcome: answer.outcome,
    citations: answer.citations.map((citation) => citation.id),
    channel: request.channel,
    audience: request.audience,
    inputMode: request.inputMode,
    ...(answer.usage ? { usage: answer.usage } : {}),
    ...(modelLatencyMs !== undefined ? { modelLatencyMs } : {}),
    ...(answer.error ? { failure: answer.error } : {}),
  });
  const timed = modelLatencyMs === undefined ? answer : { ...answer, modelLatencyMs };
  return turn === undefined ? timed : { ...timed, turn };
}

async function composeAnswer(
  request: QuestionRequest,
  deps: GenerativeDependencies,
  deadline: AbortSignal,
  messages: GenerativeMessages,
): Promise<ComposedAnswer> {
  const { question, localeId, audience } = request;
  const retriever = await beforeAbort(deps.retriever(), deadline, 'loading the knowledge index');
  const curatedFor = (asked = question) => retriever.curatedAnswer(asked, { localeId, audience });
  // A story around one question keeps the question's curated answer from matching; the question alone does not.
  const onlyAsked = onlyQuestion(question);
  // "¿Y cuánto se tarda en llegar?" after shipping to Mexico asks about Mexico, which the article listing "how
  // long does delivery take?" does not answer: a question that carries on from the previous one is answered
  // with it, and gets the curated answer to its own words only when there is no previous one.
  const continues = opensAsContinuation(question, localeId);
  const curated = continues ? undefined : (curatedFor() ?? (onlyAsked ? curatedFor(onlyAsked) : undefined));
  if (curated) return { answer: curatedReply(curated, request) };
  const { turns: history, snapshot } = await recentTurns(request, deps, deadline);
  const withSnapshot = snapshot ? { snapshot } : {};
  const alone = continues && history.length === 0 ? curatedFor() : undefined;
  if (alone) return { answer: curatedReply(alone, request), ...withSnapshot };
  const corrected = correctedQuestion(question, history.at(-1)?.user, localeId, (asked) =>
    retriever.curatedAnswer(asked, { localeId, audience }),
  );
  if (corrected) return { answer: curatedReply(corrected.curated, request), ...withSnapshot };
  const passages = retrievePassages(request, history, retriever);
  if (passages.length === 0) {
    return {
      answer: { text: messages.noPassage, citations: [], outcome: 'cannot_answer', source: 'no_passage' },
      gap: 'no_passage',
      ...withSnapshot,
    };
  }
  return { ...(await askModel(request, history, passages, deps, messages)), ...withSnapshot };
}

/**
 * A curated answer, short first: its `voice` line (articleLead; on a call, without one, the article's opening),
 * with the whole article kept as the details whenever it says more than that.
 */
function curatedReply(curated: CuratedMatch, { channel, localeId }: QuestionRequest): GeneratedAnswer {
  const article = markdownAsPlainText(curated.text);
  const reply = {
    citations: [{ id: curated.docId, title: curated.title }],
    outcome: 'answer' as const,
    source: 'curated' as const,
  };
  if (channel !== 'voice') {
    const lead = articleLead(curated.text, curated.voice);
    return { text: lead, ...(sameWords(lead, article) ? {} : { details: article }), ...reply };
  }
  const spoken = curated.voice?.trim() ? curated.voice : firstSentences(curated.text, localeId);
  return { text: spoken, ...(sameWords(spoken, article) ? {} : { details: article }), ...reply };
}

/** Whether two texts say the same once Markdown, markup and spacing are set aside. */
function sameWords(a: string, b: string): boolean {
  const words = (text: string) => plainAnswerText(markdownAsPlainText(text));
  return words(a) === words(b);
}

/** The conversation so far, within the channel's window; without it the question is still answered. */
async function recentTurns(
  { sessionId, channel, requestId }: QuestionRequest,
  deps: GenerativeDependencies,
  deadline: AbortSignal,
): Promise<{ turns: ConversationTurn[]; snapshot?: SessionSnapshot }> {
  try {
    const { turns, snapshot } = await beforeAbort(
      deps.memory.recall(sessionId, CHANNEL_SETTINGS[channel].history),
      deadline,
      'reading the conversation',
    );
    // A retried invocation of this very request may already have stored its turn.
    return { turns: turns.filter((turn) => turn.requestId !== requestId), snapshot };
  } catch (error) {
    deps.logger.warn('Conversation history unavailable; answering without it', {
      error: errorSummary(error),
    });
    return { turns: [] };
  }
}

/**
 * Passages for the question; after an earlier turn, for the question read together with the previous one
 * ("and on Sundays?" means little alone); and for each question it asks among other sentences (askedClauses). The two lists are interleaved, best first, so the prompt holds
 * the best of each rather than only the wordier query's. A change of topic thus brings the previous topic's
 * passages along; the model is told to use only what answers, and declines otherwise.
 */
function retrievePassages(
  { question, localeId, audience, channel, askedFor }: QuestionRequest,
  history: readonly ConversationTurn[],
  retriever: Retriever,
): RetrievedPassage[] {
  const limit = CHANNEL_SETTINGS[channel].passageLimit;
  const previousQuestion = history.at(-1)?.user;
  const queries = [
    question,
    // Read with what the bot had asked only when it points back at it ("where do I find that?"): a question of
    // its own ("how many days do I have to return shoes?") would bring the asked-about topic's passages along.
    ...(askedFor && pointsBack(question, localeId) ? [`${askedFor} ${question}`] : []),
    ...(previousQuestion ? [`${previousQuestion} ${question}`] : []),
    // "¿Y si ya pasaron tres horas?" is about what the previous question found, whatever its own words find.
    ...(previousQuestion && opensAsContinuation(question, localeId) ? [previousQuestion] : []),
    ...askedClauses(question),
  ];
  const lists = queries.map((query) => retriever.retrieve(query, { localeId, audience, limit }));
  const merged = new Map<string, RetrievedPassage>();
  for (let rank = 0; rank < Math.max(...lists.map((list) => list.length)); rank += 1) {
    for (const list of lists) {
      const passage = list[rank];
      if (!passage || passage.score < MIN_PASSAGE_SCORE || merged.has(passage.id)) continue;
      // The index keeps staff text out of the public part; a public question must not see it even if it did not.
      if (audience === 'staff' || passage.audience === 'public') merged.set(passage.id, passage);
    }
  }
  return [...merged.values()].slice(0, limit);
}

async function askModel(
  request: QuestionRequest,
  history: readonly ConversationTurn[],
  passages: readonly RetrievedPassage[],
  deps: GenerativeDependencies,
  messages: GenerativeMessages,
): Promise<ComposedAnswer> {
  const { question, localeId, channel, askedFor } = request;
  const input = converseInput({
    question,
    localeId,
    channel,
    passages,
    history,
    model: deps.model,
    ...(askedFor ? { askedFor } : {}),
  });
  const modelDeadline = abortAfter(request.deadlineMs - FINISH_RESERVE_MS - deps.clock());
  const started = deps.clock();
  let response: ConverseCommandOutput;
  try {
    response = await callModel(deps, new ConverseCommand(input), modelDeadline);
  } catch (error) {
    const failure = failureOf(error);
    logModelFailure(deps.logger, failure, { error: errorSummary(error) });
    return { answer: failedAnswer(failure, messages), modelLatencyMs: deps.clock() - started };
  }
  const modelLatencyMs = deps.clock() - started;
  const usage = usageOf(response);
  const withUsage = usage ? { usage } : {};
  const verdict = readModelReply(response, passages);
  if (!verdict.ok) {
    logModelFailure(deps.logger, verdict.failure, { stopReason: response.stopReason });
    return { answer: { ...failedAnswer(verdict.failure, messages), ...withUsage }, modelLatencyMs };
  }
  const { reply } = verdict;
  if (reply.repair) deps.logger.warn('Model reply repaired', { repair: reply.repair });
  const answer = (text: string): GeneratedAnswer => ({
    text,
    citations: reply.citations,
    outcome: reply.outcome,
    source: 'model',
    ...withUsage,
  });
  switch (reply.outcome) {
    case 'answer':
    case 'clarify':
      return { answer: answer(reply.text), modelLatencyMs };
    // The catalogue's words, not the model's, when the reply leads away from an answer: they always offer a
    // person, in the customer's language.
    case 'handoff':
      return { answer: answer(messages.handoff), modelLatencyMs };
    case 'cannot_answer':
      return { answer: answer(messages.cannotAnswer), gap: 'model_declined', modelLatencyMs };
  }
}

function callModel(
  deps: GenerativeDependencies,
  command: ConverseCommand,
  deadline: AbortSignal,
): Promise<ConverseCommandOutput> {
  if (deadline.aborted) return Promise.reject(new DeadlineExceededError('model call'));
  return beforeAbort(deps.bedrock.send(command, { abortSignal: deadline }), deadline, 'model call');
}

function usageOf(response: ConverseCommandOutput): TokenUsage | undefined {
  const { inputTokens, outputTokens } = response.usage ?? {};
  return inputTokens !== undefined && outputTokens !== undefined ? { inputTokens, outputTokens } : undefined;
}

function failedAnswer(failure: AnswerFailure, messages: GenerativeMessages): GeneratedAnswer {
  return {
    text: failureMessage(failure.kind, messages),
    citations: [],
    outcome: 'cannot_answer',
    source: 'fallback_error',
    error: failure,
  };
}

function logModelFailure(
  logger: GenerativeLogger,
  failure: AnswerFailure,
  attributes: Record<string, unknown>,
): void {
  const level = needsOperator(failure.kind) ? 'error' : 'warn';
  logger[level]('Model gave no usable answer', { failure, ...attributes });
}

async function remember(
  request: QuestionRequest,
  answer: GeneratedAnswer,
  deps: GenerativeDependencies,
  deadline: AbortSignal,
  snapshot: SessionSnapshot | undefined,
): Promise<number | undefined> {
  const turn: NewConversationTurn = {
    user: request.question,
    assistant: answer.text,
    requestId: request.requestId,
    localeId: request.localeId,
    channel: request.channel,
    ...(answer.usage ?? {}),
    citations: answer.citations.map((citation) => citation.id),
    outcome: answer.outcome,
    ...(answer.details === undefined
      ? {}
      : { details: answer.details, detailsSource: detailsSourceOf(answer.source) }),
  };
  try {
    const stored = await beforeAbort(
      deps.memory.append(request.sessionId, turn, snapshot),
      deadline,
      'remembering the turn',
    );
    return stored.turn;
  } catch (error) {
    deps.logger.warn('Turn not confirmed as remembered; the answer goes out anyway', {
      error: errorSummary(error),
    });
    return undefined;
  }
}

/**
 * A curated answer's details are its article as we published it; anything else the model wrote, and is
 * redacted before it is stored.
 */
function detailsSourceOf(source: AnswerSource): DetailsSource {
  return source === 'curated' ? 'knowledge' : 'model';
}

async function recordGap(
  kind: KnowledgeGapKind,
  { question, localeId, channel }: QuestionRequest,
  deps: GenerativeDependencies,
  deadline: AbortSignal,
): Promise<void> {
  try {
    await beforeAbort(deps.recordGap({ kind, question, localeId, channel }), deadline, 'recording a gap');
  } catch (error) {
    deps.logger.warn('Knowledge gap not recorded', { kind, error: errorSummary(error) });
  }
}

/** Name and message only: enough to diagnose, without request payloads that may hold customer words. */
function errorSummary(error: unknown): { name: string; message: string } {
  return error instanceof Error
    ? { name: error.name, message: error.message }
    : { name: typeof error, message: String(error) };
}
