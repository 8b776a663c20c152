import path from 'node:path';
import type { ContactFlowOptions } from './contact-flow';
import type { LineLocale } from './line-locales';

/** Placeholder resources in the documentation account (111122223333); the infra supplies the real ARNs. */
const PLACEHOLDER_BOT_ALIAS_ARN = 'arn:aws:lex:us-east-1:111122223333:bot-alias/RETAILBOT1/LIVEALIAS1';
const PLACEHOLDER_QUEUE_ARN =
  'arn:aws:connect:us-east-1:111122223333:instance/11111111-2222-3333-4444-555555555555/queue/66666666-7777-8888-9999-000000000000';

/** The checked-in rendered flows, one per line locale, and the options they are rendered from. */
export const EXAMPLE_FLOWS: Readonly<Record<LineLocale, { file: string; options: ContactFlowOptions }>> = {
  en_US: {
    file: path.join(__dirname, 'contact-flow.example.json'),
    options: { localeId: 'en_US', botAliasArn: PLACEHOLDER_BOT_ALIAS_ARN, queueArn: PLACEHOLDER_QUEUE_ARN },
  },
  es_US: {
    file: path.join(__dirname, 'contact-flow.es_US.example.json'),
    options: { localeId: 'es_US', botAliasArn: PLACEHOLDER_BOT_ALIAS_ARN, queueArn: PLACEHOLDER_QUEUE_ARN },
  },
};

/** The bot the example flows talk to. */
export const EXAMPLE_BOT_DIRECTORY = path.join(__dirname, '..', '..', 'bot-definitions', 'RetailSupportBot');
