import type { GenerativeMessages } from './catalogue';

const OFFER_AGENT = 'Would you like me to connect you with an agent?';

export const enUS: GenerativeMessages = {
  noPassage: `Sorry, I can't help with that: nothing in our help articles covers it. ${OFFER_AGENT}`,
  cannotAnswer: `Our help articles don't answer that, and I'd rather not guess. ${OFFER_AGENT}`,
  handoff: 'Let me connect you with an agent who can help with that.',
  unsure: `I'm not sure I have the right answer to that. ${OFFER_AGENT}`,
  busy: `I'm getting a lot of questions right now and couldn't look that up. Please try again in a moment. ${OFFER_AGENT}`,
  slow: `Sorry, looking that up is taking too long. ${OFFER_AGENT}`,
  unavailable: `I'm sorry, I can't look that up right now. ${OFFER_AGENT}`,
  blocked: `I'm sorry, I can't help with that request. ${OFFER_AGENT}`,
};
