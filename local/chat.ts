import { randomUUID } from 'node:crypto';
import readline from 'node:readline/promises';
import {
  DeleteSessionCommand,
  GetSessionCommand,
  LexRuntimeV2Client,
  RecognizeTextCommand,
  type Message,
} from '@aws-sdk/client-lex-runtime-v2';
import { FAULTS_PATH } from './bedrock/routes';

export interface ChatOptions {
  endpoint: string;
  botId: string;
  botAliasId: string;
  locales: string[];
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
}

const HELP =
  'Commands: /locale <id> switch language ({locales}), /reset new session, /state show session state, ' +
  '/fault <throttle|timeout|5xx|malformed|guardrail> [count] make the model endpoint fail, /fault off, /help, /quit';

/**
 * A terminal conversation through the real Lex V2 runtime client: exactly the calls a channel adapter
 * makes, so what works here works against the deployed bot.
 */
export async function runChat(options: ChatOptions): Promise<void> {
  const client = new LexRuntimeV2Client({ endpoint: options.endpoint });
  const rl = readline.createInterface({ input: options.input, output: options.output, terminal: true });
  const write = (line: string) => options.output.write(`${line}\n`);
  let localeId = options.locales[0] ?? 'en_US';
  let sessionId = newSessionId();
  const session = () => ({ botId: options.botId, botAliasId: options.botAliasId, localeId, sessionId });
  // Ctrl-D, or Ctrl-C (readline takes it as a key, not a signal), closes the input: the chat ends as /quit.
  let inputClosed = false;
  const closed = new Promise<undefined>((resolve) =>
    rl.once('close', () => {
      inputClosed = true;
      resolve(undefined);
    }),
  );
  write(dim(HELP.replace('{locales}', options.locales.join(', '))));
  try {
    for (;;) {
      if (inputClosed) return;
      const answer = await Promise.race([rl.question(`${localeId} > `).catch(() => undefined), closed]);
      if (answer === undefined) return;
      const line = answer.trim();
      if (!line) continue;
      if (line === '/quit' || line === '/exit') return;
      if (line === '/help') {
        write(dim(HELP.replace('{locales}', options.locales.join(', '))));
        continue;
      }
      if (line.startsWith('/locale')) {
        const requested = line.split(/\s+/)[1];
        if (requested && options.locales.includes(requested)) {
          localeId = requested;
          sessionId = newSessionId();
          write(dim(`locale ${localeId}, new session ${sessionId}`));
        } else {
          write(dim(`usage: /locale <${options.locales.join('|')}>`));
        }
        continue;
      }
      if (line.startsWith('/fault')) {
        write(dim(await setModelFault(options.endpoint, line.split(/\s+/).slice(1))));
        continue;
      }
      if (line === '/reset') {
        await client.send(new DeleteSessionCommand(session())).catch(() => undefined);
        sessionId = newSessionId();
        write(dim(`new session ${sessionId}`));
        continue;
      }
      if (line === '/state') {
        try {
          const state = await client.send(new GetSessionCommand(session()));
          write(JSON.stringify(state.sessionState, null, 2));
        } catch (error) {
          write(dim(`no session state yet (${(error as Error).name})`));
        }
        continue;
      }
      try {
        const reply = await client.send(new RecognizeTextCommand({ ...session(), text: line }));
        for (const message of reply.messages ?? []) write(`bot: ${renderMessage(message)}`);
        const intent = reply.sessionState?.intent;
        const score = reply.interpretations?.[0]?.nluConfidence?.score;
        const slots = Object.entries(intent?.slots ?? {})
          .filter(([, slot]) => slot?.value)
          .map(([name, slot]) => `${name}=${slot?.value?.interpretedValue}`)
          .join(' ');
        write(
          dim(
            `  [${intent?.name ?? '-'} ${intent?.state ?? ''}${score !== undefined ? ` ${score}` : ''}] ` +
              `${reply.sessionState?.dialogAction?.type ?? ''}${slots ? ` ${slots}` : ''}`,
          ),
        );
      } catch (error) {
        write(`error: ${(error as Error).name}: ${(error as Error).message}`);
      }
    }
  } finally {
    rl.close();
    client.destroy();
  }
}

/** The console's switch for the local Converse endpoint's fault injection, to hear every fallback answer. */
async function setModelFault(endpoint: string, args: string[]): Promise<string> {
  const [mode, count] = args;
  const url = `${endpoint}${FAULTS_PATH}`;
  const response =
    mode === 'off' || mode === undefined
      ? await fetch(url, { method: 'DELETE' })
      : await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ mode, ...(count ? { count: Number(count) } : {}) }),
        });
  const body = await response.text();
  return response.ok ? `model faults: ${body}` : `could not set the fault (${response.status}): ${body}`;
}

function renderMessage(message: Message): string {
  if (message.contentType === 'ImageResponseCard' && message.imageResponseCard) {
    const card = message.imageResponseCard;
    const buttons = (card.buttons ?? []).map((b) => `[${b.text}]`).join(' ');
    return `${card.title}${card.subtitle ? ` - ${card.subtitle}` : ''} ${buttons}`;
  }
  return message.content ?? '';
}

function newSessionId(): string {
  return `chat-${randomUUID().slice(0, 8)}`;
}

function dim(text: string): string {
  return process.stdout.isTTY ? `\x1b[2m${text}\x1b[0m` : text;
}
