import { z } from 'zod';
import { didYouMean } from './closest-name';
import type { FileProblem, PathSegment } from './problems';

export type SchemaResult<T> = { success: true; data: T } | { success: false; problems: FileProblem[] };

/** Validates a parsed YAML value and turns zod issues into problems worded for someone editing YAML. */
export function parseWithSchema<S extends z.ZodType>(schema: S, value: unknown): SchemaResult<z.output<S>> {
  const result = schema.safeParse(value);
  if (result.success) return { success: true, data: result.data };
  return {
    success: false,
    problems: result.error.issues.flatMap((issue) => issueProblems(schema, value, issue)),
  };
}

function issueProblems(schema: z.ZodType, value: unknown, issue: z.core.$ZodIssue): FileProblem[] {
  const path = issue.path.filter((segment): segment is PathSegment => typeof segment !== 'symbol');
  switch (issue.code) {
    case 'unrecognized_keys': {
      const known = knownKeys(schema, path);
      return issue.keys.map((key) => ({ path: [...path, key], message: unknownKeyMessage(key, known) }));
    }
    case 'invalid_type':
      return [{ path, message: wrongTypeMessage(issue.expected, valueAt(value, path), path) }];
    default:
      return [{ path, message: issue.message }];
  }
}

function unknownKeyMessage(key: string, known: readonly string[]): string {
  const suggestion = didYouMean(key, known);
  const hint = suggestion !== '' || known.length === 0 ? suggestion : `; allowed here: ${known.join(', ')}`;
  // Strictness mirrors CloudFormation, which fails the whole deployment on one unknown key.
  return `unknown property "${key}" (CloudFormation rejects unknown properties)${hint}`;
}

function wrongTypeMessage(expected: string, actual: unknown, path: readonly PathSegment[]): string {
  if (path.length === 0 && (actual === null || actual === undefined))
    return 'the file is empty; expected a YAML mapping';
  if (actual === undefined) return `required property is missing (expected ${describeExpected(expected)})`;
  const quoteHint =
    expected === 'string' && (typeof actual === 'number' || typeof actual === 'boolean')
      ? '; quote it in YAML to keep it text'
      : '';
  return `expected ${describeExpected(expected)}, got ${describeActual(actual)}${quoteHint}`;
}

function describeExpected(expected: string): string {
  if (expected === 'object') return 'a mapping';
  if (expected === 'array') return 'a list';
  return `a ${expected}`;
}

function describeActual(actual: unknown): string {
  if (actual === null) return 'null (an empty value)';
  if (Array.isArray(actual)) return 'a list';
  if (typeof actual === 'object') return 'a mapping';
  if (typeof actual === 'string')
    return `the text ${JSON.stringify(actual.length > 40 ? `${actual.slice(0, 40)}…` : actual)}`;
  return `the ${typeof actual} ${String(actual)}`;
}

function valueAt(root: unknown, path: readonly PathSegment[]): unknown {
  let current = root;
  for (const segment of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<PathSegment, unknown>)[segment];
  }
  return current;
}

/** The property names the schema allows at `path`, for suggesting the intended one after a typo. */
function knownKeys(schema: z.ZodType, path: readonly PathSegment[]): string[] {
  let current: z.ZodType | undefined = schema;
  for (const segment of path) {
    current = unwrap(current);
    if (current instanceof z.ZodObject)
      current = (current.shape as Record<string, z.ZodType>)[String(segment)];
    else if (current instanceof z.ZodArray) current = current.element as z.ZodType;
    else if (current instanceof z.ZodRecord) current = current.valueType as z.ZodType;
    else return [];
  }
  const target = unwrap(current);
  return target instanceof z.ZodObject ? Object.keys(target.shape) : [];
}

function unwrap(schema: z.ZodType | undefined): z.ZodType | undefined {
  let current = schema;
  while (
    current instanceof z.ZodOptional ||
    current instanceof z.ZodDefault ||
    current instanceof z.ZodNullable
  ) {
    current = current.unwrap() as z.ZodType;
  }
  return current;
}
