import { Body, Controller, Delete, HttpCode, Post, Req, Res } from '@nestjs/common';
import { AppError } from '@tsunagu/core';
import { AuthService, Session, SignInThrottle, TokenService } from '@tsunagu/identity';
import type { Request, Response } from 'express';
import { bearerToken } from '../auth/authentication.guard';
import { Public } from '../auth/authorisation';

// The web app's refresh token lives in this cookie: httpOnly, so no script (nor an injected
// one) can read it; SameSite=Strict and limited to /auth/session, so no other site's page and
// no other path makes the browser send it.
export const REFRESH_COOKIE = 'tsunagu_refresh';
const COOKIE_PATH = '/auth/session';

interface SessionBody {
  refreshToken?: unknown;
}

// The browser's side of refreshSession and signOut. The web app signs in or up over GraphQL and
// hands the refresh token over here at once: it is rotated on the spot, so the one a script saw
// is spent, and its successor only ever travels in the cookie. A reload renews from the cookie.
@Public()
@Controller('auth/session')
export class SessionCookieController {
  constructor(
    private readonly auth: AuthService,
    private readonly throttle: SignInThrottle,
    private readonly tokens: TokenService,
  ) {}

  // Renews the session from the handed-over token, else from the cookie: a new access token in
  // the body and the rotated refresh token in the cookie.
  @Post()
  @HttpCode(200)
  async renew(@Req() req: Request, @Body() body: SessionBody, @Res() res: Response) {
    // A JSON body cannot come from a plain cross-site form without a CORS preflight.
    if (!req.is('application/json')) return refuse(res, 415, 'BAD_REQUEST', 'Send JSON');
    const handedOver = typeof body?.refreshToken === 'string' ? body.refreshToken : undefined;
    const token = handedOver ?? cookieOf(req, REFRESH_COOKIE);
    if (!token) return refuse(res, 401, 'UNAUTHENTICATED', 'Not signed in');
    let session: Session;
    try {
      session = await this.throttle.refresh(req.ip, () => this.auth.refresh(token));
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      res.clearCookie(REFRESH_COOKIE, cookieOptions(req));
      return refuse(res, 401, error.code, error.message);
    }
    res.cookie(REFRESH_COOKIE, session.refreshToken, {
      ...cookieOptions(req),
      expires: session.refreshTokenExpiresAt,
    });
    const { user } = session;
    res.json({
      accessToken: session.accessToken,
      accessTokenExpiresAt: session.accessTokenExpiresAt.toISOString(),
      user: { id: user.id, displayName: user.displayName, locale: user.locale },
    });
  }

  // Signs out: revokes the cookie's refresh token family (for the access token's user) and
  // drops the cookie either way.
  @Delete()
  @HttpCode(204)
  async end(@Req() req: Request, @Res() res: Response) {
    const token = cookieOf(req, REFRESH_COOKIE);
    const access = bearerToken(req.headers.authorization ?? '');
    res.clearCookie(REFRESH_COOKIE, cookieOptions(req));
    if (token && access) {
      try {
        await this.auth.signOut(this.tokens.verifyAccessToken(access), token);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        return refuse(res, 401, error.code, error.message);
      }
    }
    res.end();
  }
}

function cookieOptions(req: Request) {
  // Secure whenever the request came over HTTPS (behind a proxy: with TRUST_PROXY set).
  return { httpOnly: true, sameSite: 'strict', secure: req.secure, path: COOKIE_PATH } as const;
}

// The value of one cookie in the request's Cookie header.
export function cookieOf(req: Request, name: string): string | undefined {
  for (const pair of (req.headers.cookie ?? '').split(';')) {
    const at = pair.indexOf('=');
    if (at > 0 && pair.slice(0, at).trim() === name) {
      return decodeURIComponent(pair.slice(at + 1).trim());
    }
  }
  return undefined;
}

// The shape GraphQL clients already read: errors with extensions.code.
export function refuse(res: Response, status: number, code: string, message: string): void {
  res.status(status).json({ errors: [{ message, extensions: { code } }] });
}
