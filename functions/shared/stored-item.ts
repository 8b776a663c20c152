import * as z from 'zod/mini';

/** A stored item that does not match its schema: bad data, reported with the table and key to fix. */
export class InvalidItemError extends Error {
  override readonly name = 'InvalidItemError';

  constructor(tableName: string, key: string, error: z.core.$ZodError) {
    const problems = error.issues
      .map((issue) => `${issue.path.join('.') || '(item)'}: ${issue.message}`)
      .join('; ');
    super(`Invalid item ${key} in table ${tableName}: ${problems}`);
  }
}

export function parseItem<T>(schema: z.core.$ZodType<T>, item: unknown, tableName: string, key: string): T {
  const parsed = z.safeParse(schema, item);
  if (!parsed.success) throw new InvalidItemError(tableName, key, parsed.error);
  return parsed.data;
}
