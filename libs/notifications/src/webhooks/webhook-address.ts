import { isIP } from 'node:net';

// Which addresses a webhook may not reach unless WEBHOOK_ALLOW_PRIVATE_NETWORKS is set: the
// machine itself, private and link-local networks (cloud metadata lives at 169.254.169.254),
// and ranges that are not ordinary public unicast. A webhook pointed there would let an
// organisation probe our infrastructure with our servers' reach.

interface Range {
  // The first address of the range as a number (IPv4: 32 bits, IPv6: 128 bits).
  base: bigint;
  bits: number;
  kind: string;
}

function ipv4ToBigInt(address: string): bigint {
  return address.split('.').reduce((value, octet) => (value << 8n) | BigInt(Number(octet)), 0n);
}

// Eight 16-bit groups, "::" expanded and a dotted IPv4 tail (::ffff:1.2.3.4) folded in.
function ipv6ToBigInt(address: string): bigint {
  let text = address;
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const v4 = ipv4ToBigInt(dotted[1]);
    text = `${text.slice(0, dotted.index)}${(v4 >> 16n).toString(16)}:${(v4 & 0xffffn).toString(16)}`;
  }
  const [head, tail] = text.split('::');
  const groups = (part: string | undefined) => (part ? part.split(':') : []);
  const missing = 8 - groups(head).length - groups(tail).length;
  const all =
    tail === undefined
      ? groups(head)
      : [...groups(head), ...Array<string>(missing).fill('0'), ...groups(tail)];
  return all.reduce((value, group) => (value << 16n) | BigInt(parseInt(group, 16)), 0n);
}

function range(cidr: string, kind: string): Range {
  const [address, bits] = cidr.split('/');
  const base = isIP(address) === 4 ? ipv4ToBigInt(address) : ipv6ToBigInt(address);
  return { base, bits: Number(bits), kind };
}

const IPV4_RANGES: Range[] = [
  range('0.0.0.0/8', 'this network'),
  range('10.0.0.0/8', 'private network'),
  range('100.64.0.0/10', 'carrier-grade NAT'),
  range('127.0.0.0/8', 'loopback'),
  range('169.254.0.0/16', 'link-local'),
  range('172.16.0.0/12', 'private network'),
  range('192.0.0.0/24', 'reserved'),
  range('192.0.2.0/24', 'documentation'),
  range('192.168.0.0/16', 'private network'),
  range('198.18.0.0/15', 'benchmarking'),
  range('198.51.100.0/24', 'documentation'),
  range('203.0.113.0/24', 'documentation'),
  range('224.0.0.0/4', 'multicast'),
  range('240.0.0.0/4', 'reserved'),
];

const IPV6_RANGES: Range[] = [
  range('::/128', 'unspecified'),
  range('::1/128', 'loopback'),
  // Only the IPv4 compatible (::a.b.c.d, deprecated) and mapped forms are left in ::/96 and
  // ::ffff:0:0/96; they are classified by their IPv4 address below.
  range('64:ff9b::/96', 'NAT64'),
  range('64:ff9b:1::/48', 'NAT64'),
  range('100::/64', 'discard'),
  range('2001:db8::/32', 'documentation'),
  range('fc00::/7', 'unique-local'),
  range('fe80::/10', 'link-local'),
  range('fec0::/10', 'site-local'),
  range('ff00::/8', 'multicast'),
];

function inRange(value: bigint, width: number, r: Range): boolean {
  const shift = BigInt(width - r.bits);
  return value >> shift === r.base >> shift;
}

function ipv4Kind(value: bigint): string | null {
  return IPV4_RANGES.find((r) => inRange(value, 32, r))?.kind ?? null;
}

export const NOT_AN_IP_ADDRESS = 'not an IP address';

// Why an IP address is not a public one (e.g. "loopback"), or null when it is. Anything that is
// not an IP address is reported as such, so a caller can never mistake garbage for public.
export function nonPublicAddressKind(address: string): string | null {
  // A zone (fe80::1%eth0) says which interface, not which address.
  const plain = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const version = isIP(plain);
  if (version === 4) return ipv4Kind(ipv4ToBigInt(plain));
  if (version !== 6) return NOT_AN_IP_ADDRESS;
  const value = ipv6ToBigInt(plain);
  const known = IPV6_RANGES.find((r) => inRange(value, 128, r))?.kind;
  if (known) return known;
  const high = value >> 32n;
  // ::ffff:a.b.c.d (mapped), ::a.b.c.d (compatible) and ::ffff:0:a.b.c.d (translated) reach
  // the IPv4 address they carry.
  if (high === 0xffffn || high === 0n || high === 0xffff0000n) {
    const kind = ipv4Kind(value & 0xffffffffn);
    return kind ? `${kind}, IPv4 in IPv6` : null;
  }
  // 6to4 (2002:a.b.c.d::/48) routes to the IPv4 address in bits 16 to 48.
  if (value >> 112n === 0x2002n) {
    const kind = ipv4Kind((value >> 80n) & 0xffffffffn);
    return kind ? `${kind}, 6to4` : null;
  }
  return null;
}

// Names that mean this machine or a private network whatever they resolve to: localhost, its
// subdomains (RFC 6761) and *.internal (cloud providers' private DNS, e.g. the metadata server).
export function isPrivateHostName(hostname: string): boolean {
  // "localhost." is the same name as "localhost".
  const host = hostname.toLowerCase().replace(/\.$/, '');
  return host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.internal');
}
