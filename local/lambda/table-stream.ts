import { DynamoDBClient, ScanCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import type { LocalFunctions } from './functions';
import { invokeFunction } from './invoke';

export interface PendingItemsStreamOptions {
  endpoint: string;
  tableName: string;
  /** The attribute that marks an item the function has not handled yet, and its value. */
  pending: { attribute: string; value: string };
  keyAttribute: string;
  functionName: string;
  functions: LocalFunctions;
  intervalMs: number;
  log: (line: string) => void;
}

/**
 * dynalite has no DynamoDB Streams, so this stands in for the event source mapping a deployment has: it looks
 * for items still pending (the same filter the mapping applies), hands each to the function as the INSERT
 * record the stream would deliver, and does it again while the function leaves them pending. The function
 * is the one deployed; only the delivery is emulated.
 */
export function startPendingItemsStream(options: PendingItemsStreamOptions): { close(): Promise<void> } {
  const client = new DynamoDBClient({
    endpoint: options.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  let sequence = 0;
  let running: Promise<void> = Promise.resolve();
  const poll = async () => {
    const fn = options.functions.find(options.functionName);
    if (!fn) return;
    const { Items = [] } = await client.send(
      new ScanCommand({
        TableName: options.tableName,
        FilterExpression: '#pending = :pending',
        ExpressionAttributeNames: { '#pending': options.pending.attribute },
        ExpressionAttributeValues: { ':pending': { S: options.pending.value } },
      }),
    );
    if (Items.length === 0) return;
    const records = Items.map((item): DynamoDBRecord => {
      sequence += 1;
      return {
        eventID: `local-${sequence}`,
        eventName: 'INSERT',
        eventSource: 'aws:dynamodb',
        dynamodb: {
          Keys: { [options.keyAttribute]: item[options.keyAttribute] as AttributeValue } as never,
          NewImage: item as never,
          SequenceNumber: String(sequence),
          StreamViewType: 'NEW_IMAGE',
        },
      };
    });
    const outcome = await invokeFunction(
      fn.handler,
      { Records: records },
      { timeoutMs: fn.timeoutMs, functionName: fn.name },
    );
    if (outcome.kind !== 'returned')
      options.log(`stream: ${fn.name} failed on ${records.length} records; they stay pending`);
  };
  const timer = setInterval(() => {
    running = running.then(poll).catch((error: unknown) => options.log(`stream: ${String(error)}`));
  }, options.intervalMs);
  return {
    close: async () => {
      clearInterval(timer);
      await running;
      client.destroy();
    },
  };
}
