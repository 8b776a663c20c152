import * as net from 'node:net';

/** A request as bytes go on the wire: headers as sent (order, case and duplicates kept), the body as is. */
export interface RawRequest {
  method: string;
  /** Path and query, exactly as written on the request line. */
  target: string;
  headers: readonly (readonly [string, string])[];
  body: Buffer;
  /** Send the body as chunked transfer coding instead of with a content-length. */
  chunked?: boolean;
}

export interface RawResponse {
  status: number;
  /** Lower-case names; a repeated header's values joined with ", ". */
  headers: Record<string, string>;
  body: Buffer;
}

const RESPONSE_WAIT_MS = 20_000;

/**
 * Sends one HTTP/1.1 request over a fresh socket, framed by this function (content-length or chunked), and
 * reads the response up to the server's close. A plain socket rather than node:http, so header names,
 * values and methods the http module would refuse to send still reach the server.
 */
export function sendRaw(port: number, request: RawRequest): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`No response to ${request.method} ${request.target} within ${RESPONSE_WAIT_MS} ms`));
    }, RESPONSE_WAIT_MS);
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    socket.on('close', () => {
      clearTimeout(timer);
      try {
        resolve(parseResponse(Buffer.concat(chunks)));
      } catch (error) {
        reject(error as Error);
      }
    });
    socket.write(serialize(request));
  });
}

function serialize(request: RawRequest): Buffer {
  const framing = request.chunked
    ? 'transfer-encoding: chunked\r\n'
    : `content-length: ${request.body.length}\r\n`;
  const headerLines = request.headers
    .filter(([name]) => !/^(content-length|transfer-encoding|connection|host)$/i.test(name))
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('');
  const head = `${request.method} ${request.target} HTTP/1.1\r\nhost: 127.0.0.1\r\nconnection: close\r\n${headerLines}${framing}\r\n`;
  const body = request.chunked ? chunkedBody(request.body) : request.body;
  return Buffer.concat([Buffer.from(head, 'latin1'), body]);
}

function chunkedBody(body: Buffer): Buffer {
  const parts: Buffer[] = [];
  for (let offset = 0; offset < body.length; offset += 97) {
    const piece = body.subarray(offset, offset + 97);
    parts.push(Buffer.from(`${piece.length.toString(16)}\r\n`, 'latin1'), piece, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from('0\r\n\r\n'));
  return Buffer.concat(parts);
}

function parseResponse(bytes: Buffer): RawResponse {
  const end = bytes.indexOf('\r\n\r\n');
  if (end < 0)
    throw new Error(`The server closed the connection without a complete response (${bytes.length} bytes)`);
  const [statusLine = '', ...lines] = bytes.subarray(0, end).toString('latin1').split('\r\n');
  const status = /^HTTP\/1\.[01] (\d{3})/.exec(statusLine);
  if (!status) throw new Error(`Not an HTTP/1.1 status line: ${statusLine}`);
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    headers[name] = headers[name] === undefined ? value : `${headers[name]}, ${value}`;
  }
  const rest = bytes.subarray(end + 4);
  const body = /chunked/i.test(headers['transfer-encoding'] ?? '')
    ? unchunk(rest)
    : rest.subarray(0, Number(headers['content-length'] ?? rest.length));
  return { status: Number(status[1]), headers, body };
}

function unchunk(bytes: Buffer): Buffer {
  const parts: Buffer[] = [];
  let offset = 0;
  for (;;) {
    const lineEnd = bytes.indexOf('\r\n', offset);
    if (lineEnd < 0) break;
    const size = parseInt(bytes.subarray(offset, lineEnd).toString('latin1'), 16);
    if (!Number.isFinite(size) || size === 0) break;
    parts.push(bytes.subarray(lineEnd + 2, lineEnd + 2 + size));
    offset = lineEnd + 2 + size + 2;
  }
  return Buffer.concat(parts);
}

/**
 * Starts `request` and hangs up after `keptBytes` of it (at most all but the last byte), as a client that
 * crashes or loses its network mid-upload does; resolves once the socket is gone.
 */
export function sendAndHangUp(port: number, request: RawRequest, keptBytes: number): Promise<void> {
  const bytes = serialize({ ...request, chunked: false });
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1', () => {
      socket.write(bytes.subarray(0, Math.min(keptBytes, bytes.length - 1)), () =>
        setTimeout(() => socket.destroy(), 20),
      );
    });
    socket.on('error', () => undefined);
    socket.on('close', () => resolve());
  });
}
