import { parseArgs } from 'node:util';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { loadConfig } from '../functions/lex-code-hook/config';
import { AwsSetupError, requireAwsSetup, toolClientConfig } from '../local/aws-tool-config';
import { seedSampleData } from '../local/dynamodb/seed';

const USAGE = `Usage: npm run seed -- --orders-table <name> --stores-table <name> [--endpoint <url>]

Loads the sample orders and stores (the ones the local stack uses) into a deployed Parley's tables, leaving
items that are already there alone (a sample store seeded before stores had localized names only gets its
Spanish name added). The table names are the stack outputs OrdersTableName and
StoresTableName. Uses your AWS credentials and region, or, with --endpoint pointing at the local stack,
none at all.`;

async function main(): Promise<void> {
  // Lambda runs nodejs22.x; the SDK's warning about this machine's Node 20 says nothing about the data.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
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
  const client = new DynamoDBClient(toolClientConfig({ endpoint: values.endpoint, service: 'DYNAMODB' }));
  try {
    await requireAwsSetup(client, '--endpoint http://127.0.0.1:4566', values.endpoint);
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

main().catch((error: unknown) => {
  console.error(
    error instanceof AwsSetupError
      ? error.message
      : error instanceof Error
        ? `${error.name}: ${error.message}`
        : error,
  );
  process.exit(1);
});
