import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { LocalService } from './local-postgres';
import { listenOnLoopback } from './smtp-listen';

export interface LocalMailOptions {
  dataDir: string;
  log?: (line: string) => void;
}

function fileName(): string {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  return `${stamp}-${randomBytes(3).toString('hex')}.eml`;
}

// For `npm start` without Docker: a local SMTP server on loopback that keeps every message as an
// .eml file (open it in any mail client) instead of delivering it. Nothing leaves the machine.
export async function startLocalMail(options: LocalMailOptions): Promise<LocalService> {
  // Loaded here rather than at the top: only `start` runs this, not every CLI command nor the
  // test set-up (which passes mail: false).
  const { SMTPServer } = await import('smtp-server');
  const log = options.log ?? (() => undefined);
  await mkdir(options.dataDir, { recursive: true });

  const server = new SMTPServer({
    authOptional: true,
    // Loopback only, so plain-text logins are fine; any credentials in SMTP_URL are accepted.
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    size: 25 * 1024 * 1024,
    closeTimeout: 2000,
    onAuth(auth, _session, callback) {
      callback(null, { user: auth.username ?? 'local' });
    },
    onData(stream, session, callback) {
      const name = fileName();
      const file = join(options.dataDir, name);
      // Written under a temporary name first, so a half-written file never looks like a message.
      const partial = `${file}.part`;
      pipeline(stream, createWriteStream(partial))
        .then(async () => {
          if (stream.sizeExceeded) {
            await rm(partial, { force: true });
            const error = Object.assign(new Error('Message exceeds the size limit'), {
              responseCode: 552,
            });
            return callback(error);
          }
          await rename(partial, file);
          // Japanese subjects arrive encoded (RFC 2047): the parser decodes them for the log.
          const { simpleParser } = await import('mailparser');
          const parsed = await simpleParser(createReadStream(file));
          const subject = parsed.subject ?? '(no subject)';
          const to = session.envelope.rcptTo.map((r) => r.address).join(', ');
          log(`[mail] ${subject} -> ${to} saved to ${file}`);
          callback(null, `Saved as ${name}`);
        })
        .catch((error: Error) => {
          void rm(partial, { force: true });
          callback(error);
        });
    },
  });

  const url = await listenOnLoopback(server);

  return {
    url,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
