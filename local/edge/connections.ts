import type { Socket } from 'node:net';
import type { Http2Session } from 'node:http2';
import type { WireProtocol } from './protocol-sniffer';

/** How long close() lets in-flight requests finish before it cuts the remaining connections. */
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

  /**
   * Ends idle HTTP/1.1 keep-alive connections and HTTP/2 sessions at once, lets in-flight requests finish,
   * and destroys whatever is still open after the grace period. Resolves when `allClosed` resolves.
   */
  async shutDown(allClosed: Promise<void>): Promise<void> {
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
