/** What the Slack channel itself says, around the bot's answers, in each bot locale. */
export interface SlackCatalogue {
  yes: { label: string; text: string };
  no: { label: string; text: string };
  sources: string;
  helpful: string;
  notHelpful: string;
  askedAbout: string;
  thanksHelpful: string;
  thanksUnhelpful: string;
  feedbackExpired: string;
  chose: (user: string, label: string) => string;
  onlyAsker: (asker: string) => string;
  emptyMention: string;
  handoffToChannel: (channel: string) => string;
  handoffNoChannel: string;
  handoffSummaryTitle: (asker: string, reason: string) => string;
  handoffThreadLink: string;
  failed: string;
}

const en_US: SlackCatalogue = {
  yes: { label: 'Yes', text: 'yes' },
  no: { label: 'No', text: 'no' },
  sources: 'Sources',
  helpful: 'Helpful',
  notHelpful: 'Not helpful',
  askedAbout: 'Was this answer helpful?',
  thanksHelpful: 'Thanks, glad it helped.',
  thanksUnhelpful:
    'Thanks for telling us. The FAQ owners will see this question; ask for an agent if you need a person now.',
  feedbackExpired: 'That answer is too old to rate now.',
  chose: (user, label) => `<@${user}> chose *${label}*`,
  onlyAsker: (asker) => `Only <@${asker}> can answer this question. Mention me to ask your own.`,
  emptyMention: 'Hi! Ask me about an order, returns, store hours or how we work, and I will answer here.',
  handoffToChannel: (channel) =>
    `I've passed this conversation to the support team in <#${channel}>. Someone from the team will follow up in this thread.`,
  handoffNoChannel:
    'I could not reach the support team from Slack. Please contact them directly; your conversation is in this thread.',
  handoffSummaryTitle: (asker, reason) => `<@${asker}> needs a person (${reason}).`,
  handoffThreadLink: 'Open the thread',
  failed: 'Sorry, something went wrong on my side. Please try again in a moment.',
};

const es_US: SlackCatalogue = {
  yes: { label: 'Sí', text: 'sí' },
  no: { label: 'No', text: 'no' },
  sources: 'Fuentes',
  helpful: 'Me sirvió',
  notHelpful: 'No me sirvió',
  askedAbout: '¿Le sirvió esta respuesta?',
  thanksHelpful: 'Gracias, nos alegra que le haya servido.',
  thanksUnhelpful:
    'Gracias por avisarnos. Los responsables de las preguntas frecuentes verán esta pregunta; pida un agente si necesita a una persona ahora.',
  feedbackExpired: 'Esa respuesta ya es demasiado antigua para valorarla.',
  chose: (user, label) => `<@${user}> eligió *${label}*`,
  onlyAsker: (asker) => `Solo <@${asker}> puede responder esta pregunta. Mencióneme para hacer la suya.`,
  emptyMention:
    '¡Hola! Pregúnteme por un pedido, devoluciones, horarios de tienda o cómo trabajamos, y le respondo aquí.',
  handoffToChannel: (channel) =>
    `Pasé esta conversación al equipo de soporte en <#${channel}>. Alguien del equipo le responderá en este hilo.`,
  handoffNoChannel:
    'No pude avisar al equipo de soporte desde Slack. Contáctelos directamente; su conversación está en este hilo.',
  handoffSummaryTitle: (asker, reason) => `<@${asker}> necesita una persona (${reason}).`,
  handoffThreadLink: 'Abrir el hilo',
  failed: 'Lo siento, algo falló de mi lado. Inténtelo de nuevo en un momento.',
};

const CATALOGUES: Readonly<Record<string, SlackCatalogue>> = { en_US, es_US };

export function slackMessagesFor(localeId: string): SlackCatalogue {
  return CATALOGUES[localeId] ?? en_US;
}
