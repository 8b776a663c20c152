import type { ConversationTurn } from '../../memory/conversation-memory';
import { followUpRequestId } from '../../follow-ups/follow-up';
import type { LexV2ResultIntent } from '../lex-event';
import { close, confirmIntent, delegate, elicitSlot } from '../responses';
import { slotValue, withSlotValue } from '../slots';
import { normalizePhoneNumber, readablePhoneNumber } from '../validation/phone-number';
import { ofKind, type IntentHandler, type IntentRequest, type IntentResult } from './intent-handler';
import { CALLER_NUMBER_ATTRIBUTE } from '../../shared/channel-attributes';

const PHONE = 'PhoneNumber';

/** `true` once the caller said the caller-id number is not the one to text, so it is not offered again. */
export const CALLER_NUMBER_DECLINED_ATTRIBUTE = 'parley:callerNumberDeclined';

/** A text arriving a day after the call would confuse more than help, so an unsent request expires then. */
const FOLLOW_UP_LIFETIME_SECONDS = 24 * 60 * 60;

type NumberToText = { kind: 'known'; phoneNumber: string } | { kind: 'invalid' } | { kind: 'unknown' };

/**
 * "Text me the details": the full text of the latest answer of this conversation goes to the customer's
 * phone, from the conversation memory: the turn's `details` when the customer heard a shorter form of the
 * answer (a curated answer's voice line), else the answer itself. The number is the one they gave, else the
 * caller id; it is read back for a yes before anything is stored. Fulfilment stores a follow-up request in the follow-ups table, and
 * that item is the whole hand-off: sending the SMS is the job of a separate consumer of the table.
 */
export const sendAnswerDetails: IntentHandler = {
  async validate(request) {
    const { intent, sessionAttributes, messages } = request;
    if (!(await latestAnswer(request)))
      return close(intent, 'Fulfilled', messages.details.nothingToSend, sessionAttributes);
    if (intent.confirmationState === 'Denied') {
      return elicitSlot({ ...intent, confirmationState: 'None' }, PHONE, messages.details.askNumber, {
        ...sessionAttributes,
        [CALLER_NUMBER_DECLINED_ATTRIBUTE]: 'true',
      });
    }
    const number = numberToText(request);
    if (number.kind !== 'known') return askForNumber(request, number);
    const settled = withSlotValue(intent, PHONE, number.phoneNumber);
    if (intent.confirmationState === 'Confirmed') return delegate(settled, sessionAttributes);
    return readBack(request, settled, number.phoneNumber);
  },

  async fulfil(request) {
    const { event, intent, sessionAttributes, messages, deps, log } = request;
    const answer = await latestAnswer(request);
    if (!answer) return close(intent, 'Fulfilled', messages.details.nothingToSend, sessionAttributes);
    const number = numberToText(request);
    if (number.kind !== 'known') return askForNumber(request, number);
    const settled = withSlotValue(intent, PHONE, number.phoneNumber);
    // Lex fulfils only after a yes; without one (a changed bot definition) the number is checked first.
    if (intent.confirmationState !== 'Confirmed') return readBack(request, settled, number.phoneNumber);
    const now = deps.clock();
    const { followUp, created } = await deps.followUps.requestOnce({
      requestId: followUpRequestId(event.sessionId, answer.turn),
      sessionId: event.sessionId,
      answerTurn: answer.turn,
      status: 'pending',
      phoneNumber: number.phoneNumber,
      localeId: event.bot.localeId,
      text: answer.details ?? answer.assistant,
      createdAt: new Date(now).toISOString(),
      expiresAt: Math.floor(now / 1000) + FOLLOW_UP_LIFETIME_SECONDS,
    });
    log.info(created ? 'Answer details requested by text' : 'Answer details already requested', {
      requestId: followUp.requestId,
    });
    if (followUp.phoneNumber !== number.phoneNumber) {
      const earlier = readablePhoneNumber(followUp.phoneNumber);
      return ofKind(
        'readBack',
        close(settled, 'Fulfilled', messages.details.alreadyRequested(earlier), sessionAttributes),
      );
    }
    return ofKind('disclaimer', close(settled, 'Fulfilled', messages.details.requested, sessionAttributes));
  },
};

/** The newest remembered turn with an answer in it; undefined when this conversation has none yet. */
async function latestAnswer({ event, deps }: IntentRequest): Promise<ConversationTurn | undefined> {
  const turns = await deps.memory.history(event.sessionId, {
    tokenBudget: Number.MAX_SAFE_INTEGER,
    maxTurns: 1,
  });
  const latest = turns.at(-1);
  return latest && latest.assistant.trim() !== '' ? latest : undefined;
}

/** The number the customer gave, else the caller id unless they turned it down. */
function numberToText({ intent, sessionAttributes }: IntentRequest): NumberToText {
  const given = slotValue(intent, PHONE);
  if (given) {
    const phoneNumber =
      given.interpretedValue === null ? undefined : normalizePhoneNumber(given.interpretedValue);
    return phoneNumber ? { kind: 'known', phoneNumber } : { kind: 'invalid' };
  }
  const callerId = sessionAttributes[CALLER_NUMBER_ATTRIBUTE];
  const declined = sessionAttributes[CALLER_NUMBER_DECLINED_ATTRIBUTE] === 'true';
  const phoneNumber = callerId === undefined || declined ? undefined : normalizePhoneNumber(callerId);
  return phoneNumber ? { kind: 'known', phoneNumber } : { kind: 'unknown' };
}

function askForNumber(
  { intent, sessionAttributes, messages }: IntentRequest,
  number: Exclude<NumberToText, { kind: 'known' }>,
): IntentResult {
  const prompt = number.kind === 'invalid' ? messages.callback.phoneInvalid : messages.details.askNumber;
  return elicitSlot(intent, PHONE, prompt, sessionAttributes);
}

function readBack(
  { sessionAttributes, messages }: IntentRequest,
  intent: LexV2ResultIntent,
  phoneNumber: string,
): IntentResult {
  const question = messages.details.confirmNumber(readablePhoneNumber(phoneNumber));
  return ofKind('readBack', confirmIntent(intent, question, sessionAttributes));
}
