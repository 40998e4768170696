import { JwtService } from '@nestjs/jwt';
import { AppConfig, AppError } from '@tsunagu/core';
import { sign } from 'jsonwebtoken';
import { TokenService } from './token.service';

describe('TokenService access tokens', () => {
  const secret = 's'.repeat(32);
  const config = Object.assign(new AppConfig(), {
    JWT_SECRET: secret,
    ACCESS_TOKEN_TTL_SECONDS: 900,
  });
  const tokens = new TokenService(new JwtService(), config);

  it('verifies what it signs', () => {
    expect(tokens.verifyAccessToken(tokens.signAccessToken('user-1').token)).toBe('user-1');
  });

  // The key is made once from the secret's bytes: tokens signed with the secret as a string
  // (before the key, or by another process) stay valid, and the other way round.
  it('accepts tokens signed with the secret as a string, and signs tokens the string verifies', () => {
    const byString = sign({ sub: 'user-2', typ: 'access' }, secret, { algorithm: 'HS256' });
    expect(tokens.verifyAccessToken(byString)).toBe('user-2');
    const mine = tokens.signAccessToken('user-3').token;
    expect(new JwtService().verify<{ sub: string }>(mine, { secret }).sub).toBe('user-3');
  });

  it.each([
    ['another secret', sign({ sub: 'u', typ: 'access' }, 't'.repeat(32), { algorithm: 'HS256' })],
    ['not an access token', sign({ sub: 'u', typ: 'refresh' }, secret, { algorithm: 'HS256' })],
    ['expired', sign({ sub: 'u', typ: 'access', exp: 1 }, secret, { algorithm: 'HS256' })],
    ['malformed', 'not.a.token'],
  ])('refuses a token signed with %s', (_, token) => {
    expect(() => tokens.verifyAccessToken(token)).toThrow(AppError);
  });
});
