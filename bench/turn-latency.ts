import type { TurnLogEntry } from '../local/lex/runtime/turn-log';
import { startLocalStack } from '../local/stack';
import { Conversation, lexClient } from '../test/support/local-stack';
import { stats, type LatencyStats } from './latency-stats';

/** Scripted dialogs that exercise every intent; each line is one turn. */
export const SCRIPTS: Record<string, string[][]> = {
  en_US: [
    ['where is my order', '10001'],
    ['what are the hours of the airport store'],
    ['I need to reset my password', 'maria@example.com', 'yes'],
    ['can someone call me back', 'tomorrow', '3pm', '555 123 4567', 'yes'],
    ['I want to talk to a human'],
    ['tell me a joke about penguins'],
  ],
  es_US: [
    ['dónde está mi pedido', '10002'],
    ['cuál es el horario de la tienda'],
    ['necesito restablecer mi contraseña', 'ana@example.org', 'no'],
    ['quiero hablar con una persona'],
  ],
};

export interface TurnLatencyResult {
  benchmark: 'turn-latency';
  timestamp: string;
  node: string;
  rounds: number;
  clientRoundTripMs: LatencyStats;
  emulatorTurnMs: LatencyStats;
  codeHookMs: LatencyStats;
}

/**
 * Time per turn through the real SDK client against the in-memory stack: the part of a caller's wait that
 * the emulator and the code hook add locally (no network, no Bedrock yet).
 */
export async function measureTurnLatency(
  rounds: number,
  progress: (line: string) => void,
  port: number,
): Promise<TurnLatencyResult> {
  const entries: TurnLogEntry[] = [];
  const stack = await startLocalStack({ port, turnLog: (entry) => entries.push(entry) });
  const client = lexClient(stack);
  const roundTrips: number[] = [];
  try {
    for (let round = 0; round < rounds; round += 1) {
      for (const [localeId, scripts] of Object.entries(SCRIPTS)) {
        for (const [index, script] of scripts.entries()) {
          const conversation = new Conversation(client, localeId, `bench-${round}-${localeId}-${index}`);
          for (const line of script) {
            const started = performance.now();
            await conversation.say(line);
            roundTrips.push(performance.now() - started);
          }
        }
      }
      progress(`turn latency: round ${round + 1}/${rounds} (${roundTrips.length} turns)`);
    }
  } finally {
    client.destroy();
    await stack.close();
  }
  return {
    benchmark: 'turn-latency',
    timestamp: new Date().toISOString(),
    node: process.version,
    rounds,
    clientRoundTripMs: stats(roundTrips),
    emulatorTurnMs: stats(entries.map((e) => e.totalMs)),
    codeHookMs: stats(entries.map((e) => e.codeHookMs ?? 0)),
  };
}
