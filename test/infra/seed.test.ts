import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { CreateTableCommand, DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import { tableDefinition } from '../../local/dynamodb/tables';
import { useLocalStack } from '../support/local-stack';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '..', '..');

describe('npm run seed', () => {
  const fixture = useLocalStack();

  it('loads the sample orders and stores into the named tables once, with no AWS account or variables', async () => {
    const client = new DynamoDBClient({
      endpoint: fixture.stack.endpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    });
    await client.send(new CreateTableCommand(tableDefinition('orders', 'deployed-orders')));
    await client.send(new CreateTableCommand(tableDefinition('stores', 'deployed-stores')));
    const seed = () =>
      run(
        process.execPath,
        [
          path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'),
          'infra/seed.ts',
          '--orders-table',
          'deployed-orders',
          '--stores-table',
          'deployed-stores',
          '--endpoint',
          fixture.stack.endpoint,
        ],
        // Nothing from the developer's AWS setup: the local endpoint must need none of it.
        { cwd: ROOT, env: { PATH: process.env.PATH ?? '', HOME: '/nonexistent' } },
      );
    expect((await seed()).stdout).toMatch(/Seeded \d+ new items/);
    const orders = await client.send(new ScanCommand({ TableName: 'deployed-orders' }));
    expect(orders.Count).toBeGreaterThan(0);
    expect((await seed()).stdout).toMatch(/Seeded 0 new items/);
    client.destroy();
  }, 60_000);
});
