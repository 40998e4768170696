import { Injectable, OnModuleInit } from '@nestjs/common';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import { RESOLVER_PROPERTY_METADATA, RESOLVER_TYPE_METADATA } from '@nestjs/graphql';
import { Authorisation, authorisationsOf } from './authorisation';

// What a field resolver may declare: guards do not run on field resolvers (no
// fieldResolverEnhancers), so a role or sign-in requirement there would never be enforced.
const FIELD_KINDS: ReadonlySet<Authorisation['kind']> = new Set(['public', 'parent']);

// Why the handler's declarations are wrong, or undefined when it may be served.
export function authorisationProblem(
  handler: object,
  kind: 'operation' | 'field',
): string | undefined {
  const declared = authorisationsOf(handler);
  if (declared.length === 0) return 'declares no authorisation';
  if (declared.length > 1) return `declares ${declared.length} authorisations, not one`;
  const [authorisation] = declared;
  if (kind === 'field' && !FIELD_KINDS.has(authorisation.kind))
    return `is a field resolver, where the guard does not run: @Public() or @AsParent()`;
  if (kind === 'operation' && authorisation.kind === 'parent')
    return '@AsParent() is for field resolvers';
  return undefined;
}

// Refuses to start the API while any resolver operation (query, mutation, subscription) or field
// resolver lacks exactly one authorisation declaration, naming every such handler.
@Injectable()
export class AuthorisationCheck implements OnModuleInit {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
  ) {}

  onModuleInit(): void {
    const { problems } = this.review();
    if (problems.length)
      throw new Error(`Resolver authorisation check failed: ${problems.join('; ')}`);
  }

  // Every resolver handler found ("Class.method"), and what is wrong with those that are.
  review(): { checked: string[]; problems: string[] } {
    const checked: string[] = [];
    const problems: string[] = [];
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || typeof instance !== 'object') continue;
      const prototype = Object.getPrototypeOf(instance) as object;
      for (const method of this.scanner.getAllMethodNames(prototype)) {
        const handler = instance[method];
        if (typeof handler !== 'function') continue;
        const operation = Reflect.getMetadata(RESOLVER_TYPE_METADATA, handler) as
          string | undefined;
        const field = Reflect.getMetadata(RESOLVER_PROPERTY_METADATA, handler) === true;
        if (!operation && !field) continue;
        const name = `${instance.constructor.name}.${method}`;
        checked.push(name);
        const problem = authorisationProblem(handler, field ? 'field' : 'operation');
        if (problem) problems.push(`${name} ${problem}`);
      }
    }
    return { checked, problems };
  }
}
