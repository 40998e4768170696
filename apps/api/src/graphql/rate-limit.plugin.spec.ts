import { JwtService } from '@nestjs/jwt';
import { AppConfig, AppError, OperationRateLimiter, TooManyRequestsError } from '@tsunagu/core';
import { TokenService } from '@tsunagu/identity';
import { verifiedUserId } from '../auth/authentication.guard';
import type { GraphQLRequest } from '../auth/request-context';
import { limitSubscription, rateLimitPlugin } from './rate-limit.plugin';

type Hooks = { didResolveOperation(ctx: { contextValue: unknown }): Promise<void> };

describe('rateLimitPlugin', () => {
  const config = Object.assign(new AppConfig(), { JWT_SECRET: 'x'.repeat(32) });
  const tokens = new TokenService(new JwtService(), config);
  const spend = jest.fn<Promise<void>, unknown[]>();
  const limiter = { spend } as unknown as OperationRateLimiter;

  beforeEach(() => spend.mockReset().mockResolvedValue(undefined));

  async function hooks(): Promise<Hooks> {
    const plugin = rateLimitPlugin(limiter, tokens) as {
      requestDidStart(): Promise<Hooks>;
    };
    return plugin.requestDidStart();
  }

  const context = (authorization?: string, operationCost?: number) => ({
    req: {
      headers: authorization ? { authorization } : {},
      ip: '203.0.113.7',
    } as GraphQLRequest,
    operationCost,
  });

  it("charges the operation's cost to the token's user and the client's address", async () => {
    const { token } = tokens.signAccessToken('user-1');
    await (await hooks()).didResolveOperation({ contextValue: context(`Bearer ${token}`, 40) });
    expect(spend).toHaveBeenCalledWith({ userId: 'user-1', address: '203.0.113.7' }, 40);
  });

  it('charges the address alone for an anonymous or invalid token, leaving the refusal to the guard', async () => {
    await (await hooks()).didResolveOperation({ contextValue: context() });
    await (await hooks()).didResolveOperation({ contextValue: context('Bearer forged.token.x') });
    expect(spend.mock.calls).toEqual([
      [{ userId: undefined, address: '203.0.113.7' }, undefined],
      [{ userId: undefined, address: '203.0.113.7' }, undefined],
    ]);
  });

  it('sees the cost set by a plugin before it, as Apollo runs the hooks (all at once, in order)', async () => {
    const costPlugin: Hooks = {
      async didResolveOperation({ contextValue }) {
        (contextValue as { operationCost?: number }).operationCost = 12;
        await Promise.resolve();
      },
    };
    const ctx = { contextValue: context() };
    await Promise.all([costPlugin, await hooks()].map((l) => l.didResolveOperation(ctx)));
    expect(spend).toHaveBeenCalledWith(expect.anything(), 12);
  });

  it('leaves the verified token on the request, so the guard does not check its signature again', async () => {
    const { token } = tokens.signAccessToken('user-1');
    const ctx = context(`Bearer ${token}`, 1);
    await (await hooks()).didResolveOperation({ contextValue: ctx });
    const verify = jest.spyOn(tokens, 'verifyAccessToken');
    try {
      expect(verifiedUserId(ctx.req, token, tokens)).toBe('user-1');
      expect(verify).not.toHaveBeenCalled();
      // Another token on the same request object is checked, not taken for the first one.
      const other = tokens.signAccessToken('user-2').token;
      expect(verifiedUserId(ctx.req, other, tokens)).toBe('user-2');
      expect(verify).toHaveBeenCalledTimes(1);
    } finally {
      verify.mockRestore();
    }
  });

  it('lets a refusal through to Apollo, which answers 429', async () => {
    spend.mockRejectedValue(TooManyRequestsError.after('Too many requests', 5000));
    await expect(
      (await hooks()).didResolveOperation({ contextValue: context() }),
    ).rejects.toBeInstanceOf(TooManyRequestsError);
  });
});

describe('limitSubscription', () => {
  const spend = jest.fn<Promise<void>, unknown[]>();
  const limiter = { spend } as unknown as OperationRateLimiter;

  it("spends one point of the socket user's budget and turns a refusal into the error sent", async () => {
    spend.mockResolvedValueOnce(undefined);
    expect(await limitSubscription(limiter, { userId: 'u' } as never)).toBeUndefined();
    expect(spend).toHaveBeenCalledWith({ userId: 'u' }, 1);

    spend.mockRejectedValueOnce(TooManyRequestsError.after('Too many requests', 2000));
    const [error] = (await limitSubscription(limiter, { userId: 'u' } as never))!;
    expect((error.originalError as AppError).code).toBe('TOO_MANY_REQUESTS');
  });
});
