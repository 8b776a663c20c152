import { z } from 'zod';

/** One thing the caller does: play a recording, speak a sentence, press keys, or stay silent. */
export type CallStep =
  | { kind: 'wav'; path: string }
  | { kind: 'say'; text: string }
  | { kind: 'dtmf'; keys: string }
  | { kind: 'silence'; ms: number };

export class CallScriptError extends Error {
  override readonly name = 'CallScriptError';
}

const sayText = z.string().trim().min(1, 'say: needs words, e.g. say:"where is my order"').max(500);
const dtmfKeys = z
  .string()
  .regex(/^[0-9*#]{1,64}$/, 'dtmf: takes 1-64 keypad characters (0-9 * #), e.g. dtmf:12345#');
const silenceMs = z.coerce
  .number({ error: 'silence: takes whole milliseconds, e.g. silence:3000' })
  .int('silence: takes whole milliseconds, e.g. silence:3000')
  .min(100, 'silence: takes 100-15000 ms')
  .max(15_000, 'silence: takes 100-15000 ms');

/**
 * A step as written on the command line: `say:<words>`, `dtmf:<keys>`, `silence:<ms>`, or a path to a WAV file.
 * Each problem names the step, so a long demo script fails at the line that is wrong.
 */
export function parseCallStep(argument: string, position: number): CallStep {
  const [prefix, ...rest] = argument.split(':');
  const value = rest.join(':');
  const parse = <T>(schema: z.ZodType<T>): T => {
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
    throw new CallScriptError(
      `step ${position} '${argument.slice(0, 60)}': ${parsed.error.issues[0]?.message}`,
    );
  };
  switch (prefix) {
    case 'say':
      return { kind: 'say', text: parse(sayText) };
    case 'dtmf':
      return { kind: 'dtmf', keys: parse(dtmfKeys) };
    case 'silence':
      return { kind: 'silence', ms: parse(silenceMs) };
    default:
      if (/\.wav$/i.test(argument)) return { kind: 'wav', path: argument };
      throw new CallScriptError(
        `step ${position} '${argument.slice(0, 60)}' is not a .wav file, say:<words>, dtmf:<keys> or silence:<ms>`,
      );
  }
}
