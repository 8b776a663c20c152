import type { z } from 'zod';

/** `raw` as JSON that `schema` accepts; undefined for anything else, invalid JSON included. */
export function parseJsonWith<T>(schema: z.ZodType<T>, raw: string | undefined): T | undefined {
  if (raw === undefined) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return undefined;
  }
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}
