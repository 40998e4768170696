import type { Server } from 'node:http';

// Longer than the 60 s idle timeout of common load balancers and browsers' own pools, so the
// client, not the server, closes an idle kept-alive connection. Node's default of 5 s closed
// sockets between two requests of one page or one browser test, and a request sent on a socket
// the server was closing that moment failed with ECONNRESET.
export const KEEP_ALIVE_TIMEOUT_MS = 65_000;
// Node requires the time to receive a request's headers to be longer than the keep-alive
// timeout, or a slow request on a reused socket is cut off by the wrong timer.
export const HEADERS_TIMEOUT_MS = KEEP_ALIVE_TIMEOUT_MS + 1_000;

// Shutdown is not held up by these idle sockets: since Node 19, server.close() (which Nest's
// app.close() calls) also closes every connection that has no request in flight.
export function keepConnectionsAlive(server: Server): void {
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  server.headersTimeout = HEADERS_TIMEOUT_MS;
}
