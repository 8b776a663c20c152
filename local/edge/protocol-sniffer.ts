import type { Socket } from 'node:net';

export type WireProtocol = 'h2c' | 'http1';

/** What an HTTP/2 client with prior knowledge sends first (RFC 9113 §3.4). */
export const HTTP2_PREFACE = Buffer.from('PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n', 'latin1');

/**
 * Classifies bytes read so far: 'h2c' once the whole preface is there, 'http1' as soon as they diverge
 * from it, undefined while they are still a proper prefix of it (a preface can arrive split across packets).
 */
export function classifyOpeningBytes(bytes: Buffer): WireProtocol | undefined {
  const compared = Math.min(bytes.length, HTTP2_PREFACE.length);
  if (!bytes.subarray(0, compared).equals(HTTP2_PREFACE.subarray(0, compared))) return 'http1';
  return bytes.length >= HTTP2_PREFACE.length ? 'h2c' : undefined;
}

/**
 * Reads a new connection until its protocol is known, then pushes every byte read back onto the socket
 * so the chosen server sees the connection from its first byte. Calls onDetected at most once; a socket
 * that ends or fails first is simply destroyed.
 */
export function sniffProtocol(socket: Socket, onDetected: (protocol: WireProtocol) => void): void {
  let opening = Buffer.alloc(0);
  const stopReading = (): void => {
    socket.removeListener('data', onData);
    socket.removeListener('end', onEnd);
  };
  const onData = (chunk: Buffer): void => {
    opening = Buffer.concat([opening, chunk]);
    const protocol = classifyOpeningBytes(opening);
    if (protocol === undefined) return;
    stopReading();
    socket.pause();
    socket.unshift(opening);
    onDetected(protocol);
  };
  const onEnd = (): void => {
    stopReading();
    socket.destroy();
  };
  socket.on('data', onData);
  socket.once('end', onEnd);
}
