import type { RawRequest, RawResponse } from './raw-http';

/** restJson1 (Lex, Bedrock, Polly) names the error in x-amzn-ErrorType; awsJson1_0 (DynamoDB) in `__type`. */
export type AwsProtocol = 'restJson1' | 'awsJson1_0';

/**
 * What is wrong with `response` as an AWS answer to a request that may be bad: a success, or a client error
 * (4xx) with a request id, an error name where the protocol puts it, and a JSON body whose message says
 * what is wrong, without a stack trace. A 5xx to a request is never right: nothing here is overloaded.
 */
export function awsAnswerProblems(
  protocol: AwsProtocol,
  request: RawRequest,
  response: RawResponse,
): string[] {
  if (response.status >= 200 && response.status < 300) return [];
  // Node's HTTP parser refuses a request line and headers over 16 KiB before any service sees them, the
  // limit Lex documents for its headers too; AWS's own front ends answer that without a service error body.
  if (response.status === 431 && headSize(request) > HEAD_LIMIT_BYTES) return [];
  const problems: string[] = [];
  if (response.status < 400 || response.status > 499)
    problems.push(`status ${response.status}, not 2xx or 4xx`);
  // A uuid in restJson1 services; DynamoDB's are 52 upper-case letters and digits.
  if (!/^([0-9a-f-]{36}|[0-9A-Z]{52})$/.test(response.headers['x-amzn-requestid'] ?? ''))
    problems.push('no x-amzn-RequestId');
  if (request.method === 'HEAD') return problems;
  let body: Record<string, unknown> | undefined;
  try {
    const parsed: unknown = JSON.parse(response.body.toString('utf8'));
    if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed))
      body = parsed as Record<string, unknown>;
  } catch {
    // Reported below.
  }
  if (!body)
    return [
      ...problems,
      `the error body is not a JSON object: ${response.body.toString('utf8').slice(0, 120)}`,
    ];
  const errorType =
    protocol === 'restJson1'
      ? response.headers['x-amzn-errortype']
      : ((typeof body.__type === 'string' ? body.__type : undefined) ?? response.headers['x-amzn-errortype']);
  if (!errorType || !/^([\w.]+#)?[A-Z][A-Za-z]+(:.*)?$/.test(errorType)) {
    problems.push(`no error name where ${protocol} puts it (got ${String(errorType)})`);
  }
  const message = body.message ?? body.Message;
  if (typeof message !== 'string' || message.trim().length < 10) {
    problems.push(`no message saying what is wrong (got ${JSON.stringify(message)})`);
  } else if (/\n\s+at /.test(message)) {
    problems.push('the message carries a stack trace');
  }
  return problems;
}

const HEAD_LIMIT_BYTES = 16 * 1024;

function headSize(request: RawRequest): number {
  return (
    Buffer.byteLength(request.target) +
    request.headers.reduce((sum, [name, value]) => sum + name.length + value.length + 4, 0)
  );
}

/** A short account of a request for a failure message: enough to replay it by hand. */
export function describeRequest(request: RawRequest): string {
  const body = request.body.toString('utf8');
  return [
    `${request.method} ${request.target.slice(0, 300)}${request.chunked ? ' (chunked)' : ''}`,
    ...request.headers.map(([name, value]) => `${name}: ${value.slice(0, 200)}`),
    body.length > 600 ? `${body.slice(0, 600)}... (${request.body.length} bytes)` : body,
  ].join('\n');
}
