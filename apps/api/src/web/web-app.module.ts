import { Logger, Module } from '@nestjs/common';
import { ServeStaticModule } from '@nestjs/serve-static';
import type { Response } from 'express';
import { existsSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

// `npm run build:web` writes the web app here; the API is started from the repository root
// (npm start, the image's WORKDIR).
export const WEB_APP_DIR = resolve('apps/web/dist');

// Paths that belong to the API, in any letter case (Express routes them so): never answered with
// the web app's index.html. /assets holds the hashed build files, so a missing one is a 404
// rather than a page that fails to parse as script. Under /events only the calendar files are
// the API's: /events/<id> is the web app's event page.
const API_PATHS =
  /^\/((graphql|health|admin|auth|reports|assets)(\/|$)|events\/[^/]+\/registrations\/)/i;

// Hashed assets never change; index.html names the current ones, so it is revalidated each time.
// Link-preview images (og/) keep their names when redrawn: a day.
function setCacheHeaders(res: Response, path: string): void {
  res.setHeader(
    'Cache-Control',
    basename(path) === 'index.html'
      ? 'no-cache'
      : basename(dirname(path)) === 'og'
        ? 'public, max-age=86400'
        : 'public, max-age=31536000, immutable',
  );
}

// The web app at `/`, with every other path not the API's answered by index.html so deep links
// (e-mails' /engagements/<id>) open in the app, which routes them itself.
@Module({
  imports: [
    ServeStaticModule.forRootAsync({
      useFactory: () => {
        if (!existsSync(join(WEB_APP_DIR, 'index.html'))) {
          new Logger('web').warn(`No web app at ${WEB_APP_DIR}: run npm run build:web`);
          return [];
        }
        return [
          {
            rootPath: WEB_APP_DIR,
            exclude: API_PATHS,
            serveStaticOptions: { index: false, setHeaders: setCacheHeaders },
          },
        ];
      },
    }),
  ],
})
export class WebAppModule {}
