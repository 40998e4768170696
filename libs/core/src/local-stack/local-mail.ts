import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { LocalService } from './local-postgres';

export interface LocalMailOptions {
  dataDir: string;
  log?: (line: string) => void;
}

// Just enough of the headers to name a message in the log line; the .eml file has everything.
const HEADER_LIMIT = 64 * 1024;

function headerOf(head: string, name: string): string | undefined {
  const unfolded = head.replace(/\r?\n[ \t]+/g, ' ');
  const match = new RegExp(`^${name}:[ \\t]*(.*)$`, 'im').exec(unfolded);
  return match?.[1]?.trim();
}

function qDecode(text: string): Buffer {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const hex = text.slice(i + 1, i + 3);
    if (text[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else bytes.push(text[i] === '_' ? 0x20 : text.charCodeAt(i) & 0xff);
  }
  return Buffer.from(bytes);
}

const ENCODED_WORD = /=\?([^?]+)\?([bBqQ])\?([^?]*)\?=/g;

// Japanese subjects arrive as RFC 2047 encoded words ("=?UTF-8?Q?...?="). A run of adjacent
// words is decoded as one byte sequence, since a sender may split a character between two.
// Only UTF-8 is decoded; anything else stays as it came (this is only for a log line).
function decodeWords(value: string): string {
  // Whitespace between two encoded words is not part of the text (RFC 2047, section 6.2).
  const joined = value.replace(/\?=\s+(?==\?)/g, '?=');
  return joined.replace(/(?:=\?[^?]+\?[bBqQ]\?[^?]*\?=)+/g, (run) => {
    const parts: Buffer[] = [];
    for (const [, charset, encoding, text] of run.matchAll(ENCODED_WORD)) {
      if (!/^(utf-?8|us-ascii)(\*.*)?$/i.test(charset)) return run;
      parts.push(encoding.toUpperCase() === 'B' ? Buffer.from(text, 'base64') : qDecode(text));
    }
    return Buffer.concat(parts).toString('utf8');
  });
}

function fileName(): string {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  return `${stamp}-${randomBytes(3).toString('hex')}.eml`;
}

// For `npm start` without Docker: a local SMTP server on loopback that keeps every message as an
// .eml file (open it in any mail client) instead of delivering it. Nothing leaves the machine.
export async function startLocalMail(options: LocalMailOptions): Promise<LocalService> {
  // Loaded here rather than at the top: @tsunagu/core is imported by the API and the worker too,
  // which never run this.
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
      let head = '';
      stream.on('data', (chunk: Buffer) => {
        if (head.length < HEADER_LIMIT && !head.includes('\r\n\r\n'))
          head += chunk.toString('utf8');
      });
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
          const headers = head.split(/\r?\n\r?\n/)[0];
          const subject = decodeWords(headerOf(headers, 'subject') ?? '(no subject)');
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

  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    // Port 0: the kernel picks a free port at bind time, so nothing can take it in between.
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;

  return {
    url: `smtp://127.0.0.1:${port}`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
