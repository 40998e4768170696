import { isPrivateHostName, nonPublicAddressKind } from './webhook-address';

describe('nonPublicAddressKind', () => {
  it.each([
    ['0.0.0.0', 'this network'],
    ['0.255.255.255', 'this network'],
    ['10.0.0.5', 'private network'],
    ['10.255.255.255', 'private network'],
    ['100.64.0.1', 'carrier-grade NAT'],
    ['100.127.255.254', 'carrier-grade NAT'],
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['169.254.169.254', 'link-local'],
    ['172.16.0.1', 'private network'],
    ['172.31.255.255', 'private network'],
    ['192.0.0.8', 'reserved'],
    ['192.0.2.10', 'documentation'],
    ['192.168.1.10', 'private network'],
    ['198.18.0.1', 'benchmarking'],
    ['198.19.255.255', 'benchmarking'],
    ['198.51.100.7', 'documentation'],
    ['203.0.113.7', 'documentation'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['240.0.0.1', 'reserved'],
    ['255.255.255.255', 'reserved'],
  ])('IPv4 %s is %s', (address, kind) => {
    expect(nonPublicAddressKind(address)).toBe(kind);
  });

  it.each([
    '1.1.1.1',
    '8.8.8.8',
    '9.255.255.255',
    '11.0.0.0',
    '100.63.255.255',
    '100.128.0.0',
    '126.255.255.255',
    '128.0.0.0',
    '169.253.255.255',
    '172.15.255.255',
    '172.32.0.0',
    '192.167.255.255',
    '192.169.0.0',
    '198.17.255.255',
    '198.20.0.0',
    '223.255.255.255',
  ])('IPv4 %s is public', (address) => {
    expect(nonPublicAddressKind(address)).toBeNull();
  });

  it.each([
    ['::', 'unspecified'],
    ['::1', 'loopback'],
    ['[::1]', 'loopback'],
    ['0:0:0:0:0:0:0:1', 'loopback'],
    ['fc00::1', 'unique-local'],
    ['fd12:3456:789a::1', 'unique-local'],
    ['fe80::1', 'link-local'],
    ['fe80::1%eth0', 'link-local'],
    ['febf:ffff::1', 'link-local'],
    ['fec0::1', 'site-local'],
    ['ff02::1', 'multicast'],
    ['64:ff9b::a00:5', 'NAT64'],
    ['64:ff9b::8.8.8.8', 'NAT64'],
    ['64:ff9b:1::1', 'NAT64'],
    ['100::1', 'discard'],
    ['2001:db8::1', 'documentation'],
  ])('IPv6 %s is %s', (address, kind) => {
    expect(nonPublicAddressKind(address)).toBe(kind);
  });

  it.each([
    ['::ffff:127.0.0.1', 'loopback, IPv4 in IPv6'],
    // How the URL parser writes it: [::ffff:127.0.0.1] becomes [::ffff:7f00:1].
    ['::ffff:7f00:1', 'loopback, IPv4 in IPv6'],
    ['::ffff:10.0.0.5', 'private network, IPv4 in IPv6'],
    ['::FFFF:A9FE:A9FE', 'link-local, IPv4 in IPv6'],
    ['0:0:0:0:0:ffff:c0a8:10a', 'private network, IPv4 in IPv6'],
    ['::ffff:0:10.0.0.5', 'private network, IPv4 in IPv6'],
    ['::10.0.0.5', 'private network, IPv4 in IPv6'],
    ['::ffff:100.64.0.1', 'carrier-grade NAT, IPv4 in IPv6'],
    ['::ffff:198.18.0.1', 'benchmarking, IPv4 in IPv6'],
    ['2002:7f00:1::', 'loopback, 6to4'],
    ['2002:c0a8:101::1', 'private network, 6to4'],
  ])('IPv4 carried in IPv6: %s is %s', (address, kind) => {
    expect(nonPublicAddressKind(address)).toBe(kind);
  });

  it.each([
    '2606:4700:4700::1111',
    '2001:4860:4860::8888',
    '::ffff:8.8.8.8',
    '::ffff:808:808',
    '2002:808:808::1',
    'fbff:ffff::1',
    'fe7f::1',
    '2001:db9::1',
    '64:ff9a::1',
  ])('IPv6 %s is public', (address) => {
    expect(nonPublicAddressKind(address)).toBeNull();
  });

  it('never calls a host name public', () => {
    expect(nonPublicAddressKind('crm.example.jp')).toBe('not an IP address');
    expect(nonPublicAddressKind('')).toBe('not an IP address');
  });
});

describe('isPrivateHostName', () => {
  it.each(['localhost', 'LOCALHOST', 'localhost.', 'api.localhost', 'metadata.google.internal'])(
    '%s is private',
    (host) => expect(isPrivateHostName(host)).toBe(true),
  );

  it.each(['crm.example.jp', 'localhost.example.jp', 'internal.example.jp', 'mylocalhost'])(
    '%s is not',
    (host) => expect(isPrivateHostName(host)).toBe(false),
  );
});
