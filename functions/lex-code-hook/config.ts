import { z } from 'zod';

const tableName = (fallback: string) =>
  z
    .string()
    .regex(/^[A-Za-z0-9_.-]{3,255}$/, 'must be a DynamoDB table name: 3-255 of A-Z a-z 0-9 _ . -')
    .default(fallback);

const TimeZoneSchema = z
  .string()
  .default('America/New_York')
  .refine(isKnownTimeZone, { message: 'must be an IANA time zone known to Intl, like America/New_York' });

const EnvSchema = z.object({
  ORDERS_TABLE_NAME: tableName('parley-orders'),
  STORES_TABLE_NAME: tableName('parley-stores'),
  CALLBACKS_TABLE_NAME: tableName('parley-callbacks'),
  STORE_TIME_ZONE: TimeZoneSchema,
});

export interface TableNames {
  orders: string;
  stores: string;
  callbacks: string;
}

export interface CodeHookConfig {
  tableNames: TableNames;
  /** The stores' time zone: "today" and business hours are decided in it. */
  storeTimeZone: string;
}

export class InvalidConfigError extends Error {
  override readonly name = 'InvalidConfigError';
}

export function loadConfig(env: NodeJS.ProcessEnv): CodeHookConfig {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((issue) => `${issue.path.join('.')}: ${issue.message}`)
      .join('; ');
    throw new InvalidConfigError(`Invalid code hook configuration: ${problems}`);
  }
  const { ORDERS_TABLE_NAME, STORES_TABLE_NAME, CALLBACKS_TABLE_NAME, STORE_TIME_ZONE } = parsed.data;
  return {
    tableNames: { orders: ORDERS_TABLE_NAME, stores: STORES_TABLE_NAME, callbacks: CALLBACKS_TABLE_NAME },
    storeTimeZone: STORE_TIME_ZONE,
  };
}

function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}
