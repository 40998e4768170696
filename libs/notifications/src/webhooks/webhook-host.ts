import type { LookupAddress } from 'node:dns';
import { lookup } from 'node:dns/promises';
import { isIP, LookupFunction } from 'node:net';
import { nonPublicAddressKind } from './webhook-address';

// The call-time half of the private-network rule. A URL that names a public host when it is
// registered can resolve to 10.0.0.5 later (or on every second lookup: DNS rebinding), so the
// host is resolved once per call, every address is checked, and the connection is made to those
// checked addresses only, never to a second lookup's answer.

export type HostResolver = (hostname: string) => Promise<LookupAddress[]>;

export const systemResolver: HostResolver = (hostname) =>
  lookup(hostname, { all: true, verbatim: true });

export type VettedHost = { ok: true; addresses: LookupAddress[] } | { ok: false; error: string };

// `hostname` as URL.hostname gives it (IPv6 in brackets). Resolution errors are thrown.
export async function vetWebhookHost(
  hostname: string,
  options: { allowPrivateNetworks: boolean; resolve: HostResolver },
): Promise<VettedHost> {
  const literal = hostname.replace(/^\[|\]$/g, '');
  const version = isIP(literal);
  const addresses = version
    ? [{ address: literal, family: version }]
    : await options.resolve(literal);
  if (addresses.length === 0) return { ok: false, error: `${literal} resolves to no address` };
  if (options.allowPrivateNetworks) return { ok: true, addresses };
  for (const { address } of addresses) {
    const kind = nonPublicAddressKind(address);
    if (kind === null) continue;
    const error = version
      ? `${address} is a private address (${kind})`
      : `${literal} resolves to a private address ${address} (${kind})`;
    return { ok: false, error };
  }
  return { ok: true, addresses };
}

// For http(s).request: answers the socket's lookup with the vetted addresses instead of asking
// DNS again. Node asks for all addresses (to try IPv6 and IPv4 in turn) or for one.
export function pinnedLookup(addresses: LookupAddress[]): LookupFunction {
  return (_hostname, options, callback) => {
    const family = options.family === 'IPv4' ? 4 : options.family === 'IPv6' ? 6 : options.family;
    const usable = family ? addresses.filter((a) => a.family === family) : addresses;
    if (usable.length === 0) {
      const error: NodeJS.ErrnoException = new Error(`no IPv${family} address to connect to`);
      error.code = 'ENOTFOUND';
      callback(error, '');
    } else if (options.all) {
      callback(null, usable);
    } else {
      callback(null, usable[0].address, usable[0].family);
    }
  };
}
