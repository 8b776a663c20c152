import { bedrockClient } from '../functions/generative/bedrock-client';
import { documentClient } from '../functions/lex-code-hook/data/dynamodb-client';
import { loadCodeHook } from '../local/lex/runtime/bot-registry';
import { startLocalStack } from '../local/stack';
import { Conversation, lexClient } from '../test/support/local-stack';
import type { Profiler } from 'node:inspector';
import { HANDLER_PATHS, HookTurnMeter, type HandlerPath, type MeasuredTurn } from './hook-turns';
import { round, stats, type LatencyStats } from './latency-stats';
import { QUESTIONS as OPEN_QUESTIONS } from './long-conversation';
import { profileWhile, summariseProfile, type ProfileSummary } from './cpu-profile';
import { SdkCallRecorder } from './sdk-calls';
import { SCRIPTS } from './turn-latency';

/** Issue 12: the hook's own time per turn, awaited AWS calls excluded, at p99, on every path. */
export const HANDLER_P99_BUDGET_MS = 5;

/** Questions our articles answer as written (their `questions:`), so the curated path answers them. */
const CURATED_QUESTIONS = [
  'Can I return an item without a receipt?',
  'When will I get my refund?',
  'How do I check my gift card balance?',
  'How do I use my store credit online?',
  'How do I make a warranty claim?',
  'Do you sell extended warranties?',
  'Can I buy an e-gift card?',
  'Can I return an online order in store?',
];
const TURNS_PER_SESSION = 10;
/** The CPU-time probe (process.cpuUsage) the wrapper and the middlewares call inside the measured time. */
const PROBE_FUNCTION = 'cpuUsage';

/** The conversations that lead down each path; a session is one script, repeated until enough turns. */
const SESSIONS: Record<HandlerPath, readonly (readonly string[])[]> = {
  'business intent': SCRIPTS.en_US?.filter((script) => !script[0]?.includes('joke')) ?? [],
  'curated FAQ': [CURATED_QUESTIONS.slice(0, TURNS_PER_SESSION)],
  'model answer': [OPEN_QUESTIONS.slice(0, TURNS_PER_SESSION)],
};

export interface PathTime {
  turns: number;
  /** The handler's own time per turn: what the issue 12 budget is about. */
  ownMs: LatencyStats;
  /** The same in CPU time, which a busy machine does not inflate. */
  ownCpuMs: LatencyStats;
  /** The handler's time with the SDK's work in it (serialising, signing, parsing): all but the wire. */
  ownWithSdkMs: LatencyStats;
  ownWithSdkCpuMs: LatencyStats;
  /** The hook's whole time per turn, waits included. */
  hookMs: LatencyStats;
  /** The time awaiting DynamoDB and Bedrock per turn. */
  waitMs: LatencyStats;
  sdkCallsPerTurn: number;
  /** Where the handler's time went, the SDK's work included (profile samples in its invocations, off the wire). */
  profile: ProfileSummary;
}

export interface HandlerTimeResult {
  benchmark: 'handler-time';
  timestamp: string;
  node: string;
  warmupTurns: number;
  paths: Record<HandlerPath, PathTime>;
  /** Turns of the scripts that took another path than their session's (kept out of the figures). */
  otherTurns: number;
}

/**
 * The code hook's time per turn on each path, through the whole local stack one turn at a time: the emulator
 * times each invocation, the recorder on the hook's own DynamoDB and Bedrock clients times each wait, and the
 * difference is the handler's work. `turns` per path after `warmup` turns per path that are not counted.
 */
export async function measureHandlerTime(
  turns: number,
  warmup: number,
  progress: (line: string) => void,
  port: number,
): Promise<HandlerTimeResult> {
  const recorder = new SdkCallRecorder();
  const meter = new HookTurnMeter(recorder);
  const stack = await startLocalStack({
    port,
    turnLog: meter.turnLog,
    codeHook: (bot) => meter.instrument(loadCodeHook(bot)),
  });
  const client = lexClient(stack);
  const detach = [recorder.attach('dynamodb', documentClient()), recorder.attach('bedrock', bedrockClient())];
  const samples = new Map<HandlerPath, MeasuredTurn[]>(HANDLER_PATHS.map((path) => [path, []]));
  let otherTurns = 0;
  const run = async () => {
    for (const path of HANDLER_PATHS) {
      const wanted = turns + warmup;
      const taken = samples.get(path) ?? [];
      let seen = 0;
      for (let session = 0; taken.length < wanted; session += 1) {
        const scripts = SESSIONS[path];
        const script = scripts[session % scripts.length] ?? [];
        const sessionId = `bench-hook-${path.replace(/ /g, '-')}-${session}`;
        const conversation = new Conversation(client, 'en_US', sessionId);
        for (const line of script) {
          const turn = await meter.measure(() => conversation.say(line));
          seen += 1;
          if (turn.path === path) taken.push(turn);
          else otherTurns += 1;
        }
        if (seen > wanted * 10) {
          throw new Error(`only ${taken.length} of ${seen} turns of the ${path} scripts took that path`);
        }
        progress(`handler time: ${path} ${Math.min(taken.length, wanted)}/${wanted} turns`);
      }
    }
  };
  let profile: Profiler.Profile;
  try {
    ({ profile } = await profileWhile(run));
  } finally {
    for (const remove of detach) remove();
    client.destroy();
    await stack.close();
  }
  const paths = Object.fromEntries(
    HANDLER_PATHS.map((path) => {
      const measured = (samples.get(path) ?? []).slice(warmup, warmup + turns);
      return [
        path,
        {
          turns: measured.length,
          ownMs: stats(measured.map((turn) => turn.ownMs)),
          ownCpuMs: stats(measured.map((turn) => turn.ownCpuMs)),
          ownWithSdkMs: stats(measured.map((turn) => turn.ownWithSdkMs)),
          ownWithSdkCpuMs: stats(measured.map((turn) => turn.ownWithSdkCpuMs)),
          hookMs: stats(measured.map((turn) => turn.hookMs)),
          waitMs: stats(measured.map((turn) => turn.waitMs)),
          sdkCallsPerTurn: round(
            measured.reduce((sum, turn) => sum + turn.calls.length, 0) / measured.length,
          ),
          profile: summariseProfile(profile, {
            top: 8,
            during: measured.flatMap((turn) => turn.invocations),
            outside: measured.flatMap((turn) => turn.calls.flatMap((call) => call.wire)),
            ignoreFunctions: [PROBE_FUNCTION],
          }),
        },
      ];
    }),
  ) as Record<HandlerPath, PathTime>;
  return {
    benchmark: 'handler-time',
    timestamp: new Date().toISOString(),
    node: process.version,
    warmupTurns: warmup,
    paths,
    otherTurns,
  };
}
