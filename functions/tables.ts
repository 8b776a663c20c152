/**
 * The DynamoDB tables Parley's functions and channels use: the environment variable that names each one, its
 * default name, its keys (all strings) and its TTL attribute (epoch seconds). A production contract: the
 * infrastructure creates the tables from it and the local stack creates the same ones.
 */
export interface TableContract {
  envVar: string;
  defaultName: string;
  partitionKey: string;
  sortKey?: string;
  ttlAttribute?: string;
  /** What is in it, for the people who read a template or a console. */
  holds: string;
}

export const TABLE_CONTRACTS = {
  orders: {
    envVar: 'ORDERS_TABLE_NAME',
    defaultName: 'parley-orders',
    partitionKey: 'orderNumber',
    holds: 'orders, read by CheckOrderStatus',
  },
  stores: {
    envVar: 'STORES_TABLE_NAME',
    defaultName: 'parley-stores',
    partitionKey: 'storeId',
    holds: 'stores and their opening hours',
  },
  callbacks: {
    envVar: 'CALLBACKS_TABLE_NAME',
    defaultName: 'parley-callbacks',
    partitionKey: 'callbackId',
    holds: 'callbacks customers booked',
  },
  followups: {
    envVar: 'FOLLOWUPS_TABLE_NAME',
    defaultName: 'parley-followups',
    partitionKey: 'requestId',
    ttlAttribute: 'expiresAt',
    holds: '"text me the details" requests, sent as SMS from the table stream',
  },
  conversations: {
    envVar: 'CONVERSATIONS_TABLE_NAME',
    defaultName: 'parley-conversations',
    partitionKey: 'pk',
    sortKey: 'sk',
    ttlAttribute: 'expiresAt',
    holds: 'conversation memory, one item per turn',
  },
  knowledgeGaps: {
    envVar: 'KNOWLEDGE_GAPS_TABLE_NAME',
    defaultName: 'parley-knowledge-gaps',
    partitionKey: 'gapId',
    ttlAttribute: 'expiresAt',
    holds: 'questions the knowledge base did not answer well, for the FAQ owners',
  },
  idempotency: {
    envVar: 'IDEMPOTENCY_TABLE_NAME',
    defaultName: 'parley-idempotency',
    partitionKey: 'id',
    ttlAttribute: 'expiration',
    holds: 'Powertools idempotency records of functions that must act once (the follow-up texts)',
  },
  slackEvents: {
    envVar: 'SLACK_EVENTS_TABLE_NAME',
    defaultName: 'parley-slack-events',
    partitionKey: 'id',
    // Powertools idempotency's default name for its expiry attribute.
    ttlAttribute: 'expiration',
    holds: 'Slack messages and clicks already answered, and the threads Parley is in',
  },
} as const satisfies Record<string, TableContract>;

export type TableName = keyof typeof TABLE_CONTRACTS;

/** A table's name where it runs: its environment variable, or its default when that is unset or empty. */
export function tableNameIn(env: NodeJS.ProcessEnv, table: TableName): string {
  const contract: TableContract = TABLE_CONTRACTS[table];
  return env[contract.envVar] || contract.defaultName;
}
