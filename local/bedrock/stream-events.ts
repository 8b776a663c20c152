import type { OutputContentBlock } from './engine';
import type { GuardedOutput } from './guardrail';

/** One member of the ConverseStreamOutput union: its name is the frame's `:event-type`. */
export interface StreamEvent {
  type:
    | 'messageStart'
    | 'contentBlockStart'
    | 'contentBlockDelta'
    | 'contentBlockStop'
    | 'messageStop'
    | 'metadata';
  payload: Record<string, unknown>;
}

/** Models stream a few tokens per delta; a handful of deltas per block is enough for clients to reassemble. */
const TEXT_DELTAS_PER_BLOCK = 4;
const TOOL_INPUT_DELTAS_PER_BLOCK = 3;

export const MESSAGE_START: StreamEvent = { type: 'messageStart', payload: { role: 'assistant' } };

/**
 * The events after messageStart, in Bedrock's order. Text blocks start with their first delta (Bedrock sends
 * contentBlockStart only for non-text blocks); a toolUse block announces its id and name, then streams its
 * input as pieces of one JSON string that parse only once joined.
 */
export function eventsAfterStart(output: GuardedOutput, latencyMs: number): StreamEvent[] {
  const events = output.content.flatMap((block, index) => blockEvents(block, index));
  events.push({ type: 'messageStop', payload: { stopReason: output.stopReason } });
  events.push({
    type: 'metadata',
    payload: {
      usage: output.usage,
      metrics: { latencyMs },
      ...(output.trace ? { trace: output.trace } : {}),
    },
  });
  return events;
}

function blockEvents(block: OutputContentBlock, contentBlockIndex: number): StreamEvent[] {
  const delta = (value: Record<string, unknown>): StreamEvent => ({
    type: 'contentBlockDelta',
    payload: { contentBlockIndex, delta: value },
  });
  const stop: StreamEvent = { type: 'contentBlockStop', payload: { contentBlockIndex } };
  if ('text' in block) {
    return [...splitAtSpaces(block.text, TEXT_DELTAS_PER_BLOCK).map((text) => delta({ text })), stop];
  }
  const { toolUseId, name, input } = block.toolUse;
  return [
    { type: 'contentBlockStart', payload: { contentBlockIndex, start: { toolUse: { toolUseId, name } } } },
    ...splitEvenly(JSON.stringify(input), TOOL_INPUT_DELTAS_PER_BLOCK).map((piece) =>
      delta({ toolUse: { input: piece } }),
    ),
    stop,
  ];
}

/** At most `parts` pieces that join back to `text`, cut after a space where possible. */
export function splitAtSpaces(text: string, parts: number): string[] {
  const target = Math.ceil(text.length / parts);
  const pieces: string[] = [];
  let start = 0;
  while (start < text.length) {
    if (pieces.length === parts - 1) {
      pieces.push(text.slice(start));
      break;
    }
    const space = text.indexOf(' ', start + target - 1);
    const end = space === -1 ? text.length : space + 1;
    pieces.push(text.slice(start, end));
    start = end;
  }
  return pieces.length > 0 ? pieces : [''];
}

/** At most `parts` pieces of near-equal length that join back to `text`. */
export function splitEvenly(text: string, parts: number): string[] {
  const size = Math.max(1, Math.ceil(text.length / parts));
  const pieces: string[] = [];
  for (let start = 0; start < text.length; start += size) pieces.push(text.slice(start, start + size));
  return pieces.length > 0 ? pieces : [''];
}
