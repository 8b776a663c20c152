import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import {
  DeleteCommand,
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  ScanCommand,
} from '@aws-sdk/lib-dynamodb';
import { OrderSchema } from '../../../functions/lex-code-hook/data/orders';
import { StoreSchema } from '../../../functions/lex-code-hook/data/stores';
import { SEED_STORES, seedOrders } from '../../../local/dynamodb/seed-data';
import { ensureTables } from '../../../local/dynamodb/seed';
import { TABLE_CONTRACTS } from '../../../functions/tables';
import { tableDefinition } from '../../../local/dynamodb/tables';
import { startTestDynamoDb, type TestDynamoDb } from './harness';

const NOW = Date.parse('2026-03-10T15:00:00Z');
const TIME_ZONE = 'America/New_York';
let db: TestDynamoDb;
let documents: DynamoDBDocumentClient;

beforeEach(async () => {
  db = await startTestDynamoDb();
  documents = DynamoDBDocumentClient.from(db.client);
});
afterEach(() => db.stop());

describe('ensureTables', () => {
  it('creates the business, follow-up, memory, knowledge-gap, Slack and idempotency tables on demand billing with string keys', async () => {
    const result = await ensureTables(db.client, { now: NOW, storeTimeZone: TIME_ZONE });
    expect(result).toEqual({
      createdTables: [
        'parley-orders',
        'parley-stores',
        'parley-callbacks',
        'parley-followups',
        'parley-conversations',
        'parley-knowledge-gaps',
        'parley-idempotency',
        'parley-slack-events',
      ],
      insertedItems: 8,
    });
    const conversations = await db.client.send(
      new DescribeTableCommand({ TableName: 'parley-conversations' }),
    );
    expect(conversations.Table?.KeySchema).toEqual([
      { AttributeName: 'pk', KeyType: 'HASH' },
      { AttributeName: 'sk', KeyType: 'RANGE' },
    ]);
    const slackEvents = await db.client.send(new DescribeTableCommand({ TableName: 'parley-slack-events' }));
    expect(slackEvents.Table?.KeySchema).toEqual([{ AttributeName: 'id', KeyType: 'HASH' }]);
    for (const logical of ['orders', 'stores', 'callbacks', 'followups'] as const) {
      const key = TABLE_CONTRACTS[logical].partitionKey;
      const { Table } = await db.client.send(new DescribeTableCommand({ TableName: `parley-${logical}` }));
      expect(Table?.TableStatus).toBe('ACTIVE');
      expect(Table?.KeySchema).toEqual([{ AttributeName: key, KeyType: 'HASH' }]);
      expect(Table?.BillingModeSummary?.BillingMode).toBe('PAY_PER_REQUEST');
    }
  });

  it('seeds orders dated around the seeding time', async () => {
    await ensureTables(db.client, { now: NOW, storeTimeZone: TIME_ZONE });
    const shipped = await documents.send(
      new GetCommand({ TableName: 'parley-orders', Key: { orderNumber: '10001' } }),
    );
    expect(shipped.Item).toMatchObject({ status: 'shipped', carrier: 'UPS', expectedDelivery: '2026-03-12' });
    const delivered = await documents.send(
      new GetCommand({ TableName: 'parley-orders', Key: { orderNumber: '10003' } }),
    );
    expect(delivered.Item).toMatchObject({ status: 'delivered', deliveredOn: '2026-03-07' });
  });

  it('is idempotent and never overwrites data changed since seeding', async () => {
    await ensureTables(db.client, { now: NOW, storeTimeZone: TIME_ZONE });
    await documents.send(
      new PutCommand({ TableName: 'parley-orders', Item: { orderNumber: '10002', status: 'cancelled' } }),
    );
    const again = await ensureTables(db.client, { now: NOW + 86_400_000, storeTimeZone: TIME_ZONE });
    expect(again).toEqual({ createdTables: [], insertedItems: 0 });
    const changed = await documents.send(
      new GetCommand({ TableName: 'parley-orders', Key: { orderNumber: '10002' } }),
    );
    expect(changed.Item).toEqual({ orderNumber: '10002', status: 'cancelled' });
    const shipped = await documents.send(
      new GetCommand({ TableName: 'parley-orders', Key: { orderNumber: '10001' } }),
    );
    expect(shipped.Item?.expectedDelivery).toBe('2026-03-12');
    const { Items } = await documents.send(new ScanCommand({ TableName: 'parley-stores' }));
    expect(Items).toHaveLength(4);
  });

  it('puts back a seed item that was deleted, and only that one', async () => {
    await ensureTables(db.client, { now: NOW, storeTimeZone: TIME_ZONE });
    await documents.send(new DeleteCommand({ TableName: 'parley-stores', Key: { storeId: 'airport' } }));
    expect(await ensureTables(db.client, { now: NOW, storeTimeZone: TIME_ZONE })).toEqual({
      createdTables: [],
      insertedItems: 1,
    });
  });

  it('adds the sample names to a sample store seeded before it had localized names, and changes nothing else', async () => {
    await ensureTables(db.client, { now: NOW, storeTimeZone: TIME_ZONE });
    const withoutNames = (storeId: string) => {
      const store = { ...SEED_STORES.find((seeded) => seeded.storeId === storeId)! };
      delete store.localizedNames;
      delete store.localizedAddresses;
      return store;
    };
    const stores = [
      // Seeded before localized names existed, then edited while testing: gets the names, keeps the edit.
      { ...withoutNames('downtown'), address: '1 New Street' },
      // Renamed while testing: no longer the sample store, left alone.
      { ...withoutNames('airport'), name: 'Airfield' },
      // Given its own names while testing: kept.
      { ...withoutNames('northgate'), localizedNames: { es_US: 'Puerta Norte' } },
    ];
    for (const Item of stores) await documents.send(new PutCommand({ TableName: 'parley-stores', Item }));

    expect(await ensureTables(db.client, { now: NOW, storeTimeZone: TIME_ZONE })).toEqual({
      createdTables: [],
      insertedItems: 0,
    });
    const stored = async (storeId: string) =>
      (await documents.send(new GetCommand({ TableName: 'parley-stores', Key: { storeId } }))).Item;
    expect(await stored('downtown')).toEqual({
      ...withoutNames('downtown'),
      address: '1 New Street',
      localizedNames: { es_US: 'Centro' },
    });
    expect(await stored('airport')).toEqual({ ...withoutNames('airport'), name: 'Airfield' });
    expect((await stored('northgate'))?.localizedNames).toEqual({ es_US: 'Puerta Norte' });
    expect((await stored('riverside-mall'))?.localizedNames).toEqual({ es_US: 'Centro Comercial Riverside' });
  });

  it('adds the words for the sample address only to a store that still has that address', async () => {
    await ensureTables(db.client, { now: NOW, storeTimeZone: TIME_ZONE });
    const sample = SEED_STORES.find((seeded) => seeded.storeId === 'airport')!;
    const { localizedAddresses, ...withoutAddresses } = sample;
    const stored = async () =>
      (await documents.send(new GetCommand({ TableName: 'parley-stores', Key: { storeId: 'airport' } })))
        .Item;

    await documents.send(new PutCommand({ TableName: 'parley-stores', Item: withoutAddresses }));
    await ensureTables(db.client, { now: NOW, storeTimeZone: TIME_ZONE });
    expect((await stored())?.localizedAddresses).toEqual(localizedAddresses);

    const moved = { ...withoutAddresses, address: 'Terminal C, arrivals level' };
    await documents.send(new PutCommand({ TableName: 'parley-stores', Item: moved }));
    await ensureTables(db.client, { now: NOW, storeTimeZone: TIME_ZONE });
    expect(await stored()).toEqual(moved);
  });

  it('uses the table names it is given (or the code hook environment)', async () => {
    const tableNames = {
      orders: 'test-orders',
      stores: 'test-stores',
      callbacks: 'test-callbacks',
      followups: 'test-followups',
    };
    const result = await ensureTables(db.client, { tableNames, now: NOW, storeTimeZone: TIME_ZONE });
    expect(result.createdTables.slice(0, 4)).toEqual([
      'test-orders',
      'test-stores',
      'test-callbacks',
      'test-followups',
    ]);
    expect(tableDefinition('orders', tableNames.orders).TableName).toBe('test-orders');
  });
});

describe('seed data', () => {
  it('matches the schemas the code hook reads with', () => {
    for (const order of seedOrders(NOW, TIME_ZONE)) expect(OrderSchema.safeParse(order).success).toBe(true);
    for (const store of SEED_STORES) expect(StoreSchema.safeParse(store).success).toBe(true);
  });

  it('covers every order status and keys each store by its slot value', () => {
    expect(
      seedOrders(NOW, TIME_ZONE)
        .map((order) => order.status)
        .sort(),
    ).toEqual(['cancelled', 'delivered', 'processing', 'shipped']);
    expect(SEED_STORES.map((store) => store.name)).toEqual([
      'Downtown',
      'Airport',
      'Riverside Mall',
      'Northgate',
    ]);
  });
});
