import { splitOf } from '../../bench/voice-calls';
import type { SdkCall } from '../../bench/sdk-calls';

function call(client: string, startMs: number, endMs: number, wire = [{ startMs, endMs }]): SdkCall {
  return {
    client,
    command: 'X',
    table: undefined,
    startMs,
    endMs,
    cpuStartUs: 0,
    cpuEndUs: 0,
    wire: wire.map((span) => ({ ...span, cpuStartUs: 0, cpuEndUs: 0 })),
    requestBytes: 0,
    responseBytes: 0,
  };
}

describe('splitOf', () => {
  it('splits the Lex round trip into recognition, NLU, hook, model on the wire, speech and the rest', () => {
    const split = splitOf(
      [call('lex', 0, 1000), call('bedrock', 500, 700, [{ startMs: 520, endMs: 690 }])],
      { totalMs: 300, codeHookMs: 250 } as Parameters<typeof splitOf>[1],
      { recognitionMs: 400, speechMs: 200, audioSeconds: 1 },
    );
    expect(split).toEqual({
      totalMs: 1000,
      recognitionMs: 400,
      nluMs: 50,
      hookMs: 80,
      modelMs: 170,
      speechMs: 200,
      otherMs: 100,
    });
  });

  it('is zeros where the stack reported nothing, never negative', () => {
    expect(splitOf([], undefined, undefined)).toEqual({
      totalMs: 0,
      recognitionMs: 0,
      nluMs: 0,
      hookMs: 0,
      modelMs: 0,
      speechMs: 0,
      otherMs: 0,
    });
  });
});
