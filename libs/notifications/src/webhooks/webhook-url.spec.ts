// The one file, not the core barrel, which loads TypeORM, BullMQ and Nest for nothing here.
import { loadConfig } from '../../../core/src/config/app-config';
import { webhookUrlProblem } from './webhook-url';

describe('webhookUrlProblem', () => {
  const local = { production: false, allowPrivateNetworks: true };
  const dev = { production: false, allowPrivateNetworks: false };
  const prod = { production: true, allowPrivateNetworks: false };

  it('accepts local receivers when private networks are allowed', () => {
    expect(webhookUrlProblem('https://crm.example.jp/hooks/tsunagu?k=1', local)).toBeNull();
    expect(webhookUrlProblem('http://127.0.0.1:4010/hook', local)).toBeNull();
    expect(webhookUrlProblem('http://localhost:4010/hook', local)).toBeNull();
    expect(webhookUrlProblem('http://127.0.0.1:4010/hook', { ...local, production: true })).toBe(
      'must be an https URL',
    );
  });

  it.each([
    ['not a URL', 'crm.example.jp/hook', 'must be an absolute http(s) URL'],
    ['another scheme', 'ftp://crm.example.jp/hook', 'must be an http(s) URL'],
    ['a javascript: URL', 'javascript:alert(1)', 'must be an http(s) URL'],
    ['credentials', 'https://user:pass@crm.example.jp/hook', 'must not contain a user name'],
    ['a user name alone', 'https://user@crm.example.jp/hook', 'must not contain a user name'],
    ['an empty string', '', 'must be a URL'],
    ['a number', 42, 'must be a URL'],
    ['2001 characters', `https://crm.example.jp/${'a'.repeat(1978)}`, 'at most 2000'],
  ])('rejects %s', (_what, value, problem) => {
    expect(webhookUrlProblem(value, local)).toContain(problem);
  });

  it('outside production allows http to public hosts', () => {
    expect(webhookUrlProblem('http://crm.example.jp/hook', dev)).toBeNull();
  });

  it('in production requires https', () => {
    expect(webhookUrlProblem('https://crm.example.jp/hook', prod)).toBeNull();
    expect(webhookUrlProblem('http://crm.example.jp/hook', prod)).toBe('must be an https URL');
  });

  it.each([
    ['https://127.0.0.1:4010/hook', 'not 127.0.0.1 (loopback)'],
    ['https://localhost/hook', 'not localhost (a local or internal name)'],
    ['https://LocalHost./hook', 'not localhost. (a local or internal name)'],
    ['https://tenant.localhost/hook', 'not tenant.localhost (a local or internal name)'],
    [
      'https://metadata.google.internal/hook',
      'not metadata.google.internal (a local or internal name)',
    ],
    ['https://10.1.2.3/hook', 'not 10.1.2.3 (private network)'],
    ['https://172.20.0.5/hook', 'not 172.20.0.5 (private network)'],
    ['https://192.168.1.10/hook', 'not 192.168.1.10 (private network)'],
    ['https://100.100.0.1/hook', 'not 100.100.0.1 (carrier-grade NAT)'],
    ['https://169.254.169.254/latest/meta-data', 'not 169.254.169.254 (link-local)'],
    ['https://198.18.0.1/hook', 'not 198.18.0.1 (benchmarking)'],
    ['https://224.0.0.1/hook', 'not 224.0.0.1 (multicast)'],
    ['https://240.0.0.1/hook', 'not 240.0.0.1 (reserved)'],
    ['https://0.0.0.0/hook', 'not 0.0.0.0 (this network)'],
    // Spellings the URL parser turns into 127.0.0.1.
    ['https://2130706433/hook', 'not 127.0.0.1 (loopback)'],
    ['https://0x7f.1/hook', 'not 127.0.0.1 (loopback)'],
    ['https://[::1]/hook', 'not ::1 (loopback)'],
    ['https://[fd00::1]/hook', 'not fd00::1 (unique-local)'],
    ['https://[fe80::1]/hook', 'not fe80::1 (link-local)'],
    ['https://[64:ff9b::a00:5]/hook', 'not 64:ff9b::a00:5 (NAT64)'],
    ['https://[::ffff:127.0.0.1]/hook', 'not ::ffff:7f00:1 (loopback, IPv4 in IPv6)'],
    ['https://[::ffff:10.0.0.5]/hook', 'not ::ffff:a00:5 (private network, IPv4 in IPv6)'],
  ])('without private networks refuses %s', (url, problem) => {
    for (const rules of [dev, prod]) {
      expect(webhookUrlProblem(url, rules)).toBe(`must be a public address, ${problem}`);
    }
  });

  it('without private networks accepts public addresses', () => {
    for (const url of [
      'https://172.32.0.1/hook',
      'https://8.8.8.8/hook',
      'https://[2606:4700:4700::1111]/hook',
      'https://localhost.example.jp/hook',
    ]) {
      expect(webhookUrlProblem(url, prod)).toBeNull();
    }
  });
});

describe('WEBHOOK_ALLOW_PRIVATE_NETWORKS', () => {
  const env = {
    DATABASE_URL: 'postgres://tsunagu:secret@localhost:5432/tsunagu',
    REDIS_URL: 'redis://localhost:6379',
    JWT_SECRET: 'x'.repeat(32),
  };

  it('is off unless set to true', () => {
    expect(loadConfig(env).WEBHOOK_ALLOW_PRIVATE_NETWORKS).toBe(false);
    const on = { ...env, WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true' };
    expect(loadConfig(on).WEBHOOK_ALLOW_PRIVATE_NETWORKS).toBe(true);
    const off = { ...env, WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'false' };
    expect(loadConfig(off).WEBHOOK_ALLOW_PRIVATE_NETWORKS).toBe(false);
  });

  it('refuses anything but true or false', () => {
    expect(() => loadConfig({ ...env, WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'yes' })).toThrow(
      /WEBHOOK_ALLOW_PRIVATE_NETWORKS must be a boolean value/,
    );
  });
});
