import { registerDecorator, ValidationOptions } from 'class-validator';
import { isPrivateHostName, nonPublicAddressKind, NOT_AN_IP_ADDRESS } from './webhook-address';

export const WEBHOOK_URL_MAX_LENGTH = 2000;

export interface WebhookUrlRules {
  // https only (NODE_ENV=production).
  production: boolean;
  // WEBHOOK_ALLOW_PRIVATE_NETWORKS: local receivers for development and tests.
  allowPrivateNetworks: boolean;
}

// Why the URL's host is not a public one, or null. Only what the URL itself says: a name that
// resolves to a private address is refused when it is called (see webhook-host.ts).
function privateHostProblem(hostname: string): string | null {
  if (isPrivateHostName(hostname)) {
    return `must be a public address, not ${hostname} (a local or internal name)`;
  }
  const literal = hostname.replace(/^\[|\]$/g, '');
  const kind = nonPublicAddressKind(literal);
  if (kind === null || kind === NOT_AN_IP_ADDRESS) return null;
  return `must be a public address, not ${literal} (${kind})`;
}

// What is wrong with a webhook URL, or null.
export function webhookUrlProblem(value: unknown, rules: WebhookUrlRules): string | null {
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
  if (rules.production && url.protocol !== 'https:') return 'must be an https URL';
  // The URL parser has already normalised the host (http://2130706433/ is 127.0.0.1).
  if (!rules.allowPrivateNetworks) return privateHostProblem(url.hostname);
  return null;
}

// The checks that do not depend on the configuration, for GraphQL inputs; the service adds the
// rest, which need it.
const CONFIGURATION_FREE: WebhookUrlRules = { production: false, allowPrivateNetworks: true };

export function IsWebhookUrl(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isWebhookUrl',
      target: target.constructor,
      propertyName: propertyName as string,
      options,
      validator: {
        validate: (value: unknown) => webhookUrlProblem(value, CONFIGURATION_FREE) === null,
        defaultMessage: (args) =>
          webhookUrlProblem(args?.value, CONFIGURATION_FREE) ?? 'must be a URL',
      },
    });
}
