import { LambdaClient } from '@aws-sdk/client-lambda';
import { loadIngressConfig, loadWorkerConfig } from '../channels/slack/config';
import { parseSlackSecrets } from '../channels/slack/secrets';
import { invokeWorkerAsync } from '../channels/slack/worker-queue';
import { startSocketMode } from '../channels/slack/socket-mode';
import { writeJson } from './edge/aws-response';
import type { EdgeService } from './edge/service';
import { createFunctionUrlService } from './lambda/function-url';
import type { LocalFunctions } from './lambda/functions';
import type { LambdaHandler } from './lambda/invoke';
import type { LocalSecretsManager } from './secrets-manager/service';

/** Where Slack's Events API and interactivity requests reach the local stack. */
export const SLACK_EVENTS_PATH = '/slack/events';
const INGRESS_FUNCTION = 'parley-slack-ingress';
const WORKER_FUNCTION = 'parley-slack-worker';
/** A little under the deployed worker's timeout: long enough for a slow model, short of Slack's patience. */
const WORKER_TIMEOUT_MS = 60_000;
const INGRESS_TIMEOUT_MS = 3_000;

export const HOW_TO_ENABLE_SLACK =
  'Slack: off (set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET to serve it; see README "Slack")';

export type SlackChannelStatus =
  { enabled: false; summary: string } | { enabled: true; summary: string; close(): Promise<void> };

export interface SlackChannelOptions {
  functions: LocalFunctions;
  secrets: LocalSecretsManager;
  services: EdgeService[];
  endpoint: string;
  /** The bot and its staff alias, which the Slack worker calls. */
  lex: { botId: string; staffAliasId: string };
  log: (line: string) => void;
}

/**
 * Deploys the Slack channel onto the local stack the way the infrastructure deploys it: the ingress
 * function behind a function URL (here `POST /slack/events` on the edge port), the worker invoked
 * asynchronously through the Lambda API, and, when an app token is set, Socket Mode feeding the same hand-off.
 * Without tokens the route explains how to turn the channel on.
 */
export async function deploySlackChannel(options: SlackChannelOptions): Promise<SlackChannelStatus> {
  const env = process.env;
  if (!env.SLACK_BOT_TOKEN || !env.SLACK_SIGNING_SECRET) {
    options.services.push(slackOffService());
    return { enabled: false, summary: HOW_TO_ENABLE_SLACK };
  }
  // As deployed: the tokens go into the Slack secret, which the functions read on their first invocation.
  const secret = parseSlackSecrets(
    { botToken: env.SLACK_BOT_TOKEN, signingSecret: env.SLACK_SIGNING_SECRET },
    'SLACK_BOT_TOKEN / SLACK_SIGNING_SECRET',
  );
  env.SLACK_SECRET_ARN = options.secrets.put('parley/slack', JSON.stringify(secret));
  env.LEX_BOT_ID ??= options.lex.botId;
  env.LEX_BOT_ALIAS_ID ??= options.lex.staffAliasId;
  env.SLACK_WORKER_FUNCTION_NAME ??= WORKER_FUNCTION;
  // Fail at start with the reason, not on the first message.
  loadIngressConfig(env);
  const worker = loadWorkerConfig(env);
  options.functions.deploy({
    name: INGRESS_FUNCTION,
    handler: lambdaHandler('ingress'),
    timeoutMs: INGRESS_TIMEOUT_MS,
  });
  options.functions.deploy({
    name: env.SLACK_WORKER_FUNCTION_NAME,
    handler: lambdaHandler('worker'),
    timeoutMs: WORKER_TIMEOUT_MS,
  });
  options.services.push(
    createFunctionUrlService(
      { path: SLACK_EVENTS_PATH, functionName: INGRESS_FUNCTION },
      options.functions,
      options.log,
    ),
  );
  const transports = [`HTTP ${options.endpoint}${SLACK_EVENTS_PATH}`];
  let socketMode: { close(): Promise<void> } | undefined;
  if (env.SLACK_APP_TOKEN) {
    const lambda = new LambdaClient({ endpoint: options.endpoint });
    socketMode = await startSocketMode({
      appToken: env.SLACK_APP_TOKEN,
      ...(worker.SLACK_API_URL ? { slackApiUrl: worker.SLACK_API_URL } : {}),
      handOff: invokeWorkerAsync(lambda, env.SLACK_WORKER_FUNCTION_NAME),
      log: options.log,
    });
    transports.push('Socket Mode');
  }
  return {
    enabled: true,
    summary:
      `Slack: on (${transports.join(' and ')}; Web API ${worker.SLACK_API_URL ?? 'https://slack.com/api/'}; ` +
      `staff alias ${worker.LEX_BOT_ALIAS_ID}${worker.SLACK_SUPPORT_CHANNEL ? `; hand-offs to ${worker.SLACK_SUPPORT_CHANNEL}` : ''})`,
    close: async () => {
      await socketMode?.close();
    },
  };
}

/** Loaded on first use, so a stack without Slack never loads Bolt. */
function lambdaHandler(kind: 'ingress' | 'worker'): LambdaHandler {
  return (event, context) => {
    /* eslint-disable @typescript-eslint/no-require-imports */
    const module = (
      kind === 'ingress'
        ? require('../channels/slack/lambda/ingress')
        : require('../channels/slack/lambda/worker')
    ) as { handler: LambdaHandler };
    /* eslint-enable @typescript-eslint/no-require-imports */
    return module.handler(event, context);
  };
}

function slackOffService(): EdgeService {
  return {
    name: 'slack (off)',
    matches: (req) => (req.url ?? '').split('?')[0] === SLACK_EVENTS_PATH,
    handle: (_req, res) => writeJson(res, 404, { error: HOW_TO_ENABLE_SLACK }),
  };
}
