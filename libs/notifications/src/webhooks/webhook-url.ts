import { isIP } from 'node:net';
import { registerDecorator, ValidationOptions } from 'class-validator';

export const WEBHOOK_URL_MAX_LENGTH = 2000;

// Hosts a production server must not be pointed at: the machine itself and private networks,
// where a webhook would let an organisation probe our infrastructure. (Names that resolve to
// such addresses are the network's egress policy to stop; this catches the obvious cases.)
function isInternalHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.internal')) {
    return true;
  }
  if (isIP(host) === 4) {
    const [a, b] = host.split('.').map(Number);
    return (
      a === 0 ||
      a === 10 ||
      a === 127 ||
      (a === 100 && b >= 64 && b <= 127) ||
      (a === 169 && b === 254) ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168)
    );
  }
  if (isIP(host) === 6) {
    return (
      host === '::' ||
      host === '::1' ||
      /^f[cd]/.test(host) ||
      /^fe[89ab]/.test(host) ||
      host.startsWith('::ffff:')
    );
  }
  return false;
}

// What is wrong with a webhook URL, or null. Outside production plain http and local receivers
// are allowed, for development and tests.
export function webhookUrlProblem(value: unknown, options: { production: boolean }): string | null {
  if (typeof value !== 'string' || value.length === 0) return 'must be a URL';
  if (value.length > WEBHOOK_URL_MAX_LENGTH) {
    return `must be at most ${WEBHOOK_URL_MAX_LENGTH} characters`;
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'must be an absolute http(s) URL';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'must be an http(s) URL';
  // Credentials in a URL end up in logs and screens; the signature authenticates us instead.
  if (url.username || url.password) return 'must not contain a user name or password';
  if (!url.hostname) return 'must name a host';
  if (options.production) {
    if (url.protocol !== 'https:') return 'must be an https URL';
    if (isInternalHost(url.hostname)) return 'must be a public address';
  }
  return null;
}

// The checks that do not depend on the environment, for GraphQL inputs; the service adds the
// production rules, which need the configuration.
export function IsWebhookUrl(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isWebhookUrl',
      target: target.constructor,
      propertyName: propertyName as string,
      options,
      validator: {
        validate: (value: unknown) => webhookUrlProblem(value, { production: false }) === null,
        defaultMessage: (args) =>
          webhookUrlProblem(args?.value, { production: false }) ?? 'must be a URL',
      },
    });
}
