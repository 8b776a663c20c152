import * as z from 'zod/mini';

/** `raw` as JSON that `schema` accepts; undefined for anything else, invalid JSON included. */
export function parseJsonWith<T>(schema: z.core.$ZodType<T>, raw: string | undefined): T | undefined {
  if (raw === undefined) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return undefined;
  }
  const parsed = z.safeParse(schema, value);
  return parsed.success ? parsed.data : undefined;
}
