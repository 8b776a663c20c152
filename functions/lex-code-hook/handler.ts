import { Logger } from '@aws-lambda-powertools/logger';
import type { Context } from 'aws-lambda';
import {
  asksAboutTheQuestion,
  asksBesideTheValue,
  dropsTheQuestion,
  isAsideQuestion,
} from './aside-question';
import { isFollowUpOfAnswer } from './follow-up-of-answer';
import { loadConfig } from './config';
import { dynamoDbCallbackRepository } from './data/callbacks';
import { documentClient } from './data/dynamodb-client';
import { dynamoDbFollowUpRepository } from './data/follow-ups';
import { dynamoDbOrderRepository } from './data/orders';
import { dynamoDbStoreRepository } from './data/stores';
import type { CodeHookDependencies } from './dependencies';
import { generativeServices } from './generative-answerer';
import { INTENT_HANDLERS } from './intents';
import { fallback, FALLBACK_INTENT } from './intents/fallback';
import type { IntentRequest, IntentResult } from './intents/intent-handler';
import type { LexV2Event, LexV2Result } from './lex-event';
import { slotStatesForLog } from './log-redaction';
import { isFaqTakenForIntent, isQuestionAfterGreeting } from './faq-first';
import { keepingInterrupted, resumedIntent, withoutInterrupted } from './interrupted-intent';
import { withCorrections } from './slot-corrections';
import {
  answersFromKnowledge,
  pendingSlot,
  rememberReply,
  slotPrompt,
  withPendingQuestion,
} from './pending-question';
import { channelOf } from './question-context';
import { messagesFor, type MessageCatalogue } from './messages';
import { InvalidLexEventError, parseLexV2Event } from './parse-event';
import { close, delegate, elicitSlot, resultIntent } from './responses';
import { deliverReply } from './voice/deliver-reply';
import { isNoInput, replyToSilence, replyToUnclearSpeech, speechConfidence } from './voice/no-input';

export { InvalidLexEventError } from './parse-event';

const SERVICE_NAME = 'parley-code-hook';
const logger = new Logger({ serviceName: SERVICE_NAME });

let defaults: CodeHookDependencies | undefined;

/**
 * The configuration and clients, built on the first invocation and kept for the container's life: importing
 * the module stays cheap, and a bad setting still fails the first turn loudly, naming the setting.
 */
function defaultDependencies(): CodeHookDependencies {
  if (defaults) return defaults;
  const config = loadConfig(process.env);
  const documents = documentClient();
  defaults = {
    orders: dynamoDbOrderRepository(documents, config.tableNames.orders),
    stores: dynamoDbStoreRepository(documents, config.tableNames.stores),
    callbacks: dynamoDbCallbackRepository(documents, config.tableNames.callbacks),
    followUps: dynamoDbFollowUpRepository(documents, config.tableNames.followups),
    ...generativeServices(config.generative, SERVICE_NAME),
    clock: Date.now,
    storeTimeZone: config.storeTimeZone,
    voiceEngine: config.voiceEngine,
    speechConfidenceThreshold: config.speechConfidenceThreshold,
    staffAliasName: config.staffAliasName,
  };
  return defaults;
}

export type CodeHookHandler = (event: unknown, context?: Context) => Promise<LexV2Result>;

/**
 * The Lex V2 code hook for every intent of RetailSupportBot. A malformed event throws InvalidLexEventError
 * (Lex answers DependencyFailedException, which is right: the caller is broken); anything that goes wrong
 * while serving a well-formed event is logged and answered with an apology, so the customer is never
 * left with a transport error.
 */
export function createHandler(overrides: Partial<CodeHookDependencies> = {}): CodeHookHandler {
  let deps: CodeHookDependencies | undefined;
  return async (event, context) => {
    deps ??= { ...defaultDependencies(), ...overrides };
    const lexEvent = parseOrLog(event);
    const log = invocationLogger(lexEvent, context);
    log.info('Code hook invoked', { slots: slotStatesForLog(lexEvent.sessionState.intent.slots) });
    const result = await answer(lexEvent, deps, log, context);
    log.info('Code hook answered', {
      dialogAction: result.sessionState.dialogAction.type,
      intentState: result.sessionState.intent?.state,
    });
    return result;
  };
}

export const handler: CodeHookHandler = createHandler();

/**
 * A question asked instead of a slot value, answered from the knowledge base when it has an answer. Without an
 * answer the slot is asked for again as usual. With one, `resume` (a question about the slot's question, see
 * asksAboutTheQuestion) asks the slot's question again after it ("Every order has a 5-digit number, shown in
 * your confirmation email. What's your order number?"), so the value can simply follow; otherwise the
 * conversation moves to that answer (FallbackIntent, closed) and the abandoned intent is one request away.
 */
async function answerAside(request: IntentRequest, resume: boolean): Promise<IntentResult | undefined> {
  try {
    const reply = await fallback.fulfil({ ...request, intent: FALLBACK_INTENT });
    // "Olvídelo, ¿cómo funcionan las devoluciones?": the slot's question was dropped, so whatever the knowledge
    // base says (an answer, a question back, an apology) is the reply, and the slot is not asked again.
    const answered =
      answersFromKnowledge(reply) ||
      dropsTheQuestion(request.event.inputTranscript, request.event.bot.localeId);
    request.log.info(
      answered
        ? 'Answered a question from the knowledge base instead of asking for a slot'
        : 'The knowledge base had no answer to the question; asking for the slot',
      {
        intent: request.intent.name,
        slot: request.event.proposedNextState?.dialogAction.slotToElicit,
      },
    );
    if (!answered) return undefined;
    return (resume && resumingSlot(request, reply)) || reply;
  } catch (error) {
    request.log.warn(
      'Could not answer a question asked instead of a slot value',
      error instanceof Error ? error : String(error),
    );
    return undefined;
  }
}

/**
 * The aside's answer followed by the slot question it interrupted, the intent and its values as they were. A
 * call gets the answer alone: its answer may end in an offer to text the details, a question of its own.
 */
function resumingSlot(
  { event, intent, messages }: IntentRequest,
  answer: IntentResult,
  slotName = event.proposedNextState?.dialogAction.slotToElicit,
): IntentResult | undefined {
  const prompt = slotName ? slotPrompt(messages, intent.name, slotName) : undefined;
  if (!slotName || !prompt || channelOf(event) === 'voice') return undefined;
  const asked = elicitSlot(intent, slotName, prompt, answer.sessionState.sessionAttributes ?? {});
  return {
    ...answer,
    sessionState: {
      ...answer.sessionState,
      dialogAction: asked.sessionState.dialogAction,
      intent: asked.sessionState.intent,
    },
    messages: [...(answer.messages ?? []), ...(asked.messages ?? [])],
  };
}

/**
 * The answer to a question asked beside the value just given ("el jueves porfa. oiga, ¿aceptan American
 * Express?"), then the next slot's question, the intent going on with the value; undefined when nothing of the
 * kind was asked, the knowledge base has no answer, or the intent does not go on to ask for another slot.
 */
async function withQuestionBesideTheValue(
  request: IntentRequest,
  validated: IntentResult,
): Promise<IntentResult | undefined> {
  const { event } = request;
  const pending = pendingSlot(event);
  const given = pending && request.intent.slots[pending.slotName]?.value?.interpretedValue;
  const next = event.proposedNextState?.dialogAction;
  if (
    !pending ||
    !given ||
    pending.intentName !== request.intent.name ||
    validated.sessionState.dialogAction.type !== 'Delegate' ||
    next?.type !== 'ElicitSlot' ||
    !next.slotToElicit ||
    !asksBesideTheValue(event.inputTranscript, event.bot.localeId)
  )
    return undefined;
  const answer = await answerAside(request, false);
  if (!answer) return undefined;
  const intent = validated.sessionState.intent ?? request.intent;
  return resumingSlot({ ...request, intent }, answer, next.slotToElicit);
}

function parseOrLog(event: unknown): LexV2Event {
  try {
    return parseLexV2Event(event);
  } catch (error) {
    if (error instanceof InvalidLexEventError) logger.error('Invalid Lex V2 event', { issues: error.issues });
    throw error;
  }
}

/** A child per invocation: the emulator runs sessions concurrently in one process, so keys must not be shared. */
function invocationLogger(event: LexV2Event, context: Context | undefined): Logger {
  const log = logger.createChild({
    persistentKeys: {
      intent: event.sessionState.intent.name,
      invocationSource: event.invocationSource,
      sessionId: event.sessionId,
      localeId: event.bot.localeId,
      ...(event.sessionState.originatingRequestId
        ? { originatingRequestId: event.sessionState.originatingRequestId }
        : {}),
    },
  });
  if (context) log.addContext(context);
  return log;
}

async function answer(
  event: LexV2Event,
  deps: CodeHookDependencies,
  log: Logger,
  lambdaContext: Context | undefined,
): Promise<LexV2Result> {
  const messages = messagesFor(event.bot.localeId);
  const reply = keepingInterrupted(
    event,
    await intentReply(event, messages, deps, log, lambdaContext),
    deps.clock(),
  );
  const remembered = rememberReply(event, withPendingQuestion(event, reply));
  return deliverReply(event, remembered, { engine: deps.voiceEngine, messages });
}

/** What the intent says, before delivery; a silence on a call is answered here, without the intent. */
async function intentReply(
  event: LexV2Event,
  messages: MessageCatalogue,
  deps: CodeHookDependencies,
  log: Logger,
  lambdaContext: Context | undefined,
): Promise<IntentResult> {
  const corrected = withCorrections(event, resultIntent(event.sessionState.intent));
  const given = event.sessionState.sessionAttributes ?? {};
  // Back to an intent left earlier: what was said for it then stands (interrupted-intent.ts).
  // Only to an intent the hook serves: the kept intent's name comes back from the client in an attribute.
  const kept =
    event.invocationSource === 'DialogCodeHook' ? resumedIntent(corrected, given, deps.clock()) : undefined;
  const resumed = kept && INTENT_HANDLERS.has(kept.name) ? kept : undefined;
  const intent = resumed ?? corrected;
  const sessionAttributes = resumed ? withoutInterrupted(given) : given;
  if (isNoInput(event)) {
    log.info('Caller said nothing; asking again');
    return replyToSilence(event, intent, sessionAttributes, messages);
  }
  const confidence = speechConfidence(event);
  if (confidence !== undefined && confidence < deps.speechConfidenceThreshold) {
    log.info('Speech heard with too little confidence; asking again', { confidence });
    return replyToUnclearSpeech(event, intent, sessionAttributes, messages);
  }
  const request: IntentRequest = {
    event,
    intent,
    sessionAttributes,
    messages,
    deps,
    log,
    ...(lambdaContext ? { lambdaContext } : {}),
  };
  const asideInsteadOfValue = isAsideQuestion(event);
  const aside =
    asideInsteadOfValue ||
    (await isFaqTakenForIntent(event, deps)) ||
    (await isQuestionAfterGreeting(event, deps)) ||
    isFollowUpOfAnswer(event)
      ? await answerAside(
          request,
          asideInsteadOfValue && asksAboutTheQuestion(event.inputTranscript, event.bot.localeId),
        )
      : undefined;
  if (aside) return aside;
  const intentHandler = INTENT_HANDLERS.get(intent.name);
  if (!intentHandler) {
    log.warn('No handler for this intent');
    return close(intent, 'Failed', messages.common.unknownIntent, sessionAttributes);
  }
  try {
    if (event.invocationSource === 'FulfillmentCodeHook') return await intentHandler.fulfil(request);
    const validated = intentHandler.validate
      ? await intentHandler.validate(request)
      : delegate(intent, sessionAttributes);
    return (await withQuestionBesideTheValue(request, validated)) ?? validated;
  } catch (error) {
    log.error('Intent handler failed', error instanceof Error ? error : String(error));
    return close(intent, 'Failed', messages.common.unexpectedError, sessionAttributes);
  }
}
