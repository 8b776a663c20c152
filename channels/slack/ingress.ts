import { z } from 'zod';
import { isParleyAction } from './actions';
import {
  BlockActionsSchema,
  EventCallbackSchema,
  MessageEventSchema,
  mayNeedAnswer,
  UrlVerificationSchema,
  type SlackWork,
} from './payloads';
import { verifySlackSignature } from './signature';
import { issueList } from '../../functions/shared/zod-issues';

export interface SlackHttpRequest {
  /** Header names in lower case, as a function URL and Node give them. */
  headers: Record<string, string | undefined>;
  rawBody: string;
}

export interface SlackHttpAnswer {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}

export interface IngressDependencies {
  signingSecret: string;
  /** Epoch seconds now. */
  nowSeconds: () => number;
  /** Queues the work for the worker; resolves once the queue has it (a rejection makes Slack retry). */
  handOff: (work: SlackWork) => Promise<void>;
  log: (message: string, details?: Record<string, unknown>) => void;
}

/** Slack's own limit on an Events API or interactivity body is far below this. */
export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * The Slack endpoint (Events API and interactivity): checks the signature, decides whether the request
 * needs an answer, hands that work to the worker and acknowledges, all well inside Slack's 3 seconds. It
 * calls nothing slow: Lex and the model run in the worker. A request that fails here gets a 4xx naming the
 * problem and no side effect; only a failed hand-off answers 500, so that Slack delivers it again.
 */
export async function receiveSlackRequest(
  request: SlackHttpRequest,
  deps: IngressDependencies,
): Promise<SlackHttpAnswer> {
  if (Buffer.byteLength(request.rawBody, 'utf8') > MAX_BODY_BYTES) return refuse(413, 'body too large');
  const verdict = verifySlackSignature({
    signingSecret: deps.signingSecret,
    timestamp: request.headers['x-slack-request-timestamp'],
    signature: request.headers['x-slack-signature'],
    rawBody: request.rawBody,
    nowSeconds: deps.nowSeconds(),
  });
  if (!verdict.valid) {
    deps.log('Refused a Slack request', { reason: verdict.reason });
    return refuse(401, verdict.reason);
  }
  const body = parseBody(request.headers['content-type'] ?? '', request.rawBody);
  if (!body.ok) return refuse(400, body.problem);

  const challenge = UrlVerificationSchema.safeParse(body.value);
  if (challenge.success) return answer(200, { challenge: challenge.data.challenge });

  const retryNum = Number(request.headers['x-slack-retry-num']);
  const work = workFor(body.value, {
    ...(Number.isInteger(retryNum) && retryNum >= 0 ? { retryNum } : {}),
    ...(request.headers['x-slack-retry-reason']
      ? { retryReason: request.headers['x-slack-retry-reason'] }
      : {}),
  });
  if (!work.ok) return refuse(400, work.problem);
  if (!work.value) return answer(200);
  try {
    await deps.handOff(work.value);
  } catch (error) {
    deps.log('Could not hand Slack work to the worker; Slack will retry', { error: String(error) });
    return {
      statusCode: 500,
      headers: { 'content-type': 'text/plain' },
      body: 'could not queue the request',
    };
  }
  return answer(200);
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: string };

/** Events arrive as JSON; interactivity as a form whose `payload` field holds the JSON. */
function parseBody(contentType: string, rawBody: string): Parsed<unknown> {
  const mediaType = contentType.split(';')[0]?.trim().toLowerCase();
  let json: string;
  if (mediaType === 'application/json') {
    json = rawBody;
  } else if (mediaType === 'application/x-www-form-urlencoded') {
    const payload = new URLSearchParams(rawBody).get('payload');
    if (payload === null)
      return { ok: false, problem: 'form body without a payload field (slash commands are not supported)' };
    json = payload;
  } else {
    return { ok: false, problem: `unsupported content type ${JSON.stringify(contentType)}` };
  }
  try {
    return { ok: true, value: JSON.parse(json) as unknown };
  } catch {
    return { ok: false, problem: 'body is not valid JSON' };
  }
}

const TypedBodySchema = z.looseObject({ type: z.string() });

/**
 * The worker's part of a Slack body, however it arrived (HTTP or Socket Mode): undefined when nothing needs
 * doing (other events, other buttons).
 */
export function workFor(
  body: unknown,
  delivery: { retryNum?: number; retryReason?: string },
): Parsed<SlackWork | undefined> {
  const typed = TypedBodySchema.safeParse(body);
  if (!typed.success) return { ok: false, problem: 'body has no type' };
  if (typed.data.type === 'event_callback') {
    const envelope = EventCallbackSchema.safeParse(body);
    if (!envelope.success)
      return { ok: false, problem: `malformed event_callback: ${firstIssue(envelope.error)}` };
    const message = MessageEventSchema.safeParse(envelope.data.event);
    if (!message.success || !mayNeedAnswer(message.data)) return { ok: true, value: undefined };
    return { ok: true, value: { kind: 'event', body: envelope.data, ...delivery } };
  }
  if (typed.data.type === 'block_actions') {
    const actions = BlockActionsSchema.safeParse(body);
    if (!actions.success)
      return { ok: false, problem: `malformed block_actions: ${firstIssue(actions.error)}` };
    const ours = actions.data.actions.some((action) => isParleyAction(action.action_id));
    return { ok: true, value: ours ? { kind: 'interaction', body: actions.data } : undefined };
  }
  return { ok: true, value: undefined };
}

function firstIssue(error: z.ZodError): string {
  return issueList(error.issues, { whole: '(body)', most: 1 }) || 'invalid';
}

function answer(statusCode: number, json?: unknown): SlackHttpAnswer {
  return json === undefined
    ? { statusCode, headers: {}, body: '' }
    : { statusCode, headers: { 'content-type': 'application/json' }, body: JSON.stringify(json) };
}

/** Slack would only send the same broken request again, so it is told not to. */
function refuse(statusCode: number, problem: string): SlackHttpAnswer {
  return {
    statusCode,
    headers: { 'content-type': 'application/json', 'x-slack-no-retry': '1' },
    body: JSON.stringify({ error: problem }),
  };
}
