import type { Socket } from 'node:net';
import type { Http2Session } from 'node:http2';
import type { WireProtocol } from './protocol-sniffer';

/**
 * How long close() keeps the port open while requests are in flight: the work behind a Lex turn (the code
 * hook's DynamoDB calls, Polly, Converse) reaches the other services through this same port, so closing it
 * first would fail the very requests being waited for.
 */
const DRAIN_MS = 4000;
/** How long close() then lets in-flight requests finish before it cuts the remaining connections. */
const CLOSE_GRACE_MS = 2000;

type ConnectionState = { protocol: WireProtocol | 'sniffing'; http1InFlight: number };

/**
 * Tracks every accepted connection so shutdown is prompt: the HTTP servers never listen themselves (the
 * edge hands them sockets), so their own idle-connection bookkeeping is not active and this does that job.
 */
export class ConnectionTracker {
  private readonly connections = new Map<Socket, ConnectionState>();
  private readonly sessions = new Set<Http2Session>();
  private closing = false;
  private inFlight = 0;
  private onIdle: (() => void) | undefined;

  get isClosing(): boolean {
    return this.closing;
  }

  addSocket(socket: Socket): void {
    this.connections.set(socket, { protocol: 'sniffing', http1InFlight: 0 });
    socket.once('close', () => this.connections.delete(socket));
  }

  setProtocol(socket: Socket, protocol: WireProtocol): void {
    const state = this.connections.get(socket);
    if (state) state.protocol = protocol;
  }

  addSession(session: Http2Session): void {
    this.sessions.add(session);
    session.once('close', () => this.sessions.delete(session));
    if (this.closing) session.close();
  }

  /** Counts a request of either protocol until its response closes. */
  requestStarted(response: { once(event: 'close', listener: () => void): unknown }): void {
    this.inFlight += 1;
    response.once('close', () => {
      this.inFlight -= 1;
      if (this.inFlight === 0) this.onIdle?.();
    });
  }

  http1RequestStarted(socket: Socket): void {
    const state = this.connections.get(socket);
    if (state) state.http1InFlight += 1;
  }

  http1RequestEnded(socket: Socket): void {
    const state = this.connections.get(socket);
    if (!state) return;
    state.http1InFlight -= 1;
    if (this.closing && state.http1InFlight === 0) socket.end();
  }

  /** Resolves once no request is in flight, or after `DRAIN_MS`, whichever comes first. */
  drained(): Promise<void> {
    if (this.inFlight === 0) return Promise.resolve();
    return new Promise((resolve) => {
      const finish = () => {
        clearTimeout(deadline);
        this.onIdle = undefined;
        resolve();
      };
      const deadline = setTimeout(finish, DRAIN_MS);
      this.onIdle = finish;
    });
  }

  /**
   * Once `closeListener` stops new connections: ends idle HTTP/1.1 keep-alive connections and HTTP/2
   * sessions at once, lets in-flight requests finish, and destroys whatever is still open after the grace
   * period. Resolves when the listener has closed.
   */
  async shutDown(closeListener: () => Promise<void>): Promise<void> {
    await this.drained();
    const allClosed = closeListener();
    this.closing = true;
    for (const session of this.sessions) session.close();
    for (const [socket, state] of this.connections) {
      if (state.protocol === 'sniffing' || (state.protocol === 'http1' && state.http1InFlight === 0)) {
        socket.destroy();
      }
    }
    const deadline = setTimeout(() => {
      for (const session of this.sessions) session.destroy();
      for (const socket of this.connections.keys()) socket.destroy();
    }, CLOSE_GRACE_MS);
    try {
      await allClosed;
    } finally {
      clearTimeout(deadline);
    }
  }
}
