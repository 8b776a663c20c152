/** The languages Parley's phone line answers in: one contact flow (and one phone number) per locale. */
export const LINE_LOCALES = ['en_US', 'es_US'] as const;
export type LineLocale = (typeof LINE_LOCALES)[number];

/**
 * What the flow itself says; everything else the caller hears comes from the bot, including the goodbye when
 * the bot ends the call. Each entry is a list of sentences.
 */
export interface LinePrompts {
  greeting: readonly string[];
  /**
   * Played when the bot has finished an intent and the caller may ask something else. A caller who has not
   * can just say so ("no, that's all"): the bot's goodbye intent ends the call.
   */
  anythingElse: readonly string[];
  /** The caller said nothing before Lex gave up listening. */
  noInput: readonly string[];
  /** Lex or Connect failed; the call cannot go on. */
  technicalError: readonly string[];
  /** The agent queue is full. */
  agentsBusy: readonly string[];
  /** The queue could not be set or the transfer failed. */
  transferFailed: readonly string[];
}

export interface LineLocaleSettings {
  /** The contact language; a Lex V2 bot serves the locale that matches it. */
  languageCode: string;
  /** The Connect text-to-speech voice for the flow's own prompts; the same voice as the bot locale's. */
  voice: { voiceId: string; engine: 'Neural' };
  prompts: LinePrompts;
}

export const LINE_LOCALE_SETTINGS: Readonly<Record<LineLocale, LineLocaleSettings>> = {
  en_US: {
    languageCode: 'en-US',
    voice: { voiceId: 'Joanna', engine: 'Neural' },
    prompts: {
      greeting: [
        'Thanks for calling.',
        "I'm the virtual assistant. I can check on an order, tell you our store hours, reset your password, or book a callback.",
        'You can say agent at any time to talk to a person.',
        'How can I help you today?',
      ],
      anythingElse: ['Is there anything else I can help you with?'],
      noInput: ["Sorry, I didn't hear anything.", "Please call us again when you're ready. Goodbye."],
      technicalError: [
        "I'm sorry, something went wrong on our side.",
        'Please call us again in a few minutes. Goodbye.',
      ],
      agentsBusy: [
        "I'm sorry, all of our agents are busy right now.",
        'Please call us again later. Goodbye.',
      ],
      transferFailed: [
        "I'm sorry, I couldn't connect you with an agent.",
        'Please call us again in a few minutes. Goodbye.',
      ],
    },
  },
  es_US: {
    languageCode: 'es-US',
    voice: { voiceId: 'Lupe', engine: 'Neural' },
    prompts: {
      greeting: [
        'Gracias por llamar.',
        'Soy el asistente virtual. Puedo consultar un pedido, darle el horario de nuestras tiendas, restablecer su contraseña o agendar una llamada.',
        'Puede decir agente en cualquier momento para hablar con una persona.',
        '¿En qué le puedo ayudar?',
      ],
      anythingElse: ['¿Le ayudo con algo más?'],
      noInput: ['Disculpe, no escuché nada.', 'Llámenos de nuevo cuando quiera. Hasta luego.'],
      technicalError: [
        'Lo siento, tuvimos un problema de nuestro lado.',
        'Por favor, llámenos de nuevo en unos minutos. Hasta luego.',
      ],
      agentsBusy: [
        'Lo siento, en este momento todos nuestros agentes están ocupados.',
        'Por favor, llámenos más tarde. Hasta luego.',
      ],
      transferFailed: [
        'Lo siento, no pude comunicarle con un agente.',
        'Por favor, llámenos de nuevo en unos minutos. Hasta luego.',
      ],
    },
  },
};
