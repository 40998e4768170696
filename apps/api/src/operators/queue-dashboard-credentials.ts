// What an Authorization header offers the queue dashboard. Scripts send the API's own access
// token; browsers cannot, so people sign in through the browser's Basic prompt instead.
export type DashboardCredentials =
  | { kind: 'none' }
  | { kind: 'bearer'; token: string }
  | { kind: 'basic'; email: string; password: string }
  | { kind: 'malformed' };

export function credentialsOf(header: string | undefined): DashboardCredentials {
  if (!header) return { kind: 'none' };
  const match = /^(\w+)\s+(\S+)\s*$/.exec(header);
  if (!match) return { kind: 'malformed' };
  const [, scheme, value] = match;
  switch (scheme.toLowerCase()) {
    case 'bearer':
      return { kind: 'bearer', token: value };
    case 'basic': {
      // The challenge asks for UTF-8 (RFC 7617), so e-mail addresses and passwords outside ASCII
      // arrive as browsers type them. The user-id cannot contain ':', the password may.
      const decoded = Buffer.from(value, 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      if (colon <= 0) return { kind: 'malformed' };
      return {
        kind: 'basic',
        email: decoded.slice(0, colon),
        password: decoded.slice(colon + 1),
      };
    }
    default:
      return { kind: 'malformed' };
  }
}
