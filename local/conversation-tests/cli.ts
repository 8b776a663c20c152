/**
 * Runs the conversation tests (test/conversations/*.yaml) against the offline stack, or a deployed bot:
 *
 *   npm run conversations                                   # the local stack, started for the run
 *   npm run conversations -- --bot-id ABC123 --alias-id TSTALIAS1 [--staff-alias-id STAFF1] [--region us-east-1]
 *   npm run conversations -- test/conversations/order-status.yaml --junit reports/conversations.xml
 *
 * Prints a report (every failing turn: what was expected, what the bot did) and writes a JUnit file
 * (.parley/conversations/junit.xml unless --junit says where). Exits 1 when a conversation fails.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { junitReport, textReport } from './report';
import { runConversation, type ConversationResult } from './run';
import {
  conversationFiles,
  DEFAULT_CONVERSATIONS_DIRECTORY,
  localSpeechGap,
  readConversationTests,
} from './suite';
import { deployedTarget, localTarget, type Target } from './target';

const DEFAULT_JUNIT = path.resolve(__dirname, '..', '..', '.parley', 'conversations', 'junit.xml');

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      'bot-id': { type: 'string' },
      'alias-id': { type: 'string' },
      'staff-alias-id': { type: 'string' },
      region: { type: 'string' },
      junit: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(
      'npm run conversations -- [files or folders] [--bot-id ID --alias-id ID [--staff-alias-id ID] [--region R]] [--junit FILE]',
    );
    return 0;
  }
  if ((values['bot-id'] === undefined) !== (values['alias-id'] === undefined)) {
    console.error('A deployed bot needs both --bot-id and --alias-id (and --region, or AWS_REGION).');
    return 2;
  }
  const conversations = await readConversationTests(
    await conversationFiles(positionals.length > 0 ? positionals : [DEFAULT_CONVERSATIONS_DIRECTORY]),
  );
  const deployed = values['bot-id'] !== undefined && values['alias-id'] !== undefined;
  if (!deployed) {
    // The hook's logs and metrics would bury the report.
    process.env.POWERTOOLS_LOG_LEVEL ??= 'ERROR';
    process.env.POWERTOOLS_METRICS_DISABLED ??= 'true';
  }
  // Lambda runs nodejs22.x; the SDK's warning about this machine's Node 20 says nothing about the bot.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const target: Target = deployed
    ? await deployedTarget({
        botId: values['bot-id'] ?? '',
        aliasId: values['alias-id'] ?? '',
        ...(values['staff-alias-id'] ? { staffAliasId: values['staff-alias-id'] } : {}),
        ...(values.region ? { region: values.region } : {}),
      })
    : await localTarget();
  const results: ConversationResult[] = [];
  const skipped: string[] = [];
  try {
    for (const [index, conversation] of conversations.entries()) {
      const gap = deployed ? undefined : localSpeechGap(conversation);
      if (gap) {
        skipped.push(`${conversation.name}: ${gap}`);
        continue;
      }
      const result = await runConversation(target, conversation);
      results.push(result);
      process.stderr.write(
        `${index + 1}/${conversations.length} ${result.passed ? 'pass' : 'FAIL'}  ${result.name}\n`,
      );
    }
  } finally {
    await target.close();
  }
  console.log(textReport(results, target.description));
  for (const reason of skipped) console.log(`skipped  ${reason}`);
  const junitFile = path.resolve(values.junit ?? DEFAULT_JUNIT);
  await mkdir(path.dirname(junitFile), { recursive: true });
  await writeFile(junitFile, junitReport(results, `conversations (${target.description})`));
  console.log(`JUnit report: ${path.relative(process.cwd(), junitFile)}`);
  return results.every((result) => result.passed) ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 2;
  },
);
