import { AppError } from '@tsunagu/core';
import { ActorService, TokenService } from '@tsunagu/identity';
import type { Actor } from '@tsunagu/identity';
import { GraphQLError } from 'graphql';
import { CloseCode, Context as SocketContext } from 'graphql-ws';
import type { Extra } from 'graphql-ws/use/ws';
import { bearerToken } from './authentication.guard';

// A graphql-ws socket remembers its actor from onConnect for all its operations, and the token
// that vouched for it until that token expires.
export type Socket = Extra & { actor?: Actor; token?: string; expiry?: NodeJS.Timeout };

// TokenService's reason for an expired token, so clients see one reason whichever path closes.
const TOKEN_EXPIRED = 'Access token expired';

// setTimeout fires at once for a delay above 2^31-1 ms (about 24.8 days), so a longer wait is
// taken in steps.
const MAX_TIMER_MS = 2 ** 31 - 1;

export function socketOf(ctx: SocketContext): Socket {
  return ctx.extra as Socket;
}

// Browsers cannot set headers on a WebSocket, so the access token comes in connectionParams,
// once per socket. A socket without a valid one is closed with 4401, which graphql-ws clients
// take as final (they do not retry with the same credentials).
//
// The socket lives no longer than its token: it is closed with 4401 "Access token expired" when
// the token's `exp` passes, so a person's notifications stop with their credentials. Clients
// then reconnect with a refreshed token; graphql-ws `connectionParams` given as a function is
// called again on every connect, which is where the client refreshes it.
//
// Signing out revokes the refresh token only: access tokens are stateless JWTs, so the signed-out
// session's access token stays valid, over HTTP as here, until it expires. The expiry timer is
// what ends such a socket: at most ACCESS_TOKEN_TTL_SECONDS after its token was issued.
export async function authenticateSocket(
  ctx: SocketContext,
  tokens: TokenService,
  actors: ActorService,
): Promise<boolean> {
  const socket = socketOf(ctx);
  const authorization = ctx.connectionParams?.authorization;
  try {
    if (typeof authorization !== 'string') {
      throw AppError.unauthenticated(
        'Authentication required: connectionParams.authorization "Bearer <access token>"',
      );
    }
    const token = bearerToken(authorization);
    if (!token) {
      throw AppError.unauthenticated(
        'connectionParams.authorization must be "Bearer <access token>"',
      );
    }
    socket.actor = await actors.load(tokens.verifyAccessToken(token));
    socket.token = token;
    const exp = expiryOf(token);
    if (exp !== undefined) closeOnExpiry(socket, exp * 1000);
    return true;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    socket.socket.close(CloseCode.Unauthorized, error.message);
    return false;
  }
}

// Every new subscription re-checks the socket's token, so none starts on an expired one even if
// the expiry timer is late (a busy event loop); the socket is closed as on expiry. Undefined when
// the token still holds.
export function recheckToken(ctx: SocketContext, tokens: TokenService): GraphQLError[] | undefined {
  const socket = socketOf(ctx);
  try {
    // onConnect acknowledges only sockets with a verified token; graphql-ws refuses subscriptions
    // on unacknowledged ones before this hook.
    tokens.verifyAccessToken(socket.token!);
    return undefined;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    socket.socket.close(CloseCode.Unauthorized, error.message);
    // The socket is closing, so the client gets the close rather than this error.
    return [new GraphQLError(error.message, { extensions: { code: error.code } })];
  }
}

// The token's `exp` in seconds. Read only after verifyAccessToken accepted the signature, so the
// payload is the one we signed; our tokens always carry `exp`.
function expiryOf(token: string): number | undefined {
  const payload = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as {
    exp?: unknown;
  };
  return typeof payload.exp === 'number' ? payload.exp : undefined;
}

function closeOnExpiry(socket: Socket, expiresAtMs: number): void {
  // The socket closed while its actor loaded: onClose has run already and would not clear a
  // timer set now.
  if (socket.socket.readyState !== socket.socket.OPEN) return;
  const wait = Math.max(expiresAtMs - Date.now(), 0);
  socket.expiry = setTimeout(
    () => {
      if (wait > MAX_TIMER_MS) closeOnExpiry(socket, expiresAtMs);
      else socket.socket.close(CloseCode.Unauthorized, TOKEN_EXPIRED);
    },
    Math.min(wait, MAX_TIMER_MS),
  );
  // An open socket's timer must not keep the process alive through a shutdown.
  socket.expiry.unref();
}
