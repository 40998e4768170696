import type { Server } from 'node:http';

// Longer than the 60 s idle timeout of common load balancers and browsers' own pools, so the
// client, not the server, closes an idle kept-alive connection. Node's default of 5 s closed
// sockets between two requests of one page or one browser test, and a request sent on a socket
// the server was closing that moment failed with ECONNRESET.
export const KEEP_ALIVE_TIMEOUT_MS = 65_000;
// Node requires the time to receive a request's headers to be longer than the keep-alive
// timeout, or a slow request on a reused socket is cut off by the wrong timer.
export const HEADERS_TIMEOUT_MS = KEEP_ALIVE_TIMEOUT_MS + 1_000;

// Shutdown is not held up by these sockets. Since Node 19, server.close() (which Nest's
// app.close() calls) closes every connection that is idle at that moment; one answering a request
// then would stay open for the whole keep-alive timeout after its answer. So once closing has
// begun, an answered connection is closed at once: its keep-alive timeout, set when the answer
// is finished, becomes 1 ms.
export function keepConnectionsAlive(server: Server): void {
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  server.headersTimeout = HEADERS_TIMEOUT_MS;
  const close = server.close.bind(server);
  server.close = (callback?: (error?: Error) => void) => {
    server.keepAliveTimeout = 1;
    return close(callback);
  };
}
