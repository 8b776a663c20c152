import * as http from 'node:http';
import * as http2 from 'node:http2';
import * as net from 'node:net';
import fc from 'fast-check';
import { startEdge, type Edge } from '../../../local/edge/server';
import type { EdgeRequest, EdgeResponse, EdgeService } from '../../../local/edge/service';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** Echoes which protocol and body it saw, so tests can tell the two servers apart. */
const echoService: EdgeService = {
  name: 'echo',
  matches: (req) => (req.url ?? '').startsWith('/echo'),
  handle: (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          httpVersion: req.httpVersion,
          url: req.url,
          body: Buffer.concat(chunks).toString(),
        }),
      );
    });
  },
};

const targetService: EdgeService = {
  name: 'dynamodb',
  matches: (req) => String(req.headers['x-amz-target'] ?? '').startsWith('DynamoDB_20120810.'),
  handle: (_req: EdgeRequest, res: EdgeResponse) => {
    res.writeHead(200, { 'content-type': 'application/x-amz-json-1.0' });
    res.end('{"TableNames":[]}');
  },
};

const throwingService: EdgeService = {
  name: 'thrower',
  matches: (req) => (req.url ?? '').startsWith('/throw'),
  handle: () => {
    throw new Error('sync failure');
  },
};

const rejectingService: EdgeService = {
  name: 'rejecter',
  matches: (req) => (req.url ?? '').startsWith('/reject'),
  handle: async () => {
    throw new Error('async failure');
  },
};

const SERVICES = [echoService, targetService, throwingService, rejectingService];

function http1(
  port: number,
  method: string,
  path: string,
  body?: string,
  headers: Record<string, string> = {},
  agent: http.Agent | false = false,
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path, headers, agent }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

function h2(session: http2.ClientHttp2Session, method: string, path: string, body?: string): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const stream = session.request({ ':method': method, ':path': path });
    let status = 0;
    let headers: Reply['headers'] = {};
    let text = '';
    stream.setEncoding('utf8');
    stream.on('response', (responseHeaders) => {
      status = Number(responseHeaders[':status']);
      headers = responseHeaders as Reply['headers'];
    });
    stream.on('data', (chunk: string) => (text += chunk));
    stream.on('end', () => resolve({ status, headers, body: text }));
    stream.on('error', reject);
    stream.end(body);
  });
}

function connectH2(url: string, createConnection?: () => net.Socket): Promise<http2.ClientHttp2Session> {
  return new Promise((resolve, reject) => {
    const session = http2.connect(url, createConnection ? { createConnection } : {});
    session.once('connect', () => resolve(session));
    session.once('error', reject);
  });
}

function closed(socket: net.Socket | http2.ClientHttp2Session): Promise<void> {
  return new Promise((resolve) => {
    if (socket.destroyed) resolve();
    else socket.once('close', () => resolve());
  });
}

describe('edge server', () => {
  let edge: Edge;
  const logLines: string[] = [];

  beforeAll(async () => {
    edge = await startEdge({ services: SERVICES, log: (line) => logLines.push(line) });
  });

  afterAll(() => edge.close());

  it('speaks HTTP/1.1 and h2c on the same port', async () => {
    const viaHttp1 = await http1(edge.port, 'POST', '/echo/a', 'one');
    expect(JSON.parse(viaHttp1.body)).toEqual({ httpVersion: '1.1', url: '/echo/a', body: 'one' });

    const session = await connectH2(edge.url);
    try {
      const first = await h2(session, 'POST', '/echo/b', 'two');
      const second = await h2(session, 'POST', '/echo/c', 'three');
      expect(JSON.parse(first.body)).toEqual({ httpVersion: '2.0', url: '/echo/b', body: 'two' });
      expect(JSON.parse(second.body)).toEqual({ httpVersion: '2.0', url: '/echo/c', body: 'three' });
    } finally {
      session.close();
    }
  });

  it('serves several requests on one HTTP/1.1 keep-alive connection', async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const sockets = new Set<net.Socket>();
      agent.on('free', (socket: net.Socket) => sockets.add(socket));
      for (const body of ['a', 'b', 'c']) {
        const reply = await http1(edge.port, 'POST', '/echo', body, {}, agent);
        expect(JSON.parse(reply.body)).toMatchObject({ body });
      }
      expect(sockets.size).toBe(1);
    } finally {
      agent.destroy();
    }
  });

  it('recognises an HTTP/2 preface split across two TCP writes', async () => {
    const splitAt = 7;
    const proxy = net.createServer((client) => {
      const upstream = net.connect(edge.port, '127.0.0.1');
      client.once('data', (first: Buffer) => {
        client.pause();
        upstream.write(first.subarray(0, splitAt));
        setTimeout(() => {
          upstream.write(first.subarray(splitAt));
          client.pipe(upstream);
          client.resume();
        }, 30);
      });
      upstream.pipe(client);
      client.on('error', () => upstream.destroy());
      upstream.on('error', () => client.destroy());
      client.on('close', () => upstream.destroy());
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    const proxyPort = (proxy.address() as net.AddressInfo).port;
    const session = await connectH2(`http://127.0.0.1:${proxyPort}`);
    try {
      const reply = await h2(session, 'POST', '/echo/split', 'whole');
      expect(JSON.parse(reply.body)).toEqual({ httpVersion: '2.0', url: '/echo/split', body: 'whole' });
    } finally {
      session.close();
      await closed(session);
      await new Promise((resolve) => proxy.close(resolve));
    }
  });

  it('routes by header as well as by path', async () => {
    const reply = await http1(edge.port, 'POST', '/', '{}', {
      'x-amz-target': 'DynamoDB_20120810.ListTables',
    });
    expect(reply).toMatchObject({ status: 200, body: '{"TableNames":[]}' });
  });

  it('answers unclaimed requests with UnknownOperationException', async () => {
    const reply = await http1(edge.port, 'POST', '/x?a=1', '{}');
    expect(reply.status).toBe(404);
    expect(reply.headers['x-amzn-errortype']).toBe('UnknownOperationException');
    expect(reply.headers['x-amzn-requestid']).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.parse(reply.body)).toEqual({ message: 'No local service handles POST /x' });
  });

  it.each(['/throw', '/reject'])(
    'turns a failing service (%s) into InternalServerException and keeps serving',
    async (path) => {
      for (const send of [
        () => http1(edge.port, 'POST', path, '{}'),
        async () => {
          const session = await connectH2(edge.url);
          try {
            return await h2(session, 'POST', path, '{}');
          } finally {
            session.close();
          }
        },
      ]) {
        const reply = await send();
        expect(reply.status).toBe(500);
        expect(reply.headers['x-amzn-errortype']).toBe('InternalServerException');
        expect(JSON.parse(reply.body)).toEqual({ message: expect.stringMatching(/failure$/) as unknown });
      }
      expect(logLines.some((line) => line.includes(path))).toBe(true);
      expect((await http1(edge.port, 'POST', '/echo', 'ok')).status).toBe(200);
    },
  );

  it('reports health with the mounted service names', async () => {
    const reply = await http1(edge.port, 'GET', '/health');
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toEqual({
      status: 'ok',
      services: ['echo', 'dynamodb', 'thrower', 'rejecter'],
    });
  });

  it('survives arbitrary bytes on a raw connection', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 200 }), fc.boolean(), async (bytes, withPreface) => {
        const socket = net.connect(edge.port, '127.0.0.1');
        socket.on('error', () => undefined);
        socket.on('data', () => undefined);
        const prefix = withPreface ? Buffer.from('PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n') : Buffer.alloc(0);
        socket.end(Buffer.concat([prefix, Buffer.from(bytes)]));
        const done = closed(socket);
        setTimeout(() => socket.destroy(), 200);
        await done;
      }),
      { numRuns: 40 },
    );
    expect((await http1(edge.port, 'GET', '/health')).status).toBe(200);
  });
});

describe('edge services added after start', () => {
  it('routes to and reports a service pushed once the edge is listening', async () => {
    const services: EdgeService[] = [];
    const edge = await startEdge({ services });
    try {
      expect((await http1(edge.port, 'POST', '/echo', 'x')).status).toBe(404);
      services.push(echoService);
      expect(JSON.parse((await http1(edge.port, 'POST', '/echo', 'x')).body)).toMatchObject({ body: 'x' });
      expect(JSON.parse((await http1(edge.port, 'GET', '/health')).body)).toEqual({
        status: 'ok',
        services: ['echo'],
      });
    } finally {
      await edge.close();
    }
  });
});

describe('edge shutdown', () => {
  it('closes promptly with idle keep-alive, h2 and silent connections open', async () => {
    const edge = await startEdge({ services: [echoService] });
    const agent = new http.Agent({ keepAlive: true });
    const session = await connectH2(edge.url);
    await h2(session, 'GET', '/echo');
    let keptAlive: net.Socket | undefined;
    agent.once('free', (socket: net.Socket) => (keptAlive = socket));
    await http1(edge.port, 'GET', '/echo', undefined, {}, agent);
    const silent = net.connect(edge.port, '127.0.0.1');
    await new Promise((resolve) => silent.once('connect', resolve));

    const started = Date.now();
    await edge.close();
    expect(Date.now() - started).toBeLessThan(500);
    await Promise.all([
      closed(session),
      closed(silent),
      keptAlive ? closed(keptAlive) : Promise.reject(new Error('no socket')),
    ]);
    agent.destroy();
    await expect(http1(edge.port, 'GET', '/health')).rejects.toThrow(/ECONNREFUSED/);
  });

  it('lets an in-flight request finish before closing its connection', async () => {
    let release: () => void = () => undefined;
    const slowService: EdgeService = {
      name: 'slow',
      matches: () => true,
      handle: (_req, res) =>
        new Promise<void>((resolve) => {
          release = () => {
            res.end('done');
            resolve();
          };
        }),
    };
    const edge = await startEdge({ services: [slowService] });
    const agent = new http.Agent({ keepAlive: true });
    const reply = http1(edge.port, 'GET', '/slow', undefined, {}, agent);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const closing = edge.close();
    release();
    expect((await reply).body).toBe('done');
    await closing;
    agent.destroy();
  });

  it('keeps serving the requests an in-flight request depends on, then closes', async () => {
    let startInner: () => void = () => undefined;
    const services: EdgeService[] = [echoService];
    // Like a Lex turn whose code hook calls DynamoDB through the same port once shutdown has begun.
    services.push({
      name: 'outer',
      matches: (req) => (req.url ?? '').startsWith('/outer'),
      handle: (_req, res) =>
        new Promise<void>((resolve) => {
          startInner = () => {
            void http1(edge.port, 'POST', '/echo', 'inner').then(
              (inner) => {
                res.end(inner.body);
                resolve();
              },
              (error: Error) => {
                res.end(`inner failed: ${error.message}`);
                resolve();
              },
            );
          };
        }),
    });
    const edge = await startEdge({ services });
    const reply = http1(edge.port, 'GET', '/outer');
    await new Promise((resolve) => setTimeout(resolve, 50));
    const closing = edge.close();
    startInner();
    expect(JSON.parse((await reply).body)).toMatchObject({ body: 'inner' });
    await closing;
    await expect(http1(edge.port, 'GET', '/health')).rejects.toThrow(/ECONNREFUSED/);
  });
});
