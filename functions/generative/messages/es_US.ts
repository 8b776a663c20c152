import type { GenerativeMessages } from './catalogue';

const OFFER_AGENT = '¿Quiere que le comunique con un agente?';

export const esUS: GenerativeMessages = {
  noPassage: `Lo siento, no puedo ayudarle con eso: nuestros artículos de ayuda no lo cubren. ${OFFER_AGENT}`,
  cannotAnswer: `Lo siento, no tengo una respuesta para eso en nuestros artículos de ayuda y prefiero no adivinar. ${OFFER_AGENT}`,
  handoff: 'Le comunico con un agente que puede ayudarle con eso.',
  unsure: `No estoy seguro de tener la respuesta correcta. ${OFFER_AGENT}`,
  busy: `Estoy recibiendo muchas preguntas en este momento y no pude consultarlo. Inténtelo de nuevo en un momento. ${OFFER_AGENT}`,
  slow: `Disculpe, la consulta está tardando demasiado. ${OFFER_AGENT}`,
  unavailable: `Lo siento, en este momento no puedo consultarlo. ${OFFER_AGENT}`,
  blocked: `Lo siento, no puedo ayudarle con esa solicitud. ${OFFER_AGENT}`,
};
