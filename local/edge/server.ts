import * as http from 'node:http';
import * as http2 from 'node:http2';
import * as net from 'node:net';
import { ConnectionTracker } from './connections';
import { createDispatcher } from './dispatch';
import { sniffProtocol } from './protocol-sniffer';
import type { EdgeService } from './service';

export interface Edge {
  url: string;
  port: number;
  close(): Promise<void>;
}

export interface EdgeOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
  /** Read on every request: services that need the edge's URL first can be pushed after it starts. */
  services: EdgeService[];
  log?: (line: string) => void;
}

/**
 * One TCP port for every local AWS stand-in. The SDK v3 Lex, Polly and Bedrock clients speak HTTP/2
 * cleartext with prior knowledge while curl, boto3, the AWS CLI and the DynamoDB client speak HTTP/1.1,
 * so each connection is sniffed for the HTTP/2 preface and handed to the matching Node server.
 */
export function startEdge(options: EdgeOptions): Promise<Edge> {
  const log = options.log ?? (() => undefined);
  const host = options.host ?? '127.0.0.1';
  const dispatch = createDispatcher(options.services, log);
  const tracker = new ConnectionTracker();

  const http1Server = http.createServer((req, res) => {
    const socket = req.socket;
    tracker.http1RequestStarted(socket);
    tracker.requestStarted(res);
    res.once('close', () => tracker.http1RequestEnded(socket));
    if (tracker.isClosing) res.shouldKeepAlive = false;
    dispatch(req, res);
  });
  const http2Server = http2.createServer((req, res) => {
    tracker.requestStarted(res);
    dispatch(req, res);
  });
  http2Server.on('session', (session) => tracker.addSession(session));
  http2Server.on('sessionError', (error) => log(`edge: HTTP/2 session error: ${error.message}`));

  const listener = net.createServer((socket) => {
    tracker.addSocket(socket);
    socket.on('error', (error) => log(`edge: connection error: ${error.message}`));
    sniffProtocol(socket, (protocol) => {
      tracker.setProtocol(socket, protocol);
      if (protocol === 'h2c') {
        http2Server.emit('connection', socket);
      } else {
        http1Server.emit('connection', socket);
        // The HTTP/1.1 parser reads the handle directly and only sees the unshifted bytes once the stream flows.
        socket.resume();
      }
    });
  });

  return new Promise((resolve, reject) => {
    listener.once('error', reject);
    listener.listen(options.port ?? 0, host, () => {
      listener.removeListener('error', reject);
      const address = listener.address() as net.AddressInfo;
      const urlHost = net.isIPv6(host) ? `[${host}]` : host;
      let closing: Promise<void> | undefined;
      resolve({
        url: `http://${urlHost}:${address.port}`,
        port: address.port,
        close: () =>
          (closing ??= tracker.shutDown(() => new Promise((done) => listener.close(() => done())))),
      });
    });
  });
}
