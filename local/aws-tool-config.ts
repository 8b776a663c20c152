/** Tooling only (the command-line tools); the Lambdas never import this file. */

/** The local stack accepts any signature; these only give the SDK's signer something to sign with. */
const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' } as const;
const LOCAL_DEFAULT_REGION = 'us-east-1';

/** The per-service endpoint variable's suffix (AWS_ENDPOINT_URL_<SERVICE>) of the client a tool builds. */
export type AwsServiceId = 'DYNAMODB' | 'LEX_RUNTIME_V2' | 'POLLY';

export interface ToolClientConfig {
  endpoint?: string;
  region?: string;
  credentials?: { accessKeyId: string; secretAccessKey: string };
}

/** The part of an SDK v3 client that says what it would sign with; resolving it throws when none is set. */
export interface ResolvableClient {
  config: { region(): Promise<string>; credentials(): Promise<unknown> };
}

/** What a tool could not find: names what to set, instead of the SDK's "Region is missing". */
export class AwsSetupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AwsSetupError';
  }
}

/**
 * An endpoint on this machine: localhost, 127.0.0.0/8, ::1, or the unspecified address (0.0.0.0, ::) that
 * `npm start -- --host 0.0.0.0` prints, which as a destination reaches this machine.
 */
export function isLocalEndpoint(endpoint: string): boolean {
  let host: string;
  try {
    host = new URL(endpoint).hostname;
  } catch {
    return false;
  }
  return (
    host === 'localhost' ||
    host === '[::1]' ||
    host === '0.0.0.0' ||
    host === '[::]' ||
    /^127\.(25[0-5]|2[0-4]\d|1?\d?\d)\.(25[0-5]|2[0-4]\d|1?\d?\d)\.(25[0-5]|2[0-4]\d|1?\d?\d)$/.test(host)
  );
}

/**
 * The endpoint a tool's client talks to: the one given (--endpoint), else the SDK's own variables
 * (the per-service one wins over AWS_ENDPOINT_URL, as in the SDK).
 */
export function toolEndpoint(
  given: string | undefined,
  service: AwsServiceId,
  env: NodeJS.ProcessEnv = process.env,
): string | undefined {
  return given ?? env[`AWS_ENDPOINT_URL_${service}`] ?? env.AWS_ENDPOINT_URL;
}

/**
 * SDK client configuration for a command-line tool. Against the local stack (an endpoint on this machine) a
 * region (AWS_REGION when set) and placeholder credentials, so the tool works with no AWS account, variables
 * or ~/.aws; anywhere else only the endpoint, leaving region and credentials to the SDK's usual sources.
 */
export function toolClientConfig(
  options: { endpoint?: string; service: AwsServiceId },
  env: NodeJS.ProcessEnv = process.env,
): ToolClientConfig {
  const endpoint = toolEndpoint(options.endpoint, options.service, env);
  if (endpoint === undefined) return {};
  if (!isLocalEndpoint(endpoint)) return { endpoint };
  return {
    endpoint,
    region: env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? LOCAL_DEFAULT_REGION,
    credentials: { ...LOCAL_CREDENTIALS },
  };
}

/**
 * Resolves the client's region and credentials the way its first request would, and turns a failure into an
 * AwsSetupError saying what to set. `localOption` is how this tool is pointed at the local stack instead;
 * `endpoint`, the endpoint the tool was given, if any (it may be a Parley stack on another host).
 */
export async function requireAwsSetup(
  client: ResolvableClient,
  localOption: string,
  endpoint?: string,
): Promise<void> {
  const local = `or, for the local stack, ${localOption}.`;
  const remoteStack =
    endpoint === undefined
      ? ''
      : ` If ${endpoint} is a Parley stack, any values do: AWS_REGION=us-east-1 AWS_ACCESS_KEY_ID=local ` +
        'AWS_SECRET_ACCESS_KEY=local.';
  try {
    await client.config.region();
  } catch {
    throw new AwsSetupError(
      `No AWS region: set AWS_REGION (or a region for your profile in ~/.aws/config), ${local}${remoteStack}`,
    );
  }
  try {
    await client.config.credentials();
  } catch (error) {
    throw new AwsSetupError(
      `No AWS credentials (${error instanceof Error ? error.message : String(error)}): set AWS_PROFILE ` +
        `(after aws configure or aws sso login) or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, ${local}` +
        remoteStack,
    );
  }
}
