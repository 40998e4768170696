import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AppConfig, AppError } from '@tsunagu/core';
import { createHash, createSecretKey, type KeyObject, randomBytes } from 'node:crypto';

interface AccessClaims {
  sub: string;
  typ: 'access';
}

// Short-lived signed access tokens (JWT, HS256) and opaque refresh tokens.
@Injectable()
export class TokenService {
  // Made once: given the secret as a string, jsonwebtoken first tries it as a PEM public key on
  // every call and catches the failure, about a tenth of the API's CPU per request.
  private readonly key: KeyObject;

  constructor(
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
  ) {
    this.key = createSecretKey(Buffer.from(config.JWT_SECRET, 'utf8'));
  }

  signAccessToken(userId: string): { token: string; expiresAt: Date } {
    const ttl = this.config.ACCESS_TOKEN_TTL_SECONDS;
    const claims: AccessClaims = { sub: userId, typ: 'access' };
    const token = this.jwt.sign(claims, {
      secret: this.secret(),
      algorithm: 'HS256',
      expiresIn: ttl,
    });
    return { token, expiresAt: new Date(Date.now() + ttl * 1000) };
  }

  // Returns the user id, or throws UNAUTHENTICATED for an expired, forged or malformed token.
  verifyAccessToken(token: string): string {
    let claims: AccessClaims;
    try {
      claims = this.jwt.verify<AccessClaims>(token, {
        secret: this.secret(),
        algorithms: ['HS256'],
      });
    } catch (error) {
      const expired = (error as Error).name === 'TokenExpiredError';
      throw AppError.unauthenticated(expired ? 'Access token expired' : 'Invalid access token');
    }
    if (claims.typ !== 'access' || typeof claims.sub !== 'string') {
      throw AppError.unauthenticated('Invalid access token');
    }
    return claims.sub;
  }

  // @nestjs/jwt passes the secret on to jsonwebtoken, which takes a KeyObject; its own option
  // types only name strings and buffers.
  private secret(): string {
    return this.key as unknown as string;
  }

  newRefreshToken(): { token: string; hash: string } {
    const token = randomBytes(32).toString('base64url');
    return { token, hash: this.hashRefreshToken(token) };
  }

  hashRefreshToken(token: string): string {
    return createHash('sha256').update(token).digest('hex');
  }
}
