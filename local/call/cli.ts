import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { LexRuntimeV2Client } from '@aws-sdk/client-lex-runtime-v2';
import { PollyClient } from '@aws-sdk/client-polly';
import { toPlainSpeechText } from '../../functions/voice/ssml';
import { durationMs, encodeWav } from '../audio/pcm';
import { AwsSetupError, requireAwsSetup, toolClientConfig } from '../aws-tool-config';
import { startLocalStack, type LocalStack } from '../stack';
import { placeCall, type CallTurn } from './place-call';
import { CallScriptError, parseCallStep, type CallStep } from './steps';

const USAGE = `Usage: npm run call -- [options] <step> [<step> ...]

Plays a phone call into the Lex bot the way Amazon Connect does (RecognizeUtterance with 16 kHz audio, keys
as DTMF), prints what the bot heard and answered, and writes the bot's spoken answers as WAV files.

Steps, in order:
  path/to/file.wav   a recording of the caller (any PCM WAV; resampled to 16 kHz mono)
  say:<words>        the caller says this (spoken by the local Polly voice Matthew / Pedro)
  dtmf:<keys>        the caller presses keys, e.g. dtmf:12345#
  silence:<ms>       the caller says nothing for this long

Options:
  --locale <id>      en_US (default) or es_US; speech input needs an acoustic model, which exists for en_US
  --caller <number>  the caller id the contact flow passes on (default +12065550123)
  --out <dir>        where the WAV files go (default .parley/calls/<session>)
  --endpoint <url>   a running Parley stack (npm start); without it an in-memory stack is started
  -h, --help         this text

Example:
  npm run call -- say:"where is my order" dtmf:12345# say:"that is all thanks"`;

async function main(): Promise<void> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      locale: { type: 'string', default: 'en_US' },
      caller: { type: 'string', default: '+12065550123' },
      out: { type: 'string' },
      endpoint: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help || positionals.length === 0) {
    console.log(USAGE);
    return;
  }
  const steps = positionals.map((argument, index) => parseCallStep(argument, index + 1));
  // The hook's per-turn log lines would bury the transcript; the stack's turn log keeps them.
  process.env.POWERTOOLS_LOG_LEVEL ??= 'WARN';
  process.env.POWERTOOLS_METRICS_DISABLED ??= 'true';
  const stack: LocalStack | undefined = values.endpoint
    ? undefined
    : await startLocalStack({ log: () => undefined });
  const endpoint = values.endpoint ?? stack!.endpoint;
  const lex = new LexRuntimeV2Client(toolClientConfig({ endpoint, service: 'LEX_RUNTIME_V2' }));
  const polly = new PollyClient(toolClientConfig({ endpoint, service: 'POLLY' }));
  const sessionId = `call-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  const outDir = path.resolve(values.out ?? path.join('.parley', 'calls', sessionId));
  try {
    await requireAwsSetup(
      lex,
      'an --endpoint on this machine (or none: an in-memory stack)',
      values.endpoint,
    );
    console.log(`Calling RetailSupportBot (${values.locale}) at ${endpoint}, session ${sessionId}`);
    const turns = await placeCall(steps, {
      lex,
      polly,
      botId: 'RetailSupportBot',
      botAliasId: 'TSTALIASID',
      localeId: values.locale,
      sessionId,
      callerNumber: values.caller,
    });
    await mkdir(outDir, { recursive: true });
    for (const [index, turn] of turns.entries()) {
      const file = path.join(outDir, `${String(index + 1).padStart(2, '0')}-bot.wav`);
      await writeFile(file, encodeWav(turn.botAudio));
      console.log(describe(index + 1, turn, path.relative(process.cwd(), file)));
    }
    if (turns.length < steps.length)
      console.log(`(${steps.length - turns.length} step(s) not played: the call ended)`);
  } finally {
    lex.destroy();
    polly.destroy();
    await stack?.close();
  }
}

function describe(number: number, turn: CallTurn, file: string): string {
  const heard = turn.transcript ? `"${turn.transcript}"` : '(nothing heard)';
  const slots = Object.entries(turn.slots).map(([name, value]) => `${name}=${value}`);
  const lines = [
    `${String(number).padStart(2)} caller ${stepLabel(turn.step)} -> heard as ${turn.inputMode}: ${heard}`,
    `   bot [${turn.intent ?? 'no intent'}${turn.intentState ? ` ${turn.intentState}` : ''}${slots.length ? ` ${slots.join(' ')}` : ''}]: ${turn.botText.map(toPlainSpeechText).join(' / ')}`,
    `   spoken answer ${(durationMs(turn.botAudio) / 1000).toFixed(1)} s -> ${file}`,
  ];
  if (turn.ended) lines.push(`   call ${turn.ended}`);
  return lines.join('\n');
}

function stepLabel(step: CallStep): string {
  switch (step.kind) {
    case 'wav':
      return `plays ${step.path}`;
    case 'say':
      return `says "${step.text}"`;
    case 'dtmf':
      return `presses ${step.keys}`;
    case 'silence':
      return `stays silent ${step.ms} ms`;
  }
}

main().catch((error: unknown) => {
  if (error instanceof CallScriptError) console.error(`${error.message}\n\n${USAGE}`);
  else console.error(error instanceof AwsSetupError ? error.message : error);
  process.exit(1);
});
