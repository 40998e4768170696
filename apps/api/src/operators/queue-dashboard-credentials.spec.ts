import { credentialsOf } from './queue-dashboard-credentials';

const basic = (pair: string) => `Basic ${Buffer.from(pair, 'utf8').toString('base64')}`;

describe('credentialsOf', () => {
  it('reads Basic credentials as UTF-8, splitting at the first colon', () => {
    expect(credentialsOf(basic('admin@example.jp:pass:wörd'))).toEqual({
      kind: 'basic',
      email: 'admin@example.jp',
      password: 'pass:wörd',
    });
  });

  it('reads Bearer tokens, whatever the scheme’s case', () => {
    expect(credentialsOf('bearer abc.def')).toEqual({ kind: 'bearer', token: 'abc.def' });
  });

  it('tells a missing header from one it cannot use', () => {
    expect(credentialsOf(undefined)).toEqual({ kind: 'none' });
    expect(credentialsOf('Bearer')).toEqual({ kind: 'malformed' });
    expect(credentialsOf('Digest abc')).toEqual({ kind: 'malformed' });
    expect(credentialsOf(basic('no-colon'))).toEqual({ kind: 'malformed' });
    expect(credentialsOf(basic(':password-only'))).toEqual({ kind: 'malformed' });
  });
});
