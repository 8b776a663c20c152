import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';

/** One line per turn: what a developer greps for when a conversation went the wrong way. */
export interface TurnLogEntry {
  time: string;
  requestId: string;
  botId: string;
  botAliasId: string;
  localeId: string;
  sessionId: string;
  inputMode: string;
  inputTranscript?: string;
  intent?: string;
  confidence?: number;
  slots?: Record<string, string | null>;
  dialogAction?: string;
  intentState?: string;
  codeHookMs?: number;
  codeHookCalls?: { source: string; outcome: string; durationMs: number }[];
  totalMs: number;
  error?: string;
}

export type TurnLogger = (entry: TurnLogEntry) => void;

/**
 * Appends synchronously: a turn's line is on disk before its response leaves, so nothing accepted is lost
 * even if the process dies right after.
 */
export function fileTurnLogger(file: string): TurnLogger {
  mkdirSync(path.dirname(file), { recursive: true });
  return (entry) => appendFileSync(file, `${JSON.stringify(entry)}\n`);
}
