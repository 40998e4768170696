import type { ApolloDriverConfig } from '@nestjs/apollo';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';

type ApolloPlugin = NonNullable<ApolloDriverConfig['plugins']>[number];

// Apollo's cache-control plugin, on by default, hooks every field of every answer to collect
// cache hints; the schema declares none, so all it ever concluded was `cache-control: no-store`.
// That header is set here once per answer instead, and the per-field hook is switched off.
export const uncacheableResponsesPlugins: ApolloPlugin[] = [
  // Apollo recognises its own plugins by an id, in either of its builds.
  ApolloServerPluginCacheControlDisabled() as unknown as ApolloPlugin,
  {
    requestDidStart() {
      return Promise.resolve({
        willSendResponse({ response }) {
          response.http.headers.set('cache-control', 'no-store');
          return Promise.resolve();
        },
      });
    },
  },
];
