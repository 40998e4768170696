import { Injectable } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';

export interface DiscoveredMethod<M> {
  metadata: M;
  // Bound to its provider instance.
  method: (...args: never[]) => unknown;
  // "Class.method", for boot errors.
  owner: string;
}

// Every provider method carrying a metadata key, found once the providers exist: how event
// subscribers and audience providers register with a decorator, like job handlers.
@Injectable()
export class MethodDiscovery {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {}

  find<M>(metadataKey: string): Array<DiscoveredMethod<M>> {
    const found: Array<DiscoveredMethod<M>> = [];
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || typeof instance !== 'object') continue;
      const prototype = Object.getPrototypeOf(instance) as object;
      for (const name of this.scanner.getAllMethodNames(prototype)) {
        const fn = instance[name] as (...args: never[]) => unknown;
        const metadata = this.reflector.get<M | undefined>(metadataKey, fn);
        if (metadata === undefined) continue;
        const owner = `${prototype.constructor.name}.${name}`;
        found.push({ metadata, method: fn.bind(instance), owner });
      }
    }
    return found;
  }
}

// Checks the methods discovered for a closed list (personal-data sections, project reader
// relations) against it: each listed item needs exactly one provider, and nothing unlisted may
// have one. Returns the problems, each named, for the caller to refuse to start with.
export function checkOneProviderEach(
  listed: readonly string[],
  found: readonly string[],
  names: { item: string; provider: string },
): string[] {
  const problems: string[] = [];
  for (const item of listed) {
    const count = found.filter((f) => f === item).length;
    if (count !== 1) problems.push(`${names.item} "${item}" has ${count} ${names.provider}s`);
  }
  for (const name of new Set(found)) {
    if (!listed.includes(name))
      problems.push(`${names.provider} of unlisted ${names.item} "${name}"`);
  }
  return problems;
}
