import { webhookUrlProblem } from './webhook-url';

describe('webhookUrlProblem', () => {
  const dev = { production: false };
  const prod = { production: true };

  it('accepts http(s) URLs outside production, local receivers included', () => {
    expect(webhookUrlProblem('https://crm.example.jp/hooks/tsunagu?k=1', dev)).toBeNull();
    expect(webhookUrlProblem('http://127.0.0.1:4010/hook', dev)).toBeNull();
    expect(webhookUrlProblem('http://localhost:4010/hook', dev)).toBeNull();
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
    expect(webhookUrlProblem(value, dev)).toContain(problem);
  });

  it('in production requires https and a public host', () => {
    expect(webhookUrlProblem('https://crm.example.jp/hook', prod)).toBeNull();
    expect(webhookUrlProblem('http://crm.example.jp/hook', prod)).toBe('must be an https URL');
    for (const internal of [
      'https://localhost/hook',
      'https://127.0.0.1/hook',
      'https://10.1.2.3/hook',
      'https://172.20.0.5/hook',
      'https://192.168.1.10/hook',
      'https://169.254.169.254/latest/meta-data',
      'https://[::1]/hook',
      'https://[fd00::1]/hook',
      'https://metadata.google.internal/hook',
    ]) {
      expect(webhookUrlProblem(internal, prod)).toBe('must be a public address');
    }
    expect(webhookUrlProblem('https://172.32.0.1/hook', prod)).toBeNull();
  });
});
