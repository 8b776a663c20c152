import { answerNotHelpful } from './answer-not-helpful';
import { bookCallback } from './book-callback';
import { checkOrderStatus } from './check-order-status';
import { endConversation } from './end-conversation';
import { fallback, FALLBACK_INTENT } from './fallback';
import type { IntentHandler, IntentResult } from './intent-handler';
import { repeatLastReply } from './repeat-last-reply';
import { resetPassword } from './reset-password';
import { sendAnswerDetails } from './send-answer-details';
import { showAnswerDetails } from './show-answer-details';
import { storeHours } from './store-hours';
import { talkToAgent } from './talk-to-agent';
import { welcome } from './welcome';

/** Intent name (the bot definition's `Name`, the same in every locale) to its handler. */
export const INTENT_HANDLERS: ReadonlyMap<string, IntentHandler> = new Map([
  ['CheckOrderStatus', checkOrderStatus],
  ['OrderStatusFollowUp', answeringAs('CheckOrderStatus', checkOrderStatus)],
  ['StoreHours', storeHours],
  ['StoreHoursFollowUp', answeringAs('StoreHours', storeHours)],
  ['ResetPassword', resetPassword],
  ['BookCallback', bookCallback],
  ['TalkToAgent', talkToAgent],
  ['AcceptAgentOffer', answeringAs('TalkToAgent', talkToAgent)],
  ['AnswerNotHelpful', answerNotHelpful],
  ['SendAnswerDetails', sendAnswerDetails],
  ['ShowAnswerDetails', showAnswerDetails],
  ['EndConversation', endConversation],
  ['Welcome', welcome],
  ['RepeatLastReply', repeatLastReply],
  ['FallbackIntent', fallback],
  // A value said alone goes back to the task left (interrupted-intent.ts); with none kept any more, it is a
  // question like any other.
  ['ResumeTask', { fulfil: (request) => fallback.fulfil({ ...request, intent: FALLBACK_INTENT }) }],
]);

/**
 * A follow-up intent ("what about Sunday?", "sorry, I meant 10002") is the intent it follows asked again, with
 * what was not said again taken from the context that intent set. It exists so Lex recognises the elliptical
 * wording only right after that intent; its answer closes as that intent, so channels, reports and the next
 * follow-up see one business intent, and the intent's output context is set again.
 */
function answeringAs(intentName: string, handler: IntentHandler): IntentHandler {
  const renamed = (result: IntentResult): IntentResult => {
    const { intent } = result.sessionState;
    if (result.sessionState.dialogAction.type !== 'Close' || !intent) return result;
    return { ...result, sessionState: { ...result.sessionState, intent: { ...intent, name: intentName } } };
  };
  const { validate, fulfil } = handler;
  return {
    ...(validate ? { validate: async (request) => renamed(await validate(request)) } : {}),
    fulfil: async (request) => renamed(await fulfil(request)),
  };
}
