import { close, delegate, elicitSlot } from '../responses';
import { interpretedValue, slotValue } from '../slots';
import { isEmailAddress, maskEmail } from '../validation/email';
import type { IntentHandler, IntentRequest } from './intent-handler';

const EMAIL = 'Email';

export const resetPassword: IntentHandler = {
  validate(request) {
    const { intent, sessionAttributes, messages } = request;
    if (intent.confirmationState === 'Denied') return declined(request);
    const value = slotValue(intent, EMAIL);
    if (value === undefined || isUsableEmail(value.interpretedValue))
      return delegate(intent, sessionAttributes);
    return elicitSlot(intent, EMAIL, messages.password.emailHint, sessionAttributes);
  },

  fulfil(request) {
    const { intent, sessionAttributes, messages, log } = request;
    // Lex plays the declination itself and never fulfils a denied intent; this guards a changed bot definition.
    if (intent.confirmationState === 'Denied') return declined(request);
    const email = interpretedValue(intent, EMAIL);
    if (!isUsableEmail(email))
      return elicitSlot(intent, EMAIL, messages.password.emailHint, sessionAttributes);
    const masked = maskEmail(email);
    log.info('Password reset link requested', { email: masked });
    return close(intent, 'Fulfilled', messages.password.linkSent(masked), sessionAttributes);
  },
};

function isUsableEmail(value: string | null | undefined): value is string {
  return typeof value === 'string' && isEmailAddress(value);
}

function declined({ intent, sessionAttributes, messages }: IntentRequest) {
  return close(intent, 'Failed', messages.password.declined, sessionAttributes);
}
