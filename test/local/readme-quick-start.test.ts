/**
 * The README's quick-start transcript is what `npm start` prints: the ready banner from local/ready-banner.ts
 * and a chat through local/chat.ts, typed line by line, against a stack with a data directory as `npm start`
 * runs it. Only what differs from run to run is normalised: the port, the clone's path, calendar dates and
 * which variation of a prompt Lex picked.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { loadBots } from '../../bot-definitions/loader/load';
import { runChat } from '../../local/chat';
import { readyBanner } from '../../local/ready-banner';
import type { LocalStack } from '../../local/stack';
import { startTestStack } from '../support/local-stack';

const README = path.resolve(__dirname, '..', '..', 'README.md');
const INTRO = '`npm start` prints where everything is, then a chat';
const PROMPT = /^(\w+) > (.*)$/;

jest.setTimeout(60_000);

let dir: string;
let stack: LocalStack;
let variations: Map<string, string>;
beforeAll(async () => {
  variations = firstMessageOf(await loadBots());
  // A fresh `npm start`: the local model, no Slack, chat-mode logging.
  for (const name of ['PARLEY_LOCAL_LLM_URL', 'AWS_ENDPOINT_URL_BEDROCK_RUNTIME', 'SLACK_BOT_TOKEN']) {
    delete process.env[name];
  }
  process.env.POWERTOOLS_LOG_LEVEL = 'WARN';
  process.env.POWERTOOLS_METRICS_DISABLED = 'true';
  dir = await mkdtemp(path.join(os.tmpdir(), 'parley-readme-'));
  stack = await startTestStack({ dataDir: path.join(dir, '.parley') });
});
afterAll(async () => {
  await stack.close();
  await rm(dir, { recursive: true, force: true });
});

/** The code block that follows the intro sentence. */
async function readmeTranscript(): Promise<string[]> {
  const readme = await readFile(README, 'utf8');
  const intro = readme.indexOf(INTRO);
  expect(intro).toBeGreaterThan(-1);
  const block = /```\n([\s\S]*?)```/.exec(readme.slice(intro));
  return (block?.[1] ?? '').trimEnd().split('\n');
}

const WEEKDAY = '(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day';
const MONTH = '(?:January|February|March|April|May|June|July|August|September|October|November|December)';

/**
 * Lex picks one of a message group's variations, here by a seed from the chat's random session id; any of
 * them stands for the group's first message.
 */
function firstMessageOf(definition: unknown, found = new Map<string, string>()): Map<string, string> {
  if (Array.isArray(definition)) {
    for (const item of definition) firstMessageOf(item, found);
  } else if (definition !== null && typeof definition === 'object') {
    const group = definition as { Message?: unknown; Variations?: unknown };
    const first = plainText(group.Message);
    if (first !== undefined && Array.isArray(group.Variations)) {
      for (const variation of group.Variations) {
        const text = plainText(variation);
        if (text !== undefined) found.set(text, first);
      }
    }
    for (const value of Object.values(definition)) firstMessageOf(value, found);
  }
  return found;
}

function plainText(message: unknown): string | undefined {
  return (message as { PlainTextMessage?: { Value?: string } } | undefined)?.PlainTextMessage?.Value;
}

function normalise(line: string): string {
  const said = /^bot: (.*)$/.exec(line)?.[1];
  const first = said === undefined ? undefined : variations.get(said);
  return (first === undefined ? line : `bot: ${first}`)
    .replaceAll(dir, '/path')
    .replace(/http:\/\/127\.0\.0\.1:\d+/g, 'http://127.0.0.1:4566')
    .replace(/\b\d{4}-\d\d-\d\d\b/g, 'YYYY-MM-DD')
    .replace(new RegExp(`\\b${WEEKDAY}, ${MONTH} \\d{1,2}\\b`, 'g'), 'Weekday, Month D');
}

/** Types each line once the chat asks for it, as a person does, and returns the screen as text. */
async function chat(inputs: readonly string[]): Promise<string[]> {
  const bot = stack.bots[0];
  if (!bot) throw new Error('the stack serves no bot');
  const input = new PassThrough();
  const output = new PassThrough();
  let screen = '';
  let prompts = 0;
  output.on('data', (chunk: Buffer) => {
    screen += chunk.toString();
    const asked = screen.split(/\w+ > /).length - 1;
    while (prompts < asked) {
      const next = inputs[prompts];
      prompts += 1;
      if (next === undefined) input.end();
      else input.write(`${next}\n`);
    }
  });
  await runChat({
    endpoint: stack.endpoint,
    botId: bot.name,
    botAliasId: 'TSTALIASID',
    locales: bot.locales,
    input,
    output,
  });
  // The terminal's cursor movements go; what is left is what the screen shows.
  const lines = screen
    // eslint-disable-next-line no-control-regex
    .replace(/\x1b\[[0-9;]*[A-Za-z]/g, '')
    .replace(/\r\n/g, '\n')
    .split('\n');
  // The prompt still open when the input ended.
  while (lines.length > 0 && /^(\w+ > )?$/.test(lines.at(-1) ?? '')) lines.pop();
  return lines;
}

it("matches what npm start prints: the ready banner, the chat's help, and every turn", async () => {
  const expected = await readmeTranscript();
  const firstTurn = expected.findIndex((line) => PROMPT.test(line));
  expect(firstTurn).toBeGreaterThan(0);
  const inputs = expected.slice(firstTurn).flatMap((line) => PROMPT.exec(line)?.[2] ?? []);

  const printed = [
    ...readyBanner({
      stack,
      dataDir: path.join(dir, '.parley'),
      chat: true,
      // The README shows a machine with the recognizer installed, as the quick start's install line says.
      asr: { available: true },
    }),
    ...(await chat(inputs)),
  ];
  expect(printed.map(normalise)).toEqual(expected.map(normalise));
});
