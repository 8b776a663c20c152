import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import fc from 'fast-check';
import {
  AwsSetupError,
  isLocalEndpoint,
  requireAwsSetup,
  toolClientConfig,
} from '../../local/aws-tool-config';
import { startLocalStack } from '../../local/stack';
import { useLocalStack } from '../support/local-stack';

const ROOT = path.resolve(__dirname, '..', '..');

/**
 * For each test of the enclosing block, a machine with no AWS setup: no AWS_* variable (the SDK's Node version
 * notice switch aside), an empty HOME (no ~/.aws) and no instance metadata; `extra` on top.
 */
function onMachineWithoutAws(extra: NodeJS.ProcessEnv = {}): { home: string } {
  const machine = { home: '' };
  let saved: NodeJS.ProcessEnv;
  beforeEach(async () => {
    machine.home = await mkdtemp(path.join(os.tmpdir(), 'parley-no-aws-'));
    saved = process.env;
    process.env = {
      ...Object.fromEntries(Object.entries(saved).filter(([name]) => !/^AWS_(?!SDK_JS_)/.test(name))),
      HOME: machine.home,
      AWS_EC2_METADATA_DISABLED: 'true',
      ...extra,
    };
  });
  afterEach(async () => {
    process.env = saved;
    await rm(machine.home, { recursive: true, force: true });
  });
  return machine;
}
const octet = fc.integer({ min: 0, max: 255 });

describe('isLocalEndpoint', () => {
  it('accepts localhost, ::1, every 127.x.y.z address and the unspecified address, with or without a port', () => {
    fc.assert(
      fc.property(octet, octet, octet, fc.option(fc.integer({ min: 1, max: 65535 })), (b, c, d, port) => {
        const suffix = port === null ? '' : `:${port}`;
        expect(isLocalEndpoint(`http://127.${b}.${c}.${d}${suffix}`)).toBe(true);
        expect(isLocalEndpoint(`http://localhost${suffix}/`)).toBe(true);
        expect(isLocalEndpoint(`http://[::1]${suffix}`)).toBe(true);
        expect(isLocalEndpoint(`http://0.0.0.0${suffix}`)).toBe(true);
        expect(isLocalEndpoint(`http://[::]${suffix}`)).toBe(true);
      }),
    );
  });

  it('refuses every other address and host, including names that start like a local address', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 255 }).filter((a) => a !== 127),
        octet,
        octet,
        octet,
        (a, b, c, d) => {
          expect(isLocalEndpoint(`http://${a}.${b}.${c}.${d}:4566`)).toBe(false);
          expect(isLocalEndpoint(`http://127.${b}.${c}.${d}.example.com`)).toBe(false);
        },
      ),
    );
    fc.assert(
      fc.property(fc.domain(), (domain) => {
        fc.pre(domain !== 'localhost');
        expect(isLocalEndpoint(`https://${domain}`)).toBe(false);
      }),
    );
    expect(isLocalEndpoint('https://dynamodb.us-east-1.amazonaws.com')).toBe(false);
    expect(isLocalEndpoint('not a url')).toBe(false);
  });
});

describe('toolClientConfig', () => {
  it('gives an endpoint on this machine a region and placeholder credentials, with nothing set', () => {
    expect(toolClientConfig({ endpoint: 'http://127.0.0.1:4566', service: 'DYNAMODB' }, {})).toEqual({
      endpoint: 'http://127.0.0.1:4566',
      region: 'us-east-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    expect(
      toolClientConfig({ endpoint: 'http://localhost:4566', service: 'POLLY' }, { AWS_REGION: 'eu-west-1' }),
    ).toMatchObject({ region: 'eu-west-1' });
  });

  it('finds the endpoint in the SDK variables, the per-service one first', () => {
    const env = {
      AWS_ENDPOINT_URL: 'https://example.com',
      AWS_ENDPOINT_URL_DYNAMODB: 'http://127.0.0.1:9000',
    };
    expect(toolClientConfig({ service: 'DYNAMODB' }, env)).toMatchObject({
      endpoint: 'http://127.0.0.1:9000',
      region: 'us-east-1',
    });
    expect(toolClientConfig({ service: 'LEX_RUNTIME_V2' }, env)).toEqual({ endpoint: 'https://example.com' });
    expect(toolClientConfig({ service: 'LEX_RUNTIME_V2' }, {})).toEqual({});
  });

  it('leaves region and credentials to the SDK for any other endpoint', () => {
    expect(toolClientConfig({ endpoint: 'http://10.0.0.5:4566', service: 'DYNAMODB' }, {})).toEqual({
      endpoint: 'http://10.0.0.5:4566',
    });
  });
});

describe('requireAwsSetup', () => {
  onMachineWithoutAws();

  it('passes the local stack with nothing set', async () => {
    const client = new DynamoDBClient(
      toolClientConfig({ endpoint: 'http://127.0.0.1:4566', service: 'DYNAMODB' }),
    );
    await expect(requireAwsSetup(client, '--endpoint http://127.0.0.1:4566')).resolves.toBeUndefined();
    client.destroy();
  });

  it('names what to set when no region is configured', async () => {
    const client = new DynamoDBClient(toolClientConfig({ service: 'DYNAMODB' }));
    const check = requireAwsSetup(client, '--endpoint http://127.0.0.1:4566');
    await expect(check).rejects.toBeInstanceOf(AwsSetupError);
    await expect(check).rejects.toThrow(
      /^No AWS region: set AWS_REGION .*--endpoint http:\/\/127\.0\.0\.1:4566/,
    );
    client.destroy();
  });

  it('names what to set when no credentials are found', async () => {
    process.env.AWS_REGION = 'us-east-1';
    const client = new DynamoDBClient(toolClientConfig({ service: 'DYNAMODB' }));
    await expect(requireAwsSetup(client, '--endpoint http://127.0.0.1:4566')).rejects.toThrow(
      /^No AWS credentials .*set AWS_PROFILE .*AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY/,
    );
    client.destroy();
  });
});

describe('npm start with only Bedrock real', () => {
  const machine = onMachineWithoutAws({
    AWS_ENDPOINT_URL_BEDROCK_RUNTIME: 'https://bedrock-runtime.us-east-1.amazonaws.com',
  });

  it('refuses to start without credentials, saying what to set, and leaves no lock behind', async () => {
    const dataDir = path.join(machine.home, 'data');
    const start = startLocalStack({ dataDir, log: () => undefined });
    await expect(start).rejects.toBeInstanceOf(AwsSetupError);
    await expect(start).rejects.toThrow(/^No AWS credentials .*set AWS_PROFILE/);
    expect(existsSync(path.join(dataDir, 'parley.pid'))).toBe(false);
    // Signing the real service's requests with the local stack's placeholders would fail every answer later.
    expect(process.env.AWS_ACCESS_KEY_ID).toBeUndefined();
  });
});

describe('the tools a user runs, on a machine with no AWS setup', () => {
  const fixture = useLocalStack();
  let home: string;
  beforeAll(async () => {
    home = await mkdtemp(path.join(os.tmpdir(), 'parley-no-aws-'));
  });
  afterAll(() => rm(home, { recursive: true, force: true }));

  /** npm run, with no AWS_* variable and an empty HOME, so neither the environment nor ~/.aws helps. */
  function npmRun(script: string, args: string[]) {
    return promisify(execFile)('npm', ['run', '-s', script, '--', ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: home, AWS_EC2_METADATA_DISABLED: 'true' },
    });
  }

  it('call and knowledge:gaps work against the local stack, as npm start prints them', async () => {
    const out = path.join(home, 'calls');
    const call = await npmRun('call', ['--endpoint', fixture.stack.endpoint, '--out', out, 'dtmf:10001#']);
    expect(call.stdout).toContain(`at ${fixture.stack.endpoint}`);
    expect(call.stdout).toMatch(/ 1 caller presses 10001# -> heard as DTMF: "10001"/);
    const gaps = await npmRun('knowledge:gaps', ['--endpoint', fixture.stack.endpoint]);
    expect(gaps.stdout).toMatch(/^\d+ unanswered questions? in \d+ groups \(parley-knowledge-gaps\)/);
  }, 90_000);

  it('knowledge:gaps against AWS says what to set instead of "Region is missing"', async () => {
    const run = npmRun('knowledge:gaps', []);
    await expect(run).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/^No AWS region: set AWS_REGION/),
    });
  }, 60_000);
});
