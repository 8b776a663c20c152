import type { ContentBlock, ConverseCommandOutput } from '@aws-sdk/client-bedrock-runtime';
import { plainAnswerText } from './answer-text';
import { ANSWER_TOOL_NAME, StructuredAnswer, type AnswerOutcome } from './contract';
import type { AnswerFailure } from './failures';

export interface Citation {
  id: string;
  title: string;
}

/** A reply that can be shown: validated, cleaned, and citing only passages the model was given. */
export interface GroundedReply {
  text: string;
  citations: Citation[];
  outcome: AnswerOutcome;
  /** How the reply was recovered when the model did not call the tool as asked; absent when it did. */
  repair?: 'tool_input_as_string' | 'tool_input_extra_fields' | 'json_in_text';
}

export type ModelVerdict = { ok: true; reply: GroundedReply } | { ok: false; failure: AnswerFailure };

/** Stop reasons that mean a guardrail replaced the model's words with its own. */
const BLOCKED_STOP_REASONS: ReadonlySet<string> = new Set(['guardrail_intervened', 'content_filtered']);

/**
 * Turns a Converse response into something safe to show, or a failure. Nothing the model wrote reaches the
 * customer unless it parses as StructuredAnswer. The repair rule is deliberately narrow:
 * - a `submit_answer` call whose input is a JSON string, or carries fields beyond the schema, is read for
 *   the schema's fields;
 * - a text block that holds a StructuredAnswer JSON object (a model that wrote the call instead of making
 *   it) is read the same way;
 * - plain prose is never shown, whatever the stop reason: it carries no citations, so there is no way to
 *   tell a grounded answer from an invented one, and the customer gets the "not sure, shall I get an agent"
 *   reply instead.
 * An `answer` must cite at least one passage that was actually sent; citations of anything else are
 * dropped, and an answer left with none is treated as ungrounded.
 */
export function readModelReply(
  response: ConverseCommandOutput,
  sentPassages: readonly Citation[],
): ModelVerdict {
  const stopReason = response.stopReason ?? 'unknown';
  if (BLOCKED_STOP_REASONS.has(stopReason))
    return { ok: false, failure: { kind: 'guardrail', detail: stopReason } };
  const recovered = structuredAnswerIn(response.output?.message?.content ?? []);
  if (!recovered)
    return {
      ok: false,
      failure: {
        kind: 'malformed_output',
        detail: `no valid ${ANSWER_TOOL_NAME} (stopReason ${stopReason})`,
      },
    };
  return ground(recovered.answer, sentPassages, recovered.repair);
}

interface Recovered {
  answer: StructuredAnswer;
  repair?: GroundedReply['repair'];
}

function structuredAnswerIn(content: readonly ContentBlock[]): Recovered | undefined {
  for (const block of content) {
    if (block.toolUse?.name !== ANSWER_TOOL_NAME) continue;
    const recovered = fromToolInput(block.toolUse.input);
    if (recovered) return recovered;
  }
  for (const block of content) {
    if (block.text === undefined) continue;
    for (const candidate of jsonObjectsIn(block.text)) {
      const answer = schemaFields(candidate);
      if (answer) return { answer, repair: 'json_in_text' };
    }
  }
  return undefined;
}

function fromToolInput(input: unknown): Recovered | undefined {
  if (typeof input === 'string') {
    const parsed = parseJson(input);
    const answer = parsed === undefined ? undefined : schemaFields(parsed);
    return answer ? { answer, repair: 'tool_input_as_string' } : undefined;
  }
  const exact = StructuredAnswer.safeParse(input);
  if (exact.success) return { answer: exact.data };
  const answer = schemaFields(input);
  return answer ? { answer, repair: 'tool_input_extra_fields' } : undefined;
}

/** The schema's three fields of `value`, validated; any other field is ignored. */
function schemaFields(value: unknown): StructuredAnswer | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const { answer, citations, outcome } = value as Record<string, unknown>;
  const parsed = StructuredAnswer.safeParse({ answer, citations, outcome });
  return parsed.success ? parsed.data : undefined;
}

/** Every balanced `{...}` span of `text` that parses as JSON, outermost first. */
function jsonObjectsIn(text: string): unknown[] {
  const found: unknown[] = [];
  for (let start = text.indexOf('{'); start !== -1; start = text.indexOf('{', start + 1)) {
    const end = matchingBrace(text, start);
    if (end === undefined) continue;
    const parsed = parseJson(text.slice(start, end + 1));
    if (parsed !== undefined) found.push(parsed);
  }
  return found;
}

/** Index of the `}` closing the `{` at `start`, skipping braces inside JSON strings. */
function matchingBrace(text: string, start: number): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i += 1) {
    const char = text[i];
    if (inString) {
      if (char === '\\') i += 1;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === '{') depth += 1;
    else if (char === '}') {
      depth -= 1;
      if (depth === 0) return i;
    }
  }
  return undefined;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function ground(
  answer: StructuredAnswer,
  sentPassages: readonly Citation[],
  repair: GroundedReply['repair'],
): ModelVerdict {
  const text = plainAnswerText(answer.answer);
  if (text === '') return { ok: false, failure: { kind: 'malformed_output', detail: 'empty answer text' } };
  const sent = new Map(sentPassages.map((passage) => [passage.id, passage]));
  const cited = answer.outcome === 'answer' ? [...new Set(answer.citations)] : [];
  const citations = cited.flatMap((id) => {
    const passage = sent.get(id);
    return passage ? [{ id: passage.id, title: passage.title }] : [];
  });
  if (answer.outcome === 'answer' && citations.length === 0)
    return {
      ok: false,
      failure: { kind: 'ungrounded', detail: `cited ${answer.citations.length} ids, none of them sent` },
    };
  return { ok: true, reply: { text, citations, outcome: answer.outcome, ...(repair ? { repair } : {}) } };
}
