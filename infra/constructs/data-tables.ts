import { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, BillingMode, StreamViewType, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import { TABLE_CONTRACTS, type TableName } from '../../functions/tables';

/**
 * Every table from the contract in functions/tables.ts: on demand (an idle month costs nothing), point-in-time
 * recovery, encrypted, TTL where the items carry an expiry, and kept when the stack is deleted, because they
 * hold customers' data. The follow-ups table streams new items to the SMS sender.
 */
export class DataTables extends Construct {
  readonly tables: Readonly<Record<TableName, Table>>;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    const tables = {} as Record<TableName, Table>;
    for (const [name, contract] of Object.entries(TABLE_CONTRACTS) as [
      TableName,
      (typeof TABLE_CONTRACTS)[TableName],
    ][]) {
      tables[name] = new Table(this, pascal(name), {
        partitionKey: { name: contract.partitionKey, type: AttributeType.STRING },
        ...('sortKey' in contract ? { sortKey: { name: contract.sortKey, type: AttributeType.STRING } } : {}),
        ...('ttlAttribute' in contract ? { timeToLiveAttribute: contract.ttlAttribute } : {}),
        ...(name === 'followups' ? { stream: StreamViewType.NEW_IMAGE } : {}),
        billingMode: BillingMode.PAY_PER_REQUEST,
        pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
        encryption: TableEncryption.AWS_MANAGED,
        deletionProtection: true,
        removalPolicy: RemovalPolicy.RETAIN,
      });
    }
    this.tables = tables;
  }

  /** The environment variables that tell a function each table's name. */
  environment(names: readonly TableName[]): Record<string, string> {
    return Object.fromEntries(
      names.map((name) => [TABLE_CONTRACTS[name].envVar, this.tables[name].tableName]),
    );
  }
}

function pascal(name: string): string {
  return `${name.charAt(0).toUpperCase()}${name.slice(1)}Table`;
}
