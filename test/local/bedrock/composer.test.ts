import fc from 'fast-check';
import { StructuredAnswer, type PromptPassage } from '../../../functions/generative/contract';
import {
  BedrockServiceError,
  createLocalComposerEngine,
  type ConverseOutput,
  type ParsedConverseRequest,
} from '../../../local/bedrock';
import { queryTermsOf } from '../../../local/bedrock/composer/relevance';
import { wordingFor } from '../../../local/bedrock/composer/wording';
import { analyzerFor } from '../../../local/lex/nlu/analyzer';
import { readKnowledgeDirectory } from '../../../functions/knowledge/directory';
import { buildKnowledgeIndex } from '../../../functions/knowledge/index-builder';
import type { KnowledgeIndexFile } from '../../../functions/knowledge/index-file';
import { contractRequest, FAQ, FAQ_ES, type Turn } from './contract-requests';

const engine = createLocalComposerEngine();

let knowledge: KnowledgeIndexFile;
beforeAll(async () => {
  const { documents } = await readKnowledgeDirectory('knowledge');
  knowledge = buildKnowledgeIndex(documents);
});

/**
 * The sample articles' own passages: which sentence answers depends on how rare each word is among them, which a
 * two-sentence fixture cannot show.
 */
function articlePassages(localeId: 'en_US' | 'es_US', ids: readonly string[]): PromptPassage[] {
  const stored = knowledge.locales[localeId]?.public.passages ?? [];
  return ids.map((id) => {
    const passage = stored.find((candidate) => candidate.id === id);
    if (!passage) throw new Error(`no passage ${id} in the sample knowledge`);
    return { id: passage.id, title: passage.title, text: passage.text };
  });
}

function converse(request: ParsedConverseRequest): Promise<ConverseOutput> {
  return engine.converse(request, new AbortController().signal);
}

async function ask(
  question: string,
  passages: readonly PromptPassage[] = FAQ,
  options: { history?: Turn[]; maxTokens?: number; askedFor?: string } = {},
): Promise<StructuredAnswer> {
  const output = await converse(contractRequest(question, passages, options));
  const [block] = output.content;
  if (!block || !('toolUse' in block)) throw new Error('expected a submit_answer call');
  return StructuredAnswer.parse(block.toolUse.input);
}

describe('the local composer', () => {
  it('is named in logs as parley.local-composer-v1', () => {
    expect(engine.id).toBe('parley.local-composer-v1');
  });

  it('answers with sentences of the passage that answers the question, and cites it', async () => {
    expect(await ask('Do gift cards expire?')).toEqual({
      answer: 'Gift cards never expire.',
      citations: ['faq-gift-cards'],
      outcome: 'answer',
    });
    const returns = await ask('How do refunds work?');
    expect(returns.citations).toEqual(['faq-returns']);
    expect(FAQ[2]?.text).toContain(returns.answer);
  });

  it('reads a question that points back at what the customer was just asked as being about it', async () => {
    const passages = [
      ['deliveries', 'If you cannot find a delivered parcel, ask your neighbours.'],
      ['orders', 'Every order has a 5-digit order number, shown in your confirmation email.'],
    ].map(([id = '', text = '']): PromptPassage => ({ id, title: id, text }));
    const asked = "What's your 5-digit order number?";
    expect(await ask('where would I find that', passages, { askedFor: asked })).toMatchObject({
      outcome: 'answer',
      citations: ['orders'],
    });
    // A question of its own is answered for itself.
    expect((await ask('I cannot find my parcel', passages, { askedFor: asked })).citations).toEqual([
      'deliveries',
    ]);
  });

  it('never answers for another country or store than the one asked about', async () => {
    const passages: PromptPassage[] = [
      {
        id: 'intl',
        title: 'International shipping',
        text: 'Delivery to Canada takes 5 to 8 business days.\n\nDelivery to Mexico takes 6 to 10 business days.',
      },
    ];
    expect((await ask('how many business days does delivery to mexico take?', passages)).answer).toBe(
      'Delivery to Mexico takes 6 to 10 business days.',
    );
    const history = [{ question: 'Do you ship to Mexico?', answer: 'Yes, we do.' }];
    expect((await ask('and how long does delivery take?', passages, { history })).answer).toBe(
      'Delivery to Mexico takes 6 to 10 business days.',
    );
  });

  it('reads a follow-up with the previous question', async () => {
    const history = [
      {
        question: 'How long does shipping to Canada take?',
        answer: 'Orders to Canada arrive in 5 to 7 business days.',
      },
    ];
    const followUp = await ask('and to Mexico?', FAQ, { history });
    expect(followUp).toMatchObject({ outcome: 'answer', citations: ['faq-shipping-mexico'] });
    expect(followUp.answer).toContain('Orders to Mexico arrive in 10 to 14 business days');
    const elliptical = [
      { question: 'Do you ship to Mexico?', answer: 'We ship to Mexico through our partner carrier.' },
    ];
    expect(await ask('How long does it take?', FAQ, { history: elliptical })).toMatchObject({
      outcome: 'answer',
      citations: ['faq-shipping-mexico'],
    });
    expect((await ask('How long does it take?')).outcome).toBe('clarify');
  });

  it('answers a follow-up about the country the previous question named, not shipping in general', async () => {
    const shipping: PromptPassage[] = [
      {
        id: 'costo-envio',
        title: '¿Cuánto cuesta el envío?',
        text: 'Los pedidos salen en 1 día hábil.\nEstándar: de 3 a 5 días hábiles, $5.99, gratis en pedidos de $50 o más.',
      },
      {
        id: 'internacional',
        title: '¿Hacen envíos internacionales?',
        text: 'Enviamos a Estados Unidos, Canadá y México.\nPrecio (Canadá): $19.99 tarifa fija.\nPrecio (México): $24.99 tarifa fija.',
      },
    ];
    const history = [{ question: '¿hacen envíos a México?', answer: 'Enviamos a México.' }];
    const followUp = await ask('¿y cuánto cuesta?', shipping, { history });
    expect(followUp).toMatchObject({ outcome: 'answer', citations: ['internacional'] });
    expect(followUp.answer).toContain('$24.99');
    expect(followUp.answer).not.toContain('$19.99');
    expect((await ask('¿cuánto cuesta el envío?', shipping)).citations).toEqual(['costo-envio']);
  });

  it('reads how long something takes to arrive as its delivery time, in a follow-up too', async () => {
    const shipping: PromptPassage[] = [
      {
        id: 'shipping',
        title: 'How much does shipping cost and how long does it take?',
        text: [
          'Orders leave our warehouse in 1 business day.',
          'Business days are Monday to Friday.',
          'Deliveries to Alaska, Hawaii and Puerto Rico use Standard shipping only and take 5-8 business days.',
          "Expedited and Overnight can't be delivered to P.O. boxes.",
        ].join('\n'),
      },
      {
        id: 'international',
        title: 'Do you ship internationally?',
        text: [
          'We ship to the United States, Canada and Mexico.',
          'Carrier (Mexico): UPS Worldwide Expedited.',
          'Delivery (Mexico): 6-10 business days after the order ships.',
          'Price (Mexico): $24.99 flat rate.',
        ].join('\n'),
      },
    ];
    const history = [{ question: 'do you ship to mexico?', answer: 'Yes, for a flat rate.' }];
    const followUp = await ask('how long does it take to arrive?', shipping, { history });
    expect(followUp.answer).toMatch(/^Delivery \(Mexico\)/);
  });

  it('reads "más de" a time as after it, in a follow-up about a deadline', async () => {
    const passages: PromptPassage[] = [
      {
        id: 'recogida',
        title: '¿Cómo funciona la recogida en tienda?',
        text: [
          'La mayoría de los pedidos están listos en 2 horas dentro del horario de la tienda.',
          'Guardamos los pedidos 7 días; después se cancelan y se reembolsan.',
          'La tienda Aeropuerto está después del control de seguridad de la Terminal B.',
        ].join('\n'),
      },
      {
        id: 'cambios',
        title: '¿Puedo cambiar o cancelar mi pedido?',
        text: [
          'Puede cancelar un pedido, o cambiar su dirección de envío, en los 60 minutos siguientes a hacerlo.',
          'Después de 60 minutos el pedido ya se está empacando y no se puede cambiar.',
          'No podemos agregar artículos a un pedido existente; haga un pedido nuevo.',
          'Si su pedido ya se envió, puede rechazar la entrega o devolver los artículos cuando lleguen.',
        ].join('\n'),
      },
    ];
    const history = [
      {
        question: 'hice un pedido hace rato y puse mal la dirección, ¿la puedo cambiar?',
        answer:
          'Puede cancelar un pedido, o cambiar su dirección de envío, en los 60 minutos siguientes a hacerlo.',
      },
    ];
    const later = await ask('¿y si ya pasaron más de dos horas?', passages, { history });
    expect(later).toMatchObject({ outcome: 'answer', citations: ['cambios'] });
    expect(later.answer).toMatch(/^Después de 60 minutos/);
  });

  it('knows which passage a previous answer said in its own words (a curated answer) when "eso" points back', async () => {
    const passages: PromptPassage[] = [
      {
        id: 'internacional',
        title: '¿Hacen envíos internacionales?',
        text: [
          'Los aranceles de importación y los impuestos se calculan al pagar y se incluyen en el total.',
          'Estos artículos dicen "Solo entrega en EE. UU." en la página del producto.',
          'Los pedidos internacionales se pueden devolver por correo, con el costo de envío a su cargo.',
        ].join('\n'),
      },
      {
        id: 'recogida',
        title: '¿Cómo funciona la recogida en tienda?',
        text: [
          'Elija Recoger en tienda al pagar y seleccione Centro, Aeropuerto o Northgate. La recogida es gratis.',
          'La mayoría de los pedidos están listos en 2 horas; le avisamos por correo cuando el suyo esté listo.',
          'Guardamos los pedidos 7 días; después se cancelan y se reembolsan.',
        ].join('\n'),
      },
    ];
    const history = [
      {
        question: '¿puedo comprar en la página y recogerlo en la tienda?',
        answer:
          'Elija una tienda al pagar y la recogida es gratis. Le avisamos por correo cuando el pedido está listo, normalmente en 2 horas, y lo guardamos 7 días.',
      },
    ];
    const cost = await ask('¿y eso tiene algún costo?', passages, { history });
    expect(cost).toMatchObject({ outcome: 'answer', citations: ['recogida'] });
  });

  it('reads a follow-up with no subject of its own ("¿y se vencen?") as about what was just answered', async () => {
    const passages: PromptPassage[] = [
      {
        id: 'credito',
        title: '¿Cómo funciona el crédito de tienda?',
        text: 'El crédito de tienda se entrega en una tarjeta de crédito de tienda o como un código electrónico por correo. Nunca vence y no tiene comisiones.',
      },
      {
        id: 'tarjetas',
        title: '¿Cómo funcionan las tarjetas de regalo?',
        text: 'Las tarjetas de regalo están disponibles en cualquier monto de $10 a $500.\nNunca vencen y no tienen comisiones.',
      },
    ];
    const history = [
      {
        question: 'puedo comprar una tarjeta de regalo en línea para mi mamá',
        answer: 'Las tarjetas de regalo están disponibles en cualquier monto de $10 a $500.',
      },
    ];
    const expiry = await ask('¿y se vencen?', passages, { history });
    expect(expiry).toMatchObject({ answer: 'Nunca vencen y no tienen comisiones.', citations: ['tarjetas'] });
  });

  it('answers a follow-up from the passage that says what it asks, not again from the one just quoted', async () => {
    const passages: PromptPassage[] = [
      {
        id: 'tarjetas#1',
        title: '¿Cómo funcionan las tarjetas de regalo?',
        text: 'Las tarjetas de regalo están disponibles en cualquier monto de $10 a $500.\nNunca vencen y no tienen comisiones.',
      },
      {
        id: 'tarjetas#2',
        title: '¿Cómo funcionan las tarjetas de regalo?',
        text: 'Podemos reponer una tarjeta perdida o robada por su saldo restante si usted tiene el recibo de compra original.',
      },
    ];
    const history = [
      {
        question: '¿venden tarjetas de regalo? ¿de cuánto son?',
        answer:
          'Las tarjetas de regalo están disponibles en cualquier monto de $10 a $500. Nunca vencen y no tienen comisiones.',
      },
    ];
    const lost = await ask('¿y si la pierdo?', passages, { history });
    expect(lost.answer).toMatch(/^Podemos reponer una tarjeta perdida/u);
    expect(lost.citations[0]).toBe('tarjetas#2');
  });

  it('reads a short follow-up that points back ("¿y si lo cancelo...?") as about the passage just answered from', async () => {
    const passages = articlePassages('es_US', ['order-changes#1', 'payment-methods#1']);
    const history = [
      {
        question:
          'hice un pedido en linea ayer y en mi banco aparece como pendiente pero todavia no me lo cobran, es normal?',
        answer:
          'Su tarjeta se autoriza al hacer el pedido y se cobra cuando el pedido se envía; la autorización de un pedido cancelado desaparece en 3 a 5 días hábiles, según su banco.',
      },
    ];
    const cancelled = await ask('¿y si lo cancelo, en cuánto se quita?', passages, { history });
    expect(cancelled.citations).toEqual(['payment-methods#1']);
    expect(cancelled.answer).toContain('3 a 5 días hábiles');
  });

  it('never takes a number word of the story for the topic ("hace como dos semanas" is not "dos pedidos")', async () => {
    const passages = articlePassages('es_US', ['order-changes#1', 'return-policy#1']);
    const answer = await ask(
      'compré unos audífonos hace como dos semanas y no me gustaron, ¿los puedo regresar?',
      passages,
    );
    expect(answer.citations[0]).toBe('return-policy#1');
    expect(answer.answer).not.toContain('dos pedidos');
    const english = await ask(
      'I bought headphones two weeks ago and hate them, can I return them?',
      articlePassages('en_US', ['order-changes#1', 'return-policy#1']),
    );
    expect(english.citations[0]).toBe('return-policy#1');
    expect(english.answer).not.toContain('two orders');
  });

  it('reads "email" in Spanish as the articles\' "correo"', async () => {
    const answer = await ask(
      'Quiero regalarle una tarjeta de regalo a mi sobrina. ¿Se la pueden mandar por email?',
      articlePassages('es_US', ['gift-cards#1']),
    );
    expect(answer.answer).toContain('enviada por correo');
  });

  it('reads Spanglish "gift card" as the articles\' "tarjeta de regalo"', async () => {
    const answer = await ask(
      '¿una gift card se puede devolver?',
      articlePassages('es_US', ['gift-cards#1', 'return-policy#3']),
    );
    expect(answer.citations).toEqual(['return-policy#3']);
    expect(answer.answer).toContain('Las tarjetas de regalo');
  });

  it('answers a follow-up with no words of its own ("¿y de cuánto puede ser?") from the passage just quoted', async () => {
    const history = [
      {
        question:
          'Quiero regalarle una tarjeta de regalo a mi sobrina, pero ella vive en otro estado. ¿Se la pueden mandar por email?',
        answer:
          'Las tarjetas de regalo están disponibles en cualquier monto de $10 a $500, como tarjeta de plástico en nuestras tiendas o como tarjeta de regalo electrónica enviada por correo en la fecha que usted elija.',
      },
    ];
    const amount = await ask(
      '¿y de cuánto puede ser?',
      articlePassages('es_US', ['shipping-options#2', 'gift-cards#1']),
      { history },
    );
    expect(amount).toMatchObject({ outcome: 'answer', citations: ['gift-cards#1'] });
    expect(amount.answer).toContain('$500');
  });

  it('answers each question of a message that asks two things, the list lead-in said once', async () => {
    const spanish = await ask(
      'buenas tardes, una consulta: aceptan paypal? y si voy a la tienda puedo pagar en efectivo',
      articlePassages('es_US', ['payment-methods#1']),
    );
    expect(spanish.answer).toMatch(/^Aceptamos: PayPal, solo en línea\..*Efectivo, solo en tienda\./u);
    expect(spanish.answer.match(/Aceptamos/gu)).toHaveLength(1);
    const english = await ask(
      'do you take paypal? and can I pay cash in the store?',
      articlePassages('en_US', ['payment-methods#1']),
    );
    expect(english.answer).toContain('PayPal');
    expect(english.answer).toContain('Cash, in store only.');
  });

  it('takes a purpose after a question for no question of its own, and repeats no sentence', async () => {
    const answer = await ask(
      'si compro por la pagina puedo pasar a recogerlo a la tienda? para no pagar envio',
      articlePassages('es_US', ['store-pickup#1', 'shipping-options#1']),
    );
    const sentences = answer.answer.split(/(?<=\.)\s+/u);
    expect(new Set(sentences).size).toBe(sentences.length);
  });

  it('reads a later question of few words ("¿Cuánto sale?") with the one before it, not on its own', async () => {
    const answer = await ask(
      '¿Hacen envíos a Canadá? ¿Cuánto sale?',
      articlePassages('es_US', ['international-shipping#1', 'shipping-options#1']),
    );
    expect(answer.answer).toContain('$19.99');
    expect(answer.citations).toEqual(['international-shipping#1']);
  });

  it('reads "¿cuánto me sale?" as "¿cuánto cuesta?", not as "salir"', async () => {
    const answer = await ask(
      'Tengo una prima en Toronto y le quiero mandar un regalo directo allá. ¿Se puede? ¿Cuánto me sale el envío?',
      articlePassages('es_US', [
        'international-shipping#1',
        'shipping-options#1',
        'international-shipping#2',
        'shipping-options#2',
      ]),
    );
    expect(answer.answer).toContain('$19.99');
    expect(answer.answer).not.toContain('salen');
  });

  it("answers a tracking number that shows nothing on the carrier's page with the sentence about it", async () => {
    const answer = await ask(
      'ya me llego el correo con el numero de guia pero lo meto en la pagina de ups y no sale nada',
      articlePassages('es_US', ['order-tracking#1']),
    );
    expect(answer.answer).toContain('24 horas');
    const broken = await ask(
      'el número de guía que me dieron no sirve',
      articlePassages('es_US', ['order-tracking#1']),
    );
    expect(broken.answer).toContain('24 horas');
  });

  it('reads "can I come in with my dog?" as asking whether dogs are allowed', async () => {
    const spanish = await ask('¿puedo entrar con mi perro?', articlePassages('es_US', ['pets-in-stores#1']));
    expect(spanish.answer).toContain('bienvenidos');
    const english = await ask('can I come in with my dog?', articlePassages('en_US', ['pets-in-stores#1']));
    expect(english.answer).toContain('welcome');
  });

  it('knows an extended warranty or extra insurance is the protection plan, a sister or nephew is someone else, and not getting out of the car is curbside', async () => {
    const warranty = articlePassages('es_US', ['warranty#1', 'warranty#2', 'warranty#3']);
    const cover = await ask('¿Hay forma de ampliar la garantía de fábrica de mi secadora?', warranty);
    expect(cover.answer).toContain('Plan de Protección');
    const insurance = await ask(
      'can I get insurance for my laptop?',
      articlePassages('en_US', ['warranty#1', 'warranty#2', 'warranty#3']),
    );
    expect(insurance.answer).toContain('Protection Plan');
    const sister = await ask(
      '¿puede ir mi hermana por el pedido?',
      articlePassages('es_US', ['store-pickup#1']),
    );
    expect(sister.answer).toContain('Otra persona puede recogerlo');
    const nephew = await ask('¿y lo puede recoger mi sobrino?', articlePassages('es_US', ['store-pickup#1']));
    expect(nephew.answer).toContain('Otra persona puede recogerlo');
    const curbside = await ask(
      '¿en cuál se puede recoger sin bajarse del carro?',
      articlePassages('es_US', ['store-pickup#1']),
    );
    expect(curbside.answer).toContain('en la acera');
    const spanglish = await ask('¿tienen curbside pickup?', articlePassages('es_US', ['store-pickup#1']));
    expect(spanglish.answer).toContain('en la acera');
  });

  it('answers from the sentence whose time window the customer\'s "hace cuatro meses" falls in', async () => {
    const passages = articlePassages('es_US', ['warranty#1', 'warranty#2', 'warranty#3']);
    const late = await ask('se me descompuso la licuadora a los 4 meses de comprarla, ¿qué hago?', passages);
    expect(late.answer).toMatch(/^Después de 30 días, los defectos los cubre la garantía del fabricante/u);
    const early = await ask('compré una freidora hace una semana y ya no prende, ¿qué hago?', passages);
    expect(early.answer).toMatch(/^Si un artículo sale defectuoso en los 30 días siguientes/u);
  });

  it('reads a follow-up that names only a time ("¿y si ya pasaron como 2 meses?") against the last topic', async () => {
    const history = [
      {
        question: 'mis audífonos dejaron de funcionar, qué puedo hacer',
        answer:
          'Si un artículo sale defectuoso en los 30 días siguientes a la compra o la entrega, lo cambiamos.',
      },
    ];
    const later = await ask(
      '¿y si ya pasaron como 2 meses?',
      articlePassages('es_US', ['warranty#1', 'warranty#2', 'warranty#3']),
      { history },
    );
    expect(later.answer).toContain('fabricante');
  });

  it('reads a question after an acknowledgement ("Entiendo. ¿Y a ella...?") as a follow-up of the last one', async () => {
    const passages = articlePassages('es_US', [
      'store-pickup#1',
      'international-shipping#1',
      'international-shipping#2',
    ]);
    const history = [
      {
        question: '¿y cuánto cuesta mandar un paquete a Guadalajara, México?',
        answer: 'Precio (México): tarifa fija de $24.99.',
      },
    ];
    const arrival = await ask('Ok, gracias. ¿Y en cuánto tiempo llegaría el paquete?', passages, { history });
    expect(arrival.answer).toContain('6 a 10');
    const english = await ask(
      'I see. And how long would the parcel take?',
      articlePassages('en_US', ['store-pickup#1', 'international-shipping#1', 'international-shipping#2']),
      {
        history: [
          { question: 'how much is shipping to Monterrey, Mexico?', answer: 'Price (Mexico): flat $24.99.' },
        ],
      },
    );
    expect(english.answer).toContain('6-10');
  });

  it('answers a store named in a follow-up with what holds in all our stores, from the article just answered', async () => {
    const passages = articlePassages('es_US', ['pets-in-stores#1', 'gift-cards#2', 'gift-cards#1']);
    const history = [
      {
        question: '¿y si pierdo la tarjeta de regalo?',
        answer:
          'Podemos reponer una tarjeta perdida o robada por su saldo restante si usted tiene el recibo de compra original.',
      },
    ];
    const airport = await ask('¿y la puedo usar en la tienda del aeropuerto?', passages, { history });
    expect(airport.answer).toContain('todas nuestras tiendas');
    expect(airport.citations).toEqual(['gift-cards#1']);
  });

  it('reads "do you sell...?" as asking what is available, not as a selling price or a slip of "vencen"', async () => {
    const english = await ask(
      'do you sell gift cards?',
      articlePassages('en_US', ['gift-cards#1', 'return-policy#2']),
    );
    expect(english.answer).toMatch(/^Gift cards are available/);
    const spanish = await ask(
      '¿ustedes venden tarjetas de regalo?',
      articlePassages('es_US', ['gift-cards#1']),
    );
    expect(spanish.answer).toMatch(/^Las tarjetas de regalo están disponibles/);
  });

  it('reads "no me dieron ticket" as "sin recibo", and "even if I wore them" as the condition "unused"', async () => {
    const gift = await ask(
      'y si no me dieron ticket de regalo?',
      articlePassages('es_US', ['gift-returns#1', 'gift-returns#2']),
      {
        history: [
          {
            question: 'me regalaron una chamarra pero me quedó chica, ¿la puedo cambiar por otra talla?',
            answer:
              'Con un recibo de regalo puede devolver o cambiar un regalo en un plazo de 30 días desde la entrega, en cualquier tienda o por correo con el número del recibo de regalo.',
          },
        ],
      },
    );
    expect(gift.answer).toMatch(/^Sin recibo de regalo/);
    const worn = await ask('¿aunque ya me los haya puesto?', articlePassages('es_US', ['return-policy#1']), {
      history: [
        {
          question: 'cuanto tiempo tengo para regresar unos tenis que compre?',
          answer:
            'Puede devolver la mayoría de los artículos en un plazo de 30 días desde la compra o la entrega.',
        },
      ],
    });
    expect(worn.answer).toContain('sin usar');
    const english = await ask("even if I've worn them?", articlePassages('en_US', ['return-policy#1']), {
      history: [
        {
          question: 'how long do I have to return shoes?',
          answer: 'You can return most items within 30 days of purchase or delivery.',
        },
      ],
    });
    expect(english.answer).toContain('unused');
  });

  it('answers "¿y en cuántos días llega?" after a price with the days of that option', async () => {
    const days = await ask(
      'y en cuantos dias llega',
      articlePassages('es_US', ['shipping-options#1', 'shipping-options#2']),
      {
        history: [
          { question: 'cuanto me cobran por el envío exprés?', answer: 'Exprés: 2 días hábiles, $12.99.' },
        ],
      },
    );
    expect(days.answer).toContain('Exprés: 2 días hábiles');
  });

  it('knows an air fryer or a coffee maker is an item, so its defect is answered from the warranty', async () => {
    const fryer = await ask(
      'compré una freidora de aire hace una semana y ya no prende, ¿qué hago?',
      articlePassages('es_US', ['return-policy#3', 'warranty#2', 'warranty#1']),
    );
    expect(fryer.citations).toContain('warranty#1');
    expect(fryer.answer).toContain('defectuoso');
  });

  it('reads "no me quedaron" as a fit, not as the balance that "le queda" on a card', async () => {
    const passages = articlePassages('es_US', ['gift-cards#2', 'return-policy#1']);
    const shoes = await ask('compré unos zapatos y no me quedaron, ¿los puedo devolver?', passages);
    expect(shoes.citations).toEqual(['return-policy#1']);
  });

  it('reads "ustedes mismos la tienen más barata" as our own price dropping, not the same brand elsewhere', async () => {
    const answer = await ask(
      'hace unos días compré una licuadora y ahora ustedes mismos la tienen más barata',
      articlePassages('es_US', ['price-match#1']),
    );
    expect(answer.answer).toMatch(/^Si nuestro propio precio baja en los 14 días/u);
  });

  it('reads "que dejen de mandarme ofertas" / "stop sending me deals" as unsubscribing from promotions', async () => {
    const spanish = await ask(
      'quiero que dejen de enviarme ofertas',
      articlePassages('es_US', ['account-privacy#1']),
    );
    expect(spanish.answer).toContain('darse de baja');
    const english = await ask(
      'how do I make you stop sending me deals',
      articlePassages('en_US', ['account-privacy#1']),
    );
    expect(english.answer).toContain('unsubscribe');
  });

  it('leaves the international article out of a question that names no other country', async () => {
    const passages = articlePassages('es_US', [
      'international-shipping#2',
      'international-shipping#1',
      'shipping-options#1',
      'return-policy#2',
    ]);
    const domestic = await ask(
      'si regreso una blusa por correo porque no me quedo, me cobran la etiqueta de envio?',
      passages,
    );
    expect(domestic.citations).not.toContain('international-shipping#2');
    const abroad = await ask('si pido algo a Monterrey, ¿me van a cobrar impuestos en la aduana?', passages);
    expect(abroad.citations).toEqual(['international-shipping#2']);
  });

  it('reads "¿cuánto dura?" after an answer as how long what was answered lasts', async () => {
    const plan =
      'Nuestro Plan de Protección extiende la cobertura a 2 o 3 años para electrónicos y electrodomésticos y agrega daños accidentales, como caídas y derrames.';
    const history = [{ question: '¿tienen plan de protección?', answer: plan }];
    const answer = await ask('¿cuánto dura?', articlePassages('es_US', ['warranty#1', 'warranty#3']), {
      history,
    });
    expect(answer.answer).toContain('2 o 3 años');
  });

  it('answers how long or how much from a list of options, over a note that shares more words', async () => {
    const answer = await ask(
      '¿Cuánto se tarda en llegar un pedido con envío exprés?',
      articlePassages('es_US', ['shipping-options#2', 'shipping-options#1']),
    );
    expect(answer.answer).toContain('Exprés: 2 días hábiles');
  });

  it('reads "desde" and "¿cuánto tardaría?" as framing, so a place named in the story still leads', async () => {
    const answer = await ask(
      'Hola, mi hermana vive en Puerto Rico y quiero mandarle unas cosas desde su página. ¿Cuánto le tardaría en llegar?',
      articlePassages('es_US', [
        'shipping-options#2',
        'shipping-options#1',
        'return-policy#1',
        'return-policy#2',
        'return-policy#3',
      ]),
    );
    expect(answer.answer).toContain('Puerto Rico');
  });

  it('reads "junto con" as "combinar", and a parcel "sin moverse" as one that "no ha avanzado"', async () => {
    const combined = await ask(
      '¿y lo puedo usar junto con mi tarjeta de débito?',
      articlePassages('es_US', ['store-credit#1', 'payment-methods#1']),
      {
        history: [
          { question: '¿se vence el crédito de tienda?', answer: 'Nunca vence y no tiene comisiones.' },
        ],
      },
    );
    expect(combined.answer).toMatch(/combinar/u);
    const first =
      'Me llegó el correo con la guía, pero en la página de la paquetería no aparece nada. ¿Es normal?';
    const said =
      'En la página de UPS o FedEx, el rastreo puede tardar hasta 24 horas en mostrar la primera actualización.';
    const stuck = await ask(
      '¿Y si pasan varios días y sigue sin moverse?',
      articlePassages('es_US', ['store-pickup#1', 'order-tracking#1', 'order-tracking#2']),
      { history: [{ question: first, answer: said }] },
    );
    expect(stuck.answer).toMatch(/5 días hábiles/u);
  });

  it('reads a Spanish verb whose stem vowel changes ("¿y si la pierdo?" for "una tarjeta perdida")', async () => {
    const passages: PromptPassage[] = [
      {
        id: 'tarjetas',
        title: '¿Cómo funcionan las tarjetas de regalo?',
        text: 'Nunca vencen y no tienen comisiones.\nPodemos reponer una tarjeta perdida o robada por su saldo restante si usted tiene el recibo.',
      },
    ];
    const history = [
      { question: '¿las tarjetas de regalo vencen?', answer: 'Nunca vencen y no tienen comisiones.' },
    ];
    const lost = await ask('¿y si la pierdo?', passages, { history });
    expect(lost.answer).toContain('Podemos reponer una tarjeta perdida');
  });

  it('reads "también" as framing, as "also" is in English: "¿y en tienda también?" asks the same in store', async () => {
    const passages: PromptPassage[] = [
      {
        id: 'devoluciones',
        title: '¿Cuál es su política de devoluciones?',
        text: 'Los pedidos en línea también se pueden devolver en tienda.',
      },
      {
        id: 'pagos',
        title: '¿Qué formas de pago aceptan?',
        text: 'PayPal, solo en línea.\nApple Pay y Google Pay, en línea y en tienda.\nEfectivo, solo en tienda.',
      },
    ];
    const history = [{ question: 'aceptan paypal?', answer: 'PayPal, solo en línea.' }];
    const inStore = await ask('¿y en tienda también?', passages, { history });
    expect(inStore.citations).toEqual(['pagos']);
  });

  it('answers where to find something with where it appears', async () => {
    const passages: PromptPassage[] = [
      {
        id: 'rastreo',
        title: '¿Cómo rastreo mi pedido?',
        text: [
          'Déle su número de pedido a este asistente y le dirá el estado actual.',
          'Cada pedido tiene un número de 5 dígitos, que aparece en su correo de confirmación.',
        ].join('\n'),
      },
    ];
    const history = [{ question: '¿Cuál es su número de pedido?', answer: '¿Cuál es su número de pedido?' }];
    const found = await ask('¿y ese número dónde lo encuentro?', passages, { history });
    expect(found.answer).toMatch(/^Cada pedido tiene un número de 5 dígitos, que aparece/);
  });

  it('reads "eso" in a follow-up as what its previous answer was about', async () => {
    const passages: PromptPassage[] = [
      {
        id: 'internacional',
        title: '¿Hacen envíos internacionales?',
        text: 'Los pedidos internacionales se pueden devolver por correo, con el costo de envío a su cargo, o en cualquiera de nuestras tiendas.',
      },
      {
        id: 'recogida',
        title: '¿Cómo funciona la recogida en tienda?',
        text: 'Elija Recoger en tienda al pagar. La recogida es gratis.\nTraiga su número de pedido y una identificación con foto.',
      },
    ];
    const question = '¿puedo comprar en la página y recogerlo en la tienda?';
    const history = [{ question, answer: 'Traiga su número de pedido y una identificación con foto.' }];
    const followUp = await ask('¿y eso tiene algún costo?', passages, { history });
    expect(followUp).toMatchObject({ outcome: 'answer', citations: ['recogida'] });
    expect(followUp.answer).toContain('gratis');
  });

  it('never says a sentence twice when two passages repeat it', async () => {
    const sentence = 'We ship to the United States, Canada and Mexico.';
    const passages: PromptPassage[] = [
      {
        id: 'international#1',
        title: 'Do you ship internationally?',
        text: `${sentence}\nDelivery takes a week.`,
      },
      {
        id: 'international#2',
        title: 'Do you ship internationally?',
        text: `${sentence}\nReturns go by mail.`,
      },
    ];
    const answer = await ask('which countries do you ship to internationally?', passages);
    expect(answer.answer.split(sentence).length).toBe(2);
  });

  it('takes "no espera, me equivoqué" as a correction of the previous question, and a city for its country', async () => {
    const international: PromptPassage[] = [
      {
        id: 'internacional',
        title: '¿Hacen envíos internacionales?',
        text: [
          'Enviamos a Estados Unidos, Canadá y México.',
          'Precio (Canadá): $19.99 tarifa fija.',
          'Precio (México): $24.99 tarifa fija.',
          'Los aranceles de importación se calculan al pagar.',
          'Los pedidos internacionales se pueden devolver por correo.',
          'Los precios se cobran en dólares estadounidenses.',
        ].join('\n'),
      },
    ];
    const history = [
      { question: '¿Hacen envíos a Canadá? ¿Cuánto sale?', answer: 'Precio (Canadá): $19.99 tarifa fija.' },
    ];
    const corrected = await ask(
      'no espera me equivoqué, es para México, pa mi mamá en Monterrey',
      international,
      {
        history,
      },
    );
    expect(corrected).toMatchObject({ outcome: 'answer', citations: ['internacional'] });
    expect(corrected.answer).toContain('$24.99');
    expect(corrected.answer).not.toContain('$19.99');
  });

  it('reads "¿y en la del aeropuerto?" as asking the same of another store, not as pointing at the story', async () => {
    const pickup: PromptPassage[] = [
      {
        id: 'recogida',
        title: '¿Cómo funciona la recogida en tienda?',
        text: [
          'Traiga su número de pedido y una identificación con foto.',
          'Northgate tiene recogida en la acera: estaciónese en los lugares marcados.',
          'La tienda Aeropuerto está después del control de seguridad, así que necesita un pase de abordar.',
        ].join('\n'),
      },
    ];
    const history = [
      {
        question: 'tienen recogida en la acera? traigo a los 3 niños en la camioneta',
        answer: 'Northgate tiene recogida en la acera: estaciónese en los lugares marcados.',
      },
    ];
    const airport = await ask('y en la del aeropuerto?', pickup, { history });
    expect(airport.answer).toMatch(/^La tienda Aeropuerto/);
  });

  it('knows the mall by the names people give it, and never takes "Centro Comercial" for the Centro store', async () => {
    const pets: PromptPassage[] = [
      {
        id: 'mascotas',
        title: '¿Puedo llevar a mi mascota a la tienda?',
        text: [
          'Los animales de servicio son bienvenidos en todas nuestras tiendas.',
          'Centro y Northgate: los perros tranquilos y con correa son bienvenidos.',
          'Centro Comercial Riverside: el centro comercial solo permite animales de servicio.',
        ].join('\n'),
      },
    ];
    const history = [
      { question: '¿puedo llevar a mi perro a sus tiendas?', answer: 'Depende de la tienda.' },
    ];
    const mall = await ask('¿y a la del mall?', pets, { history });
    expect(mall.answer).toMatch(/^Centro Comercial Riverside/);
    const downtown = await ask('¿y en la del centro?', pets, { history });
    expect(downtown.answer).toMatch(/^Centro y Northgate/);
    const letIn = await ask('voy con mi perrita a la tienda del mall, ¿me la dejan entrar?', pets);
    expect(letIn).toMatchObject({ outcome: 'answer', citations: ['mascotas'] });
    expect(letIn.answer).toMatch(/solo permite animales de servicio/);
  });

  it('lets one word of a sentence stand in for one word of the question, not two', async () => {
    // "producto" is a synonym of both "televisor" (an item) and "compré" (a purchase): it answers for one.
    const answer = await ask('se me descompuso el televisor que compré hace unos meses, ¿qué hago?', [
      {
        id: 'garantia',
        title: '¿Qué cubre la garantía?',
        text: [
          'Después de 30 días, los defectos los cubre la garantía del fabricante, normalmente de 1 año.',
          'Las condiciones vienen en la caja y en la página del producto.',
          'Guarde su recibo como comprobante de compra.',
        ].join('\n'),
      },
    ]);
    expect(answer.answer).toMatch(/^Después de 30 días, los defectos/);
  });

  it('answers a question about the topic alone from what the passage says of the topic, not of products', async () => {
    const answer = await ask('¿mi televisor tiene garantía?', [
      {
        id: 'garantia',
        title: '¿Qué cubre la garantía?',
        text: [
          '## Garantía del fabricante',
          '',
          'Después de 30 días, los defectos los cubre la garantía del fabricante, normalmente de 1 año.',
          'Las condiciones vienen en la caja y en la página del producto.',
          'Podemos ayudarle a contactar al fabricante; guarde su recibo como comprobante de compra.',
        ].join('\n'),
      },
    ]);
    expect(answer.answer).toMatch(/^Después de 30 días, los defectos los cubre la garantía del fabricante/);
  });

  it('knows an extended warranty is the plan that extends coverage, and a fall is accidental damage', async () => {
    const plan: PromptPassage[] = [
      {
        id: 'fabricante',
        title: '¿Qué cubre la garantía?',
        text: 'Después de 30 días, los defectos los cubre la garantía del fabricante, normalmente de 1 año.',
      },
      {
        id: 'plan',
        title: '¿Qué cubre la garantía?',
        text: [
          'Nuestro Plan de Protección extiende la cobertura a 2 o 3 años y agrega daños accidentales, como caídas y derrames.',
          'Puede comprarlo con el artículo o en los 30 días siguientes.',
        ].join('\n'),
      },
    ];
    const extended = await ask('¿tienen garantía extendida?', plan);
    expect(extended).toMatchObject({ outcome: 'answer', citations: ['plan'] });
    const history = [{ question: '¿tienen garantía extendida?', answer: 'Sí, nuestro Plan de Protección.' }];
    const dropped = await ask('¿y cubre si se me cae?', plan, { history });
    expect(dropped.answer).toMatch(/caídas/);
  });

  it('takes "cuenta" for the word it is, not a slip of "cuánta", and "acabo de" for framing', async () => {
    const privacy: PromptPassage[] = [
      {
        id: 'privacidad',
        title: '¿Cómo protegen mi información personal?',
        text: 'Pida la eliminación de su cuenta y de sus datos en Configuración de la cuenta > Privacidad.',
      },
    ];
    const deleted = await ask('ya no quiero tener cuenta con ustedes, ¿cómo borran mi cuenta?', privacy);
    expect(deleted).toMatchObject({ outcome: 'answer', citations: ['privacidad'] });
    const changes: PromptPassage[] = [
      {
        id: 'cambios',
        title: '¿Puedo cambiar o cancelar mi pedido?',
        text: 'Puede cancelar un pedido en los 60 minutos siguientes a hacerlo, desde Mis pedidos.',
      },
    ];
    const cancelled = await ask('quiero cancelar una orden que acabo de hacer', changes);
    expect(cancelled).toMatchObject({ outcome: 'answer', citations: ['cambios'] });
  });

  it('picks the sentence of the passage about the question, whatever story words no passage has', async () => {
    const passages: PromptPassage[] = [
      {
        id: 'cambios',
        title: '¿Puedo cambiar o cancelar mi pedido?',
        text: 'Puede cancelar un pedido en los 60 minutos siguientes a hacerlo: abra Mis pedidos y seleccione Cancelar.',
      },
      {
        id: 'rastreo',
        title: '¿Cómo rastreo mi pedido?',
        text: 'Enviado: la paquetería lo tiene.\nCancelado: el pedido se canceló y se reembolsó cualquier cargo.',
      },
    ];
    const answer = await ask('como cancelo un pedido? lo hice hace 20 min y ya me arrepenti', passages);
    expect(answer.answer).toMatch(/^Puede cancelar un pedido en los 60 minutos/);
  });

  it('prefers a sentence with a number for how long, when, how many, in follow-ups too', async () => {
    const history = [{ question: 'How long does shipping to Canada take?', answer: 'About a week.' }];
    expect(await ask('and to Mexico?', FAQ, { history, maxTokens: 200 })).toEqual({
      answer: 'Orders to Mexico arrive in 10 to 14 business days, and import taxes are paid on delivery.',
      citations: ['faq-shipping-mexico'],
      outcome: 'answer',
    });
    expect((await ask('Do you ship to Mexico?', FAQ, { maxTokens: 200 })).answer).toBe(
      'We ship to Mexico through our partner carrier.',
    );
  });

  it('follows a chain of follow-ups back to what they are about', async () => {
    const history = [
      { question: 'Do you ship to Mexico?', answer: 'We ship to Mexico through our partner carrier.' },
      { question: 'and what does it cost?', answer: 'I could not find the price.' },
    ];
    expect(await ask('and how long does it take?', FAQ, { history })).toMatchObject({
      outcome: 'answer',
      citations: ['faq-shipping-mexico'],
    });
  });

  it('lets the new question lead: a follow-up on another topic answers that topic', async () => {
    const history = [{ question: 'Do you ship to Canada?', answer: 'We ship to all Canadian provinces.' }];
    expect((await ask('what about returns?', FAQ, { history })).citations).toEqual(['faq-returns']);
  });

  it('answers a follow-up from the passage on the topic asked about before, even when ranked lower', async () => {
    const passages: PromptPassage[] = [
      {
        id: 'pickup',
        title: 'Store pickup',
        text: 'We hold pickup orders for 7 days; after that they are cancelled and refunded.',
      },
      {
        id: 'returns',
        title: 'Return policy',
        text: 'Return items within 30 days. Refunds reach your original payment method in 5 to 10 business days.',
      },
    ];
    const history = [{ question: 'What is your return policy?', answer: 'Return items within 30 days.' }];
    const followUp = await ask('and when do I get my refund?', passages, { history });
    expect(followUp).toMatchObject({ outcome: 'answer', citations: ['returns'] });
    expect(followUp.answer).toContain('5 to 10 business days');
    expect((await ask('when do I get my refund?', passages)).outcome).toBe('clarify');
    // How long it takes is a number a sentence gives, whichever passage says it.
    expect((await ask('how long does a refund take?', passages)).outcome).toBe('answer');
  });

  it('cannot answer when the passages do not cover the question', async () => {
    for (const question of [
      'Do you ship to Brazil?',
      'What time does the Boston store open?',
      'Do you sell laptops?',
    ]) {
      expect(await ask(question)).toEqual({
        answer: "I'm sorry, I couldn't find that in our help articles.",
        citations: [],
        outcome: 'cannot_answer',
      });
    }
    expect((await ask('Do you ship to Canada?', [])).outcome).toBe('cannot_answer');
  });

  it('judges a passage as a whole and answers the words beyond its topic', async () => {
    const credit: PromptPassage[] = [
      {
        id: 'store-credit',
        title: 'Store credit',
        text: 'Store credit never expires.\n\n- **Online**: enter the code at checkout.\n- **In store**: show the card at the register.\n\nYou can use store credit with another payment method.',
      },
    ];
    expect((await ask('how do I use my store credit on the website', credit)).answer).toContain(
      'Online: enter the code at checkout.',
    );
    expect(
      await ask('do gift cards expire or cost a fee to use?', [
        {
          id: 'gift-cards',
          title: 'Gift cards',
          text: 'Gift cards are sold in any amount. They never expire.\n\nThere are no fees.',
        },
      ]),
    ).toMatchObject({ outcome: 'answer', citations: ['gift-cards'] });
  });

  it('reads misspellings, shopping synonyms and the story around a question, as a model would', async () => {
    expect(await ask('how long do refnuds take', FAQ)).toMatchObject({
      outcome: 'answer',
      citations: ['faq-returns'],
    });
    expect(await ask('can i swap a present for a gift card', FAQ)).toMatchObject({
      outcome: 'answer',
      citations: ['faq-gift-cards'],
    });
    expect(await ask('i bought a lamp last week and my wife hates it, can I return it?', FAQ)).toMatchObject({
      outcome: 'answer',
      citations: ['faq-returns'],
    });
    expect((await ask('Do you ship to Brazil or Peru?', FAQ)).outcome).toBe('cannot_answer');
  });

  it('knows a country is another country, and says which ones a "no other" sentence leaves out', async () => {
    const countries: PromptPassage[] = [
      {
        id: 'international',
        title: 'Do you ship internationally?',
        text: "We ship to the United States, Canada and Mexico. We can't ship to any other country.\n\nDuties are paid at checkout.",
      },
    ];
    expect(await ask('do you ship to Spain?', countries)).toEqual({
      answer: "We ship to the United States, Canada and Mexico. We can't ship to any other country.",
      citations: ['international'],
      outcome: 'answer',
    });
  });

  it('needs every word of a one- or two-word question', async () => {
    expect(
      (
        await ask('Do you sell pizza?', [
          { id: 'privacy', title: 'Your data', text: 'We never sell your data.' },
        ])
      ).outcome,
    ).toBe('cannot_answer');
    expect((await ask('cards expire?', FAQ)).outcome).toBe('answer');
  });

  it('hands off when the customer asks for a person, not when a question mentions one', async () => {
    for (const question of [
      'Can I talk to a real person?',
      'agent please',
      'Transfer me to customer service',
      'I need live help',
    ]) {
      expect(await ask(question)).toEqual({
        answer: 'I can connect you with a member of our team.',
        citations: [],
        outcome: 'handoff',
      });
    }
    expect((await ask('Does someone need to sign for the delivery?')).outcome).not.toBe('handoff');
    expect((await ask("That doesn't help me, my sister lives in Brazil")).outcome).not.toBe('handoff');
  });

  it('answers "how do returns work?" from the passage ranked first, though several use its one word', async () => {
    const passages = articlePassages('en_US', ['return-policy#1', 'gift-returns#1', 'gift-cards#1']);
    const returns = await ask('how do returns work?', passages);
    expect(returns.outcome).toBe('answer');
    expect(returns.citations[0]).toBe('return-policy#1');
    const spanish = await ask(
      '¿cómo funcionan las devoluciones?',
      articlePassages('es_US', ['return-policy#1', 'gift-returns#1', 'gift-cards#2']),
    );
    expect(spanish.citations[0]).toBe('return-policy#1');
    expect((await ask('returns?', passages)).outcome).toBe('clarify');
  });

  it('asks to clarify a question too vague to pick a passage', async () => {
    expect(await ask('shipping')).toEqual({
      answer:
        'Could you tell me a bit more about what you need to know about shipping? For example: Shipping to Canada or Shipping to Mexico.',
      citations: [],
      outcome: 'clarify',
    });
    expect((await ask('hello there')).outcome).toBe('clarify');
    expect((await ask('refunds')).outcome).toBe('answer');
  });

  it('keeps answers short when the token limit is small (voice)', async () => {
    const chat = await ask('Do you ship to Canada?');
    const voice = await ask('Do you ship to Canada?', FAQ, { maxTokens: 200 });
    expect(chat.answer).toBe(
      'We ship to all Canadian provinces. Orders to Canada arrive in 5 to 7 business days.',
    );
    expect(voice).toMatchObject({ outcome: 'answer', citations: ['faq-shipping-canada'] });
    expect(voice.answer.split('. ').length).toBe(1);
    expect(chat.answer).toContain(voice.answer);
    const long = [
      {
        id: 'long',
        title: 'Returns',
        text: `You can return ${'any unused item in its original box, '.repeat(20)}within 30 days.`,
      },
    ];
    const shortened = await ask('Can I return an item?', long, { maxTokens: 60 });
    expect(shortened.answer.length).toBeLessThanOrEqual(140);
    expect(shortened.answer).toMatch(/^You can return any unused item.*\.$/);
  });

  it('stops with max_tokens when the limit cannot even hold the tool call', async () => {
    const output = await converse(contractRequest('Do you ship to Canada?', FAQ, { maxTokens: 10 }));
    expect(output.stopReason).toBe('max_tokens');
  });

  it('answers in Spanish from Spanish passages', async () => {
    expect(await ask('¿Hacen envíos a México?', FAQ_ES)).toEqual({
      answer: 'Enviamos a todo México con nuestra paquetería asociada.',
      citations: ['faq-es-envios'],
      outcome: 'answer',
    });
    expect(await ask('¿Cuánto tardan los pedidos?', FAQ_ES)).toMatchObject({
      answer: 'Los pedidos llegan en 10 a 14 días hábiles.',
      citations: ['faq-es-envios'],
    });
    expect((await ask('Quiero hablar con un agente', FAQ_ES)).answer).toBe(
      'Puedo comunicarle con una persona de nuestro equipo.',
    );
    expect((await ask('¿Venden computadoras portátiles?', FAQ_ES)).answer).toBe(
      'Lo siento, no encontré esa información en nuestros artículos de ayuda.',
    );
  });

  it('reads a competitor named in Spanish as the "large store" a price match policy speaks of', async () => {
    const priceMatch: PromptPassage[] = [
      {
        id: 'igualar-precios',
        title: '¿Igualan precios?',
        text: [
          'Igualamos el precio de un artículo idéntico disponible en una tienda grande de Estados Unidos.',
          '- Muestre el precio de la competencia en su teléfono en la caja.',
        ].join('\n'),
      },
    ];
    const answer = await ask('hey lo vi más barato en Target, ¿ustedes hacen price match?', priceMatch);
    expect(answer.answer).toMatch(/^Igualamos el precio de un artículo idéntico/);
  });

  it('reads "¿tienen...?" and "¿me dan...?" as the framing of a question, as "do you have" and "do I get" are in English', async () => {
    const spanish = wordingFor('es');
    const terms = queryTermsOf(
      analyzerFor(spanish.nlu),
      '¿tienen el iphone 16 en existencia?',
      spanish.framingWords,
    );
    expect(terms.map((term) => term.norm)).toEqual(['iphone', '16', 'existencia']);
    const given = queryTermsOf(
      analyzerFor(spanish.nlu),
      '¿entonces me dan crédito o no?',
      spanish.framingWords,
    );
    expect(given.map((term) => term.norm)).toEqual(['credito']);
    // "Todo" frames how much, as "all" does in English.
    const whole = queryTermsOf(
      analyzerFor(spanish.nlu),
      '¿me devuelven todo el saldo?',
      spanish.framingWords,
    );
    expect(whole.map((term) => term.norm)).toEqual(['devuelven', 'saldo']);
    // Nor do "here", "there" or "anyway".
    const there = queryTermsOf(
      analyzerFor(spanish.nlu),
      '¿y si la vi con un vendedor de ahí? ¿igualan de todos modos?',
      spanish.framingWords,
    );
    expect(there.map((term) => term.norm)).toEqual(['vi', 'vendedor', 'igualan']);
    // "Mejor" and "de una vez" put a request first, as "actually" and "once and for all" do.
    const instead = queryTermsOf(
      analyzerFor(spanish.nlu),
      'sabes que, mejor quiero borrar mi cuenta de una vez',
      spanish.framingWords,
    );
    expect(instead.map((term) => term.norm)).toEqual(['borrar', 'cuenta']);
    // "Nada" is "nothing", which asks about nothing.
    const nothing = queryTermsOf(
      analyzerFor(spanish.nlu),
      'dice entregado pero no llegó nada',
      spanish.framingWords,
    );
    expect(nothing.map((term) => term.norm)).toEqual(['entregado', 'no llego']);
    const giftCards: PromptPassage[] = [
      {
        id: 'tarjetas',
        title: '¿Cómo funcionan las tarjetas de regalo?',
        text: 'Nunca vence y no tiene comisiones.\nEn línea: escriba el código de 16 caracteres al pagar.',
      },
    ];
    const expiry = await ask('¿las tarjetas de regalo tienen fecha de vencimiento?', giftCards);
    expect(expiry.answer).toBe('Nunca vence y no tiene comisiones.');
  });

  it('knows a plane ticket for a boarding pass and getting in for getting there, in both languages', async () => {
    const airport = (text: string, title: string): PromptPassage[] => [{ id: 'airport', title, text }];
    const english = await ask(
      'do I need a plane ticket to get in?',
      airport(
        'The Airport store is past security in Terminal B, so you need a boarding pass to get there.',
        'How does pickup in store work?',
      ),
    );
    expect(english).toMatchObject({ outcome: 'answer', citations: ['airport'] });
    const spanish = await ask(
      'y este necesito boleto de avión para entrar o cualquiera puede ir',
      airport(
        'La tienda Aeropuerto está después del control de seguridad, así que necesita un pase de abordar para llegar.',
        '¿Cómo funciona la recogida en tienda?',
      ),
    );
    expect(spanish).toMatchObject({ outcome: 'answer', citations: ['airport'] });
  });

  it('answers in plain text when the tool is not offered, honouring stop sequences', async () => {
    const request = contractRequest('Do you ship to Canada?', FAQ);
    delete request.toolConfig;
    expect(await converse(request)).toMatchObject({
      content: [
        { text: 'We ship to all Canadian provinces. Orders to Canada arrive in 5 to 7 business days.' },
      ],
      stopReason: 'end_turn',
    });
    request.inferenceConfig = { stopSequences: [' Orders'] };
    expect(await converse(request)).toMatchObject({
      content: [{ text: 'We ship to all Canadian provinces.' }],
      stopReason: 'stop_sequence',
    });
  });

  it('refuses a request that forces a tool it cannot fill in', async () => {
    const request = contractRequest('Do you ship to Canada?', FAQ);
    request.toolConfig = {
      tools: [{ toolSpec: { name: 'lookup_order', inputSchema: { json: { type: 'object' } } } }],
      toolChoice: { tool: { name: 'lookup_order' } },
    };
    await expect(converse(request)).rejects.toMatchObject({ errorName: 'ModelErrorException', status: 424 });
    await expect(converse(request)).rejects.toBeInstanceOf(BedrockServiceError);
  });

  it('is deterministic and estimates tokens at four characters each', async () => {
    const request = contractRequest('How do refunds work?', FAQ);
    const first = await converse(request);
    expect(await converse(request)).toEqual(first);
    const promptChars =
      JSON.stringify(request.system) + JSON.stringify(request.messages) + JSON.stringify(request.toolConfig);
    expect(first.usage.inputTokens).toBe(Math.ceil(promptChars.length / 4));
    const [block] = first.content;
    const outputChars = block && 'toolUse' in block ? JSON.stringify(block.toolUse.input).length : 0;
    expect(first.usage.outputTokens).toBe(Math.ceil(outputChars / 4));
  });

  it('always answers within the contract, citing only passages it was given', async () => {
    const passage = fc.record({
      id: fc.stringMatching(/^[a-z0-9-]{1,12}$/),
      title: fc.string({ maxLength: 30 }),
      text: fc.oneof(
        fc.string({ maxLength: 300 }),
        fc.constantFrom(...FAQ.map((p) => p.text), ...FAQ_ES.map((p) => p.text)),
      ),
    });
    const question = fc.oneof(
      fc.string({ maxLength: 120 }),
      fc.constantFrom('Do you ship to Canada?', 'agent', 'y a México?', 'refunds', '¿Hacen envíos?'),
    );
    await fc.assert(
      fc.asyncProperty(
        question,
        fc.array(passage, { maxLength: 5 }),
        fc.option(fc.integer({ min: 1, max: 800 }), { nil: undefined }),
        async (text, passages, maxTokens) => {
          const output = await converse(
            contractRequest(text.trim() === '' ? 'x' : text, passages, maxTokens ? { maxTokens } : {}),
          );
          const [block] = output.content;
          expect(block && 'toolUse' in block).toBe(true);
          if (!block || !('toolUse' in block)) return;
          const answer = StructuredAnswer.parse(block.toolUse.input);
          const ids = new Set(passages.map((p) => p.id));
          expect(answer.citations.every((id) => ids.has(id))).toBe(true);
          if (answer.outcome !== 'answer') expect(answer.citations).toEqual([]);
          expect(['tool_use', 'max_tokens']).toContain(output.stopReason);
        },
      ),
      { numRuns: 200 },
    );
  });
});
