/**
 * The Slack channel's DynamoDB table: which messages and clicks were already answered (Powertools
 * idempotency records) and which threads Parley takes part in. One small table, every item with a TTL.
 */
export const SLACK_EVENTS_TABLE = {
  defaultName: 'parley-slack-events',
  partitionKey: 'id',
  /** Epoch seconds; the table's TTL attribute (Powertools' default name for it). */
  ttlAttribute: 'expiration',
} as const;
