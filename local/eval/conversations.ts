/**
 * Runs the conversation evaluation set against the offline stack, through the real Lex runtime client, and
 * reports pass rates per locale, category and split (a conversation passes when every turn meets its
 * expectations).
 *
 *   npm run eval:conversations [-- --locale en_US] [--split heldout] [--verbose] [--only <id>]
 *
 * --verbose prints the failing tune conversations only. --only runs the tune conversations whose id contains
 * the text and prints each turn as it went, to see where one goes wrong. Results: a table here, JSON in
 * .parley/eval/conversations.json (ignored by git).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  LexRuntimeV2Client,
  RecognizeTextCommand,
  type RecognizeTextCommandOutput,
} from '@aws-sdk/client-lex-runtime-v2';
import { readAnswerAttribute } from '../../functions/shared/answer-attribute';
import { toolClientConfig } from '../aws-tool-config';
import { startLocalStack } from '../stack';
import { readConversationSet, SPLITS, type EvalConversation, type Split } from './eval-sets';
import { judgeTurn, type ObservedTurn } from './judge';
import {
  END_CALL_ATTRIBUTE,
  HANDOFF_REQUEST_ATTRIBUTE,
  REQUEST_ATTRIBUTES,
} from '../../functions/shared/channel-attributes';

const LOCALES = ['en_US', 'es_US'] as const;
const RESULTS_FILE = path.resolve(__dirname, '..', '..', '.parley', 'eval', 'conversations.json');

export interface ConversationResult {
  id: string;
  localeId: string;
  category: string;
  split: Split;
  passed: boolean;
  /** The first turn that failed, with what was wrong and what the bot said. */
  failure?: { turn: number; say: string; problems: string[]; reply: string };
}

export function observe(reply: RecognizeTextCommandOutput): ObservedTurn {
  const intent = reply.sessionState?.intent;
  const attributes = reply.requestAttributes ?? {};
  const answer = readAnswerAttribute(attributes);
  return {
    intent: intent?.name,
    dialogAction: reply.sessionState?.dialogAction?.type,
    slotToElicit: reply.sessionState?.dialogAction?.slotToElicit,
    text: (reply.messages ?? []).map((message) => message.content ?? '').join(' '),
    articles: [
      ...new Set((answer?.citations ?? []).map((citation) => citation.id.split('#')[0] ?? citation.id)),
    ],
    handoff: attributes[HANDOFF_REQUEST_ATTRIBUTE] !== undefined,
    ended:
      (intent?.name === 'EndConversation' && intent.state === 'Fulfilled') ||
      reply.sessionState?.sessionAttributes?.[END_CALL_ATTRIBUTE] === 'true',
  };
}

export async function runConversation(
  client: LexRuntimeV2Client,
  target: { botId: string; aliases: Record<'public' | 'staff', string> },
  localeId: string,
  conversation: EvalConversation,
  sessionSuffix: string,
  onTurn: (say: string, seen: ObservedTurn, problems: readonly string[]) => void = () => undefined,
): Promise<ConversationResult> {
  const base = { id: conversation.id, localeId, category: conversation.category, split: conversation.split };
  const sessionId = `eval-${conversation.id}-${sessionSuffix}`
    .replace(/[^0-9a-zA-Z._:-]/g, '-')
    .slice(0, 100);
  for (const [index, turn] of conversation.turns.entries()) {
    const reply = await client.send(
      new RecognizeTextCommand({
        botId: target.botId,
        botAliasId: target.aliases[conversation.alias],
        localeId,
        sessionId,
        text: turn.say,
        requestAttributes: { [REQUEST_ATTRIBUTES.channel]: 'chat', [REQUEST_ATTRIBUTES.sources]: 'separate' },
      }),
    );
    const seen = observe(reply);
    const problems = judgeTurn(turn.expect, seen);
    onTurn(turn.say, seen, problems);
    if (problems.length > 0) {
      return {
        ...base,
        passed: false,
        failure: { turn: index + 1, say: turn.say, problems, reply: seen.text },
      };
    }
  }
  return { ...base, passed: true };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      locale: { type: 'string', multiple: true },
      split: { type: 'string' },
      verbose: { type: 'boolean', default: false },
      only: { type: 'string' },
    },
  });
  const only = values.only;
  const locales = (values.locale ?? [...LOCALES]) as string[];
  // Held-out conversations are never shown turn by turn: nobody tunes on them by accident.
  const splits = only !== undefined ? ['tune'] : values.split ? [values.split] : [...SPLITS];
  // The hook's logs and metrics would bury the report.
  process.env.POWERTOOLS_LOG_LEVEL = 'ERROR';
  process.env.POWERTOOLS_METRICS_DISABLED = 'true';
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  delete process.env.SLACK_BOT_TOKEN;
  const stack = await startLocalStack({ log: () => undefined });
  const client = new LexRuntimeV2Client(
    toolClientConfig({ endpoint: stack.endpoint, service: 'LEX_RUNTIME_V2' }),
  );
  const bot = stack.bots[0];
  if (!bot) throw new Error('the stack has no bot');
  const target = {
    botId: bot.name,
    aliases: { public: bot.aliasId, staff: bot.staffAlias?.id ?? bot.aliasId },
  };
  const results: ConversationResult[] = [];
  const runId = Date.now().toString(36);
  try {
    for (const localeId of locales) {
      const set = (await readConversationSet(localeId)).filter(
        (item) => splits.includes(item.split) && (only === undefined || item.id.includes(only)),
      );
      for (const [index, conversation] of set.entries()) {
        if (only !== undefined) console.log(`\n${conversation.id} (${localeId})`);
        const printTurn = only === undefined ? undefined : printTranscriptTurn;
        results.push(await runConversation(client, target, localeId, conversation, runId, printTurn));
        // A counter in place on a terminal; in a log, a line every ten.
        if (process.stderr.isTTY)
          process.stderr.write(`\r${localeId}: ${index + 1}/${set.length} conversations`);
        else if ((index + 1) % 10 === 0 || index + 1 === set.length)
          process.stderr.write(`${localeId}: ${index + 1}/${set.length} conversations\n`);
      }
      if (process.stderr.isTTY) process.stderr.write('\n');
    }
  } finally {
    client.destroy();
    await stack.close();
  }
  console.log(formatReport(results));
  if (values.verbose) {
    // Held-out failures are never printed, so nobody tunes on them by accident (the JSON keeps them for an audit).
    for (const result of results.filter((r) => !r.passed && r.split === 'tune')) {
      const failure = result.failure;
      console.log(
        `\n${result.id} (${result.split}) turn ${failure?.turn}: "${failure?.say}"\n  ${failure?.problems.join('\n  ')}\n  bot: ${failure?.reply}`,
      );
    }
  }
  if (only !== undefined) {
    // A look at a few conversations is not a measurement: the last full run's details stay.
    if (results.length === 0) console.log(`\nNo tune conversation's id contains "${only}".`);
    return;
  }
  await mkdir(path.dirname(RESULTS_FILE), { recursive: true });
  await writeFile(
    RESULTS_FILE,
    `${JSON.stringify({ timestamp: new Date().toISOString(), results }, null, 2)}\n`,
  );
  console.log(
    `\nDetails: ${path.relative(process.cwd(), RESULTS_FILE)}${values.verbose ? '' : ' (--verbose prints the failing tune conversations)'}`,
  );
}

function printTranscriptTurn(say: string, seen: ObservedTurn, problems: readonly string[]): void {
  const articles = seen.articles.length > 0 ? ` [${seen.articles.join(', ')}]` : '';
  console.log(`  customer: ${say}\n  bot (${seen.intent ?? 'no intent'}${articles}): ${seen.text}`);
  for (const problem of problems) console.log(`    ✗ ${problem}`);
}

export function formatReport(results: readonly ConversationResult[]): string {
  const rate = (items: readonly ConversationResult[]) =>
    items.length === 0
      ? '-'
      : `${items.filter((r) => r.passed).length}/${items.length} (${Math.round((100 * items.filter((r) => r.passed).length) / items.length)}%)`;
  const lines: string[] = [];
  for (const localeId of [...new Set(results.map((r) => r.localeId))]) {
    const inLocale = results.filter((r) => r.localeId === localeId);
    lines.push(`\n${localeId}`, `  ${'category'.padEnd(16)} ${'tune'.padEnd(14)} heldout`);
    for (const category of [...new Set(inLocale.map((r) => r.category))].sort()) {
      const inCategory = inLocale.filter((r) => r.category === category);
      lines.push(
        `  ${category.padEnd(16)} ${rate(inCategory.filter((r) => r.split === 'tune')).padEnd(14)} ${rate(inCategory.filter((r) => r.split === 'heldout'))}`,
      );
    }
    lines.push(
      `  ${'ALL'.padEnd(16)} ${rate(inLocale.filter((r) => r.split === 'tune')).padEnd(14)} ${rate(inLocale.filter((r) => r.split === 'heldout'))}`,
    );
  }
  return lines.join('\n');
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
