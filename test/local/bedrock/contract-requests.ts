import {
  ANSWER_TOOL_NAME,
  ASKED_PREFIX,
  formatPassages,
  QUESTION_PREFIX,
  STRUCTURED_ANSWER_JSON_SCHEMA,
  type PromptPassage,
} from '../../../functions/generative/contract';
import type { ParsedConverseRequest } from '../../../local/bedrock/engine';
import type { Message } from '../../../local/bedrock/request-schema';

/** A small retail FAQ, the kind of passages the code hook retrieves. */
export const FAQ: readonly PromptPassage[] = [
  {
    id: 'faq-shipping-canada',
    title: 'Shipping to Canada',
    text: 'We ship to all Canadian provinces. Orders to Canada arrive in 5 to 7 business days. Duties are included in the price at checkout.',
  },
  {
    id: 'faq-shipping-mexico',
    title: 'Shipping to Mexico',
    text: 'We ship to Mexico through our partner carrier. Orders to Mexico arrive in 10 to 14 business days, and import taxes are paid on delivery.',
  },
  {
    id: 'faq-returns',
    title: 'Returns and refunds',
    text: 'You can return any item within 30 days of delivery. Refunds go back to the original payment method within 5 business days of us receiving the return.',
  },
  {
    id: 'faq-gift-cards',
    title: 'Gift cards',
    text: 'Gift cards never expire. They can be used online and in every store, but they cannot be exchanged for cash.',
  },
];

export const FAQ_ES: readonly PromptPassage[] = [
  {
    id: 'faq-es-envios',
    title: 'Envíos a México',
    text: 'Enviamos a todo México con nuestra paquetería asociada. Los pedidos llegan en 10 a 14 días hábiles.',
  },
  {
    id: 'faq-es-devoluciones',
    title: 'Devoluciones',
    text: 'Puede devolver cualquier artículo dentro de los 30 días posteriores a la entrega. El reembolso se hace al método de pago original.',
  },
];

export interface Turn {
  question: string;
  answer: string;
}

/** The request the generative code path sends: passages and question in the last user turn, the tool forced. */
export function contractRequest(
  question: string,
  passages: readonly PromptPassage[],
  options: { history?: Turn[]; maxTokens?: number; modelId?: string; askedFor?: string } = {},
): ParsedConverseRequest {
  const history: Message[] = (options.history ?? []).flatMap((turn): Message[] => [
    { role: 'user', content: [{ text: `${QUESTION_PREFIX}${turn.question}` }] },
    { role: 'assistant', content: [{ text: turn.answer }] },
  ]);
  return {
    modelId: options.modelId ?? 'amazon.nova-micro-v1:0',
    system: [{ text: 'You are Parley. Answer only from the passages, through the submit_answer tool.' }],
    messages: [
      ...history,
      {
        role: 'user',
        content: [
          { text: formatPassages(passages) },
          ...(options.askedFor ? [{ text: `${ASKED_PREFIX}${options.askedFor}` }] : []),
          { text: `${QUESTION_PREFIX}${question}` },
        ],
      },
    ],
    inferenceConfig: { temperature: 0, ...(options.maxTokens ? { maxTokens: options.maxTokens } : {}) },
    toolConfig: {
      tools: [
        {
          toolSpec: {
            name: ANSWER_TOOL_NAME,
            description: 'Submit the answer for the customer.',
            inputSchema: { json: STRUCTURED_ANSWER_JSON_SCHEMA as unknown as Record<string, never> },
          },
        },
      ],
      toolChoice: { tool: { name: ANSWER_TOOL_NAME } },
    },
  };
}
