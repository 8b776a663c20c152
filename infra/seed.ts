import { parseArgs } from 'node:util';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { loadConfig } from '../functions/lex-code-hook/config';
import { seedSampleData } from '../local/dynamodb/seed';

const USAGE = `Usage: npm run seed -- --orders-table <name> --stores-table <name> [--endpoint <url>]

Loads the sample orders and stores (the ones the local stack uses) into a deployed Parley's tables, leaving
items that are already there alone (a sample store seeded before stores had localized names only gets its
Spanish name added). The table names are the stack outputs OrdersTableName and
StoresTableName. Uses your AWS credentials and region, or, with --endpoint pointing at the local stack,
none at all.`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'orders-table': { type: 'string' },
      'stores-table': { type: 'string' },
      endpoint: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help || !values['orders-table'] || !values['stores-table']) {
    console.log(USAGE);
    process.exitCode = values.help ? 0 : 2;
    return;
  }
  const local = values.endpoint !== undefined && isLoopback(values.endpoint);
  const client = new DynamoDBClient({
    ...(values.endpoint ? { endpoint: values.endpoint } : {}),
    // The local stack accepts any signature: no account or variables needed to seed it.
    ...(local
      ? { region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
      : {}),
  });
  try {
    const inserted = await seedSampleData(
      DynamoDBDocumentClient.from(client),
      { orders: values['orders-table'], stores: values['stores-table'] },
      { now: Date.now(), storeTimeZone: loadConfig(process.env).storeTimeZone },
    );
    console.log(`Seeded ${inserted} new items into ${values['orders-table']} and ${values['stores-table']}.`);
  } finally {
    client.destroy();
  }
}

function isLoopback(endpoint: string): boolean {
  const host = new URL(endpoint).hostname;
  return host === 'localhost' || host === '[::1]' || /^127\./.test(host);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? `${error.name}: ${error.message}` : error);
  process.exit(1);
});
