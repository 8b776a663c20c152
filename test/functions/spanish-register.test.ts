/**
 * Parley speaks to Spanish-speaking customers as *usted*, everywhere: FAQ articles (the text and the voice
 * line), the bot definition's prompts and responses, the code hook's and the generative answers' messages, and
 * what the Slack channel and the phone line say. Customers' own words (sample utterances, the articles'
 * `questions` and titles) may be tú and are not checked.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { messageTexts } from '../../bot-definitions/loader/checks/message-texts';
import { readablePath } from '../../bot-definitions/loader/readable-path';
import { findLocale, loadBots } from '../../bot-definitions/loader/load';
import { slackMessagesFor } from '../../channels/slack/messages';
import { LINE_LOCALE_SETTINGS } from '../../channels/voice/line-locales';
import { generativeMessagesFor } from '../../functions/generative/messages';
import { messagesFor } from '../../functions/lex-code-hook/messages';
import { textsOf, tuForms } from '../support/spanish-register';

const ROOT = path.resolve(__dirname, '..', '..');
const ARTICLES = path.join(ROOT, 'knowledge', 'es_US');

/** "where: "word" in «context»" for each tú form in `text`. */
function tuIn(where: string, text: string): string[] {
  return tuForms(text).map(({ word, context }) => `${where}: "${word}" in «${context}»`);
}

describe('the detector', () => {
  it.each([
    'Puedes devolverlo en 30 días.',
    'Llévalo a cualquier tienda.',
    'Si no hay reemplazo, te lo reembolsamos.',
    'Revise el estado de tu pedido.',
    'Luego contáctanos en un plazo de 7 días.',
    '- **Por correo**: inicia la devolución en **Mis pedidos**.',
    'Elige **Recoger en tienda** al pagar.',
    'Estaciónate en los lugares marcados.',
    'Podemos darte crédito de tienda.',
    'O nuestro Plan de Protección si lo compraste.',
    'Dime tu número de pedido.',
  ])('flags tú in "%s"', (text) => {
    expect(tuForms(text)).not.toEqual([]);
  });

  it.each([
    'Puede devolverlo en 30 días.',
    'Llévelo a cualquier tienda, o inicie una devolución en línea, y se lo reembolsamos.',
    'Revise el estado de su pedido y luego contáctenos.',
    'Estaciónese en los lugares marcados y llame al número que aparece en su correo.',
    'Podemos darle crédito de tienda si lo compró.',
    // Words that contain or resemble tú forms.
    'El cliente paga la diferencia en la otra parte del límite; el té es gratis y rápidamente llega.',
    'La tienda lleva 20 años; usted elige la fecha y el centro comercial solo permite animales de servicio.',
    '- Entrega: de 5 a 8 días hábiles.\n- Consulta de saldo: en cualquier caja.',
    'Inserte su tarjeta; le advierte si el contraste es bajo.',
  ])('lets "%s" be', (text) => {
    expect(tuForms(text)).toEqual([]);
  });
});

describe('Spanish customers are addressed as usted', () => {
  it('in every es_US article, text and voice line', () => {
    const files = readdirSync(ARTICLES).filter((file) => file.endsWith('.md'));
    expect(files.length).toBeGreaterThan(0);
    const problems = files.flatMap((file) => {
      const source = readFileSync(path.join(ARTICLES, file), 'utf8');
      const [, frontMatter = '', ...body] = source.split(/^---[ \t]*$/m);
      const { voice } = parse(frontMatter) as { voice?: string };
      const where = `knowledge/es_US/${file}`;
      return [...tuIn(`${where} voice`, voice ?? ''), ...tuIn(where, body.join('---'))];
    });
    expect(problems).toEqual([]);
  });

  it("in the es_US bot definition's prompts and responses", async () => {
    const retail = (await loadBots()).find((bot) => bot.definition.Name === 'RetailSupportBot');
    const locale = findLocale(retail!, 'es_US')!;
    const texts = (locale.Intents ?? []).flatMap((intent, index) => messageTexts(intent, ['Intents', index]));
    expect(texts.length).toBeGreaterThan(10);
    const problems = texts.flatMap(({ text, path: at }) =>
      tuIn(`RetailSupportBot/es_US.yaml ${readablePath(locale, at)}`, text),
    );
    expect(problems).toEqual([]);
  });

  it.each([
    ['functions/lex-code-hook/messages/es_US.ts', () => messagesFor('es_US')],
    ['functions/generative/messages/es_US.ts', () => generativeMessagesFor('es_US')],
    ['channels/slack/messages.ts (es_US)', () => slackMessagesFor('es_US')],
    ['channels/voice/line-locales.ts (es_US)', () => LINE_LOCALE_SETTINGS.es_US.prompts],
  ])('in %s', (file, catalogue) => {
    const texts = textsOf(catalogue());
    expect(texts.length).toBeGreaterThan(0);
    expect(texts.flatMap(({ path: at, text }) => tuIn(`${file} ${at}`, text))).toEqual([]);
  });
});
