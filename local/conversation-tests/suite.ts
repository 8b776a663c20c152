import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { asrAvailability } from '../asr';
import { readConversationTest, type ConversationTest } from './format';

export const DEFAULT_CONVERSATIONS_DIRECTORY = path.resolve(__dirname, '..', '..', 'test', 'conversations');

/** The conversation files under the given files and folders (folders searched for *.yaml / *.yml), sorted. */
export async function conversationFiles(paths: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const entry of paths) {
    const info = await stat(entry);
    if (info.isFile()) {
      files.push(path.resolve(entry));
      continue;
    }
    const names = await readdir(entry, { recursive: true });
    files.push(...names.filter((name) => /\.ya?ml$/i.test(name)).map((name) => path.resolve(entry, name)));
  }
  return [...new Set(files)].sort();
}

/** Reads every file; all problems are reported together, so one run shows every broken file. */
export async function readConversationTests(files: readonly string[]): Promise<ConversationTest[]> {
  const results = await Promise.allSettled(files.map((file) => readConversationTest(file)));
  const problems = results.flatMap((result) => (result.status === 'rejected' ? [String(result.reason)] : []));
  if (problems.length > 0) throw new Error(problems.join('\n'));
  return results.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
}

/** Whether a conversation has spoken turns (a sentence to say, a WAV to play), which need speech recognition. */
export function isSpoken(conversation: ConversationTest): boolean {
  return conversation.turns.some((turn) => 'say' in turn || 'wav' in turn);
}

/**
 * Why the local stack cannot run a spoken conversation, if it cannot: its recognizer (pocketsphinx) is
 * optional and speaks US English only. A deployed bot has Lex's own recognition.
 */
export function localSpeechGap(conversation: ConversationTest): string | undefined {
  if (!isSpoken(conversation)) return undefined;
  const spokenLocales = new Set(
    conversation.turns
      .filter((turn) => 'say' in turn || 'wav' in turn)
      .map((turn) => turn.locale ?? conversation.locale),
  );
  const other = [...spokenLocales].find((localeId) => localeId !== 'en_US');
  if (other) return `the local speech recognizer hears en_US only, and a turn is spoken in ${other}`;
  const availability = asrAvailability();
  return availability.available ? undefined : availability.reason;
}
