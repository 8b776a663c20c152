import type { AsrAvailability } from './asr';
import type { LocalStack } from './stack';

export interface ReadyBannerInput {
  stack: Pick<LocalStack, 'endpoint' | 'bots' | 'modelEngine' | 'dynamoDbEngine' | 'turnLogFile' | 'slack'>;
  /** Where the stack persists; undefined for --in-memory. */
  dataDir: string | undefined;
  /** Whether a chat in this terminal follows. */
  chat: boolean;
  asr: AsrAvailability;
}

/** What `npm start` prints once the stack is up: where everything is and how to try it. */
export function readyBanner({ stack, dataDir, chat, asr }: ReadyBannerInput): string[] {
  const lines = stack.bots.map(
    (bot) =>
      `Parley local stack ready: endpoint ${stack.endpoint} | bot ${bot.name} (id ${bot.botId}) | ` +
      `alias ${[...new Set(['TSTALIASID', bot.aliasId])].join(' or ')}` +
      `${bot.staffAlias ? ` (staff: ${bot.staffAlias.id})` : ''} | locales ${bot.locales.join(', ')} | ` +
      `model ${stack.modelEngine} | dynamodb ${stack.dynamoDbEngine} | data ${dataDir ?? 'in memory'}` +
      `${stack.turnLogFile ? ` | turn log ${stack.turnLogFile}` : ''}`,
  );
  lines.push(
    `Console: ${stack.endpoint}/ (chat with the bot and inspect every turn in a browser)`,
    `Voice: npm run call -- --endpoint ${stack.endpoint} say:"where is my order" dtmf:10001# (Polly stand-in: espeak-ng)`,
    asr.available
      ? '  speech input: pocketsphinx (en_US); es_US takes DTMF and text'
      : `  speech input unavailable: ${asr.reason}`,
    stack.slack.summary,
  );
  if (chat) {
    lines.push(
      'Code hook logs: warnings only while chatting (POWERTOOLS_LOG_LEVEL=INFO npm start shows all).',
    );
  }
  return lines;
}
