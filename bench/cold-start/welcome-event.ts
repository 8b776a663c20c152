/**
 * A first turn that needs no network: "hello" fulfilled by the Welcome intent. The code hook builds its
 * configuration and clients on its first invocation, so a cold start is the load plus this turn.
 */
export const WELCOME_EVENT = {
  messageVersion: '1.0',
  invocationSource: 'FulfillmentCodeHook',
  inputMode: 'Text',
  responseContentType: 'text/plain; charset=utf-8',
  sessionId: 'cold-start',
  inputTranscript: 'hello',
  bot: {
    id: 'RETAILBOT1',
    name: 'RetailSupportBot',
    aliasId: 'TSTALIASID',
    aliasName: 'TestBotAlias',
    localeId: 'en_US',
    version: 'DRAFT',
  },
  interpretations: [
    {
      intent: { name: 'Welcome', slots: {}, state: 'ReadyForFulfillment', confirmationState: 'None' },
      nluConfidence: 0.98,
      interpretationSource: 'Lex',
    },
  ],
  requestAttributes: {},
  sessionState: {
    sessionAttributes: {},
    activeContexts: [],
    intent: { name: 'Welcome', slots: {}, state: 'ReadyForFulfillment', confirmationState: 'None' },
    originatingRequestId: 'cold-start-1',
  },
  transcriptions: [{ transcription: 'hello', transcriptionConfidence: 1 }],
};
