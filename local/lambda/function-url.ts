import { randomUUID } from 'node:crypto';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { writeResponse } from '../edge/aws-response';
import { BodyTooLargeError, readBody } from '../edge/body';
import type { EdgeRequest, EdgeService } from '../edge/service';
import type { LocalFunctions } from './functions';
import { invokeFunction } from './invoke';

/** A function URL's request payload limit. */
const PAYLOAD_LIMIT = 6 * 1024 * 1024;
/** Function URLs pass these bodies as text and base64-encode everything else. */
const TEXT_TYPES = /^(text\/|application\/(json|xml|javascript)|[^;]*\+(json|xml))/i;

export interface FunctionUrlRoute {
  /** The local path the URL is served at, e.g. `/slack/events`. */
  path: string;
  functionName: string;
}

/**
 * A Lambda function URL on the edge port: the request becomes the payload-format 2.0 event a function URL
 * sends, the function's structured result becomes the HTTP response. The same handler a deployment puts
 * behind a real function URL answers here, so its HTTP handling is tested as deployed.
 */
export function createFunctionUrlService(
  route: FunctionUrlRoute,
  functions: LocalFunctions,
  log: (line: string) => void = () => undefined,
): EdgeService {
  return {
    name: `function-url ${route.path}`,
    matches: (req) => pathOf(req) === route.path,
    async handle(req, res) {
      const fn = functions.find(route.functionName);
      if (!fn) {
        writeResponse(
          res,
          502,
          { 'content-type': 'text/plain' },
          `No function ${route.functionName} is deployed`,
        );
        return;
      }
      let body: Buffer;
      try {
        body = await readBody(req, PAYLOAD_LIMIT);
      } catch (error) {
        if (!(error instanceof BodyTooLargeError)) throw error;
        writeResponse(res, 413, { 'content-type': 'text/plain' }, 'Request Entity Too Large');
        return;
      }
      const outcome = await invokeFunction(fn.handler, functionUrlEvent(req, body), {
        timeoutMs: fn.timeoutMs,
        functionName: fn.name,
      });
      if (outcome.kind !== 'returned') {
        log(
          `function-url: ${fn.name} ${outcome.kind === 'threw' ? `threw: ${String(outcome.error)}` : 'timed out'}`,
        );
        // What a function URL answers when the function fails.
        writeResponse(res, 502, { 'content-type': 'text/plain' }, 'Internal Server Error');
        return;
      }
      const result = outcome.value as APIGatewayProxyStructuredResultV2;
      const payload = result.body ?? '';
      writeResponse(
        res,
        result.statusCode ?? 200,
        Object.fromEntries(
          Object.entries(result.headers ?? {}).map(([name, value]) => [name, String(value)]),
        ),
        result.isBase64Encoded ? Buffer.from(payload, 'base64') : payload,
      );
    },
  };
}

function functionUrlEvent(req: EdgeRequest, body: Buffer): APIGatewayProxyEventV2 {
  const [rawPath = '/', rawQueryString = ''] = (req.url ?? '/').split('?');
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (name.startsWith(':') || value === undefined) continue;
    headers[name.toLowerCase()] = Array.isArray(value) ? value.join(',') : value;
  }
  const isText = TEXT_TYPES.test(headers['content-type'] ?? '');
  const now = new Date();
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath,
    rawQueryString,
    headers,
    ...(rawQueryString
      ? { queryStringParameters: Object.fromEntries(new URLSearchParams(rawQueryString)) }
      : {}),
    requestContext: {
      accountId: 'anonymous',
      apiId: 'local',
      domainName: headers.host ?? 'localhost',
      domainPrefix: 'local',
      http: {
        method: req.method ?? 'GET',
        path: rawPath,
        protocol: `HTTP/${req.httpVersion}`,
        sourceIp: req.socket.remoteAddress ?? '127.0.0.1',
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: randomUUID(),
      routeKey: '$default',
      stage: '$default',
      time: now.toISOString(),
      timeEpoch: now.getTime(),
    },
    ...(body.length > 0 ? { body: isText ? body.toString('utf8') : body.toString('base64') } : {}),
    isBase64Encoded: body.length > 0 && !isText,
  };
}

function pathOf(req: EdgeRequest): string {
  return (req.url ?? '/').split('?')[0] ?? '/';
}
