import { DiscoveryModule } from '@nestjs/core';
import { Mutation, Query, ResolveField, Resolver, Subscription } from '@nestjs/graphql';
import { Test } from '@nestjs/testing';
import { AuthorisationCheck } from './authorisation-check';
import { Allow, AsParent, Authenticated, Public, Role, ServiceChecks } from './authorisation';

@Resolver()
class DeclaredResolver {
  @Public()
  @Query(() => String)
  open(): string {
    return '';
  }

  @Allow(Role.PLATFORM_ADMIN)
  @Mutation(() => String)
  admin(): string {
    return '';
  }

  @Authenticated()
  @Subscription(() => String)
  mine(): string {
    return '';
  }

  @AsParent()
  @ResolveField(() => String)
  detail(): string {
    return '';
  }

  // Not an operation: needs no declaration.
  helper(): string {
    return '';
  }
}

@Resolver()
class UndeclaredResolver {
  @Query(() => String)
  secret(): string {
    return '';
  }

  @ServiceChecks('remit')
  @Public()
  @Mutation(() => String)
  twice(): string {
    return '';
  }

  @Subscription(() => String)
  stream(): string {
    return '';
  }

  // Guards do not run on field resolvers: a role there would never be checked.
  @Allow(Role.PLATFORM_ADMIN)
  @ResolveField(() => String)
  field(): string {
    return '';
  }

  @AsParent()
  @Query(() => String)
  misplaced(): string {
    return '';
  }
}

async function boot(...resolvers: Array<new () => unknown>): Promise<void> {
  const module = await Test.createTestingModule({
    imports: [DiscoveryModule],
    providers: [AuthorisationCheck, ...resolvers],
  }).compile();
  try {
    await module.init();
  } finally {
    await module.close();
  }
}

describe('AuthorisationCheck', () => {
  it('lets a module start when every operation and field resolver declares one authorisation', async () => {
    await expect(boot(DeclaredResolver)).resolves.toBeUndefined();
  });

  it('refuses to start, naming every handler without exactly one fitting declaration', async () => {
    const failure = boot(DeclaredResolver, UndeclaredResolver);
    await expect(failure).rejects.toThrow(/^Resolver authorisation check failed: /);
    const message = await failure.then(
      () => '',
      (e: Error) => e.message,
    );
    const problems = message.replace(/^[^:]+: /, '').split('; ');
    expect(problems.sort()).toEqual([
      'UndeclaredResolver.field is a field resolver, where the guard does not run: @Public() or @AsParent()',
      'UndeclaredResolver.misplaced @AsParent() is for field resolvers',
      'UndeclaredResolver.secret declares no authorisation',
      'UndeclaredResolver.stream declares no authorisation',
      'UndeclaredResolver.twice declares 2 authorisations, not one',
    ]);
  });
});
