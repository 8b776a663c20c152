import { answerNotHelpful } from './answer-not-helpful';
import { bookCallback } from './book-callback';
import { checkOrderStatus } from './check-order-status';
import { endConversation } from './end-conversation';
import { fallback } from './fallback';
import type { IntentHandler } from './intent-handler';
import { resetPassword } from './reset-password';
import { sendAnswerDetails } from './send-answer-details';
import { storeHours } from './store-hours';
import { talkToAgent } from './talk-to-agent';
import { welcome } from './welcome';

/** Intent name (the bot definition's `Name`, the same in every locale) to its handler. */
export const INTENT_HANDLERS: ReadonlyMap<string, IntentHandler> = new Map([
  ['CheckOrderStatus', checkOrderStatus],
  ['StoreHours', storeHours],
  ['ResetPassword', resetPassword],
  ['BookCallback', bookCallback],
  ['TalkToAgent', talkToAgent],
  ['AnswerNotHelpful', answerNotHelpful],
  ['SendAnswerDetails', sendAnswerDetails],
  ['EndConversation', endConversation],
  ['Welcome', welcome],
  ['FallbackIntent', fallback],
]);
