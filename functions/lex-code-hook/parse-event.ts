import type { z } from 'zod';
import { LexV2EventSchema, type LexV2Event } from './lex-event';

export interface EventIssue {
  /** Dotted path to the bad field, e.g. `sessionState.intent.name` or `interpretations[0].intent`. */
  field: string;
  problem: string;
}

/** An event that is not a Lex V2 code hook event; Lex turns the throw into DependencyFailedException. */
export class InvalidLexEventError extends Error {
  override readonly name = 'InvalidLexEventError';

  constructor(readonly issues: readonly EventIssue[]) {
    super(`Invalid Lex V2 event: ${issues.map((issue) => `${issue.field}: ${issue.problem}`).join('; ')}`);
  }
}

export function parseLexV2Event(raw: unknown): LexV2Event {
  const parsed = LexV2EventSchema.safeParse(raw, { error: describeMissingFieldsAsRequired });
  if (!parsed.success) throw new InvalidLexEventError(parsed.error.issues.map(toEventIssue));
  return parsed.data;
}

/** zod's default "expected string, received undefined" hides the plain fact that the field is absent. */
function describeMissingFieldsAsRequired(issue: z.core.$ZodRawIssue): string | undefined {
  return issue.code === 'invalid_type' && issue.input === undefined ? 'Required' : undefined;
}

function toEventIssue(issue: z.core.$ZodIssue): EventIssue {
  return { field: formatPath(issue.path), problem: issue.message };
}

function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(event)';
  return path
    .map((key, index) => (typeof key === 'number' ? `[${key}]` : `${index === 0 ? '' : '.'}${String(key)}`))
    .join('');
}
