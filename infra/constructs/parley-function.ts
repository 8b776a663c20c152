import path from 'node:path';
import { Validations, type Duration } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime, type IFunction } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat, type ICommandHooks } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';

export const REPOSITORY_ROOT = path.resolve(__dirname, '..', '..');

export interface ParleyFunctionProps {
  /** The handler module, relative to the repository root (`functions/lex-code-hook/handler.ts`). */
  entry: string;
  description: string;
  memorySize: number;
  timeout: Duration;
  environment: Record<string, string>;
  logRetention: RetentionDays;
  /** Files to put beside the bundle (the knowledge index). */
  assets?: { from: string; name: string }[];
}

/**
 * One Lambda function of Parley, built the same way for every handler: esbuild from the TypeScript source,
 * minified with source maps, the AWS SDK bundled (the versions the tests ran, not the runtime's), on arm64
 * nodejs22.x, with its own log group. Local bundling only: no Docker needed to synthesize.
 */
export class ParleyFunction extends Construct {
  readonly fn: NodejsFunction;

  constructor(scope: Construct, id: string, props: ParleyFunctionProps) {
    super(scope, id);
    const logGroup = new LogGroup(this, 'Logs', { retention: props.logRetention });
    // Its own role with write access to its own log group only, instead of the managed basic execution role,
    // which allows writing to every log group of the account.
    const role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: props.description,
    });
    logGroup.grantWrite(role);
    this.fn = new NodejsFunction(this, 'Function', {
      role,
      entry: path.join(REPOSITORY_ROOT, props.entry),
      handler: 'handler',
      projectRoot: REPOSITORY_ROOT,
      depsLockFilePath: path.join(REPOSITORY_ROOT, 'package-lock.json'),
      description: props.description,
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize,
      timeout: props.timeout,
      logGroup,
      environment: { NODE_OPTIONS: '--enable-source-maps', ...props.environment },
      bundling: {
        minify: true,
        sourceMap: true,
        sourcesContent: false,
        target: 'node22',
        format: OutputFormat.CJS,
        externalModules: [],
        forceDockerBundling: false,
        ...(props.assets?.length ? { commandHooks: copyAssets(props.assets) } : {}),
      },
    });
    Validations.of(this.fn).acknowledge({
      id: 'AwsSolutions-L1',
      reason:
        'nodejs22.x on purpose: the newest runtime whose Node version the project also develops and tests on ' +
        '(Node 20/22 machines); moving to a newer runtime is a tested change, not an automatic one.',
    });
  }

  get function(): IFunction {
    return this.fn;
  }
}

function copyAssets(assets: { from: string; name: string }[]): ICommandHooks {
  return {
    beforeBundling: () => [],
    beforeInstall: () => [],
    afterBundling: (_inputDir, outputDir) =>
      assets.map(
        (asset) => `cp ${JSON.stringify(asset.from)} ${JSON.stringify(path.join(outputDir, asset.name))}`,
      ),
  };
}
