import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import { listenOnLoopback } from '../../apps/cli/src/local-stack/smtp-listen';

export interface CaughtEmail {
  // As in the header, angle brackets included.
  messageId: string;
  from: string;
  // Envelope recipients (RCPT TO), comma separated; `recipients` has them one by one.
  to: string;
  recipients: string[];
  subject: string;
  text: string;
  html: string;
  // Header name (lower case) to its decoded value; the last one wins for repeated headers.
  headers: Record<string, string>;
  raw: Buffer;
  parsed: ParsedMail;
}

export interface SmtpCatcher {
  // smtp://127.0.0.1:<port>, ready for SMTP_URL.
  url: string;
  // Accepted messages, in arrival order. A message is here before its sender sees the 250 reply.
  messages: CaughtEmail[];
  // How many messages were refused through failNext.
  refusedCount: number;
  waitFor(count: number, timeoutMs?: number): Promise<CaughtEmail[]>;
  // Refuse the next n messages at the end of DATA (451: try again later), for retry tests.
  failNext(n: number, code?: number): void;
  clear(): void;
  close(): Promise<void>;
}

function readAll(stream: SMTPServerDataStream): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.once('end', () => resolve(Buffer.concat(chunks)));
    stream.once('error', reject);
  });
}

function headerValues(parsed: ParsedMail): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const { key, line } of parsed.headerLines) {
    const value = parsed.headers.get(key);
    // Structured headers (addresses, dates, content types) come parsed as objects: keep the
    // raw line for those, unfolded.
    headers[key] =
      typeof value === 'string'
        ? value
        : line
            .slice(line.indexOf(':') + 1)
            .replace(/\r?\n[ \t]+/g, ' ')
            .trim();
  }
  return headers;
}

async function toCaught(raw: Buffer, session: SMTPServerSession): Promise<CaughtEmail> {
  const parsed = await simpleParser(raw);
  const recipients = session.envelope.rcptTo.map((r) => r.address);
  return {
    messageId: parsed.messageId ?? '',
    from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
    to: recipients.join(', '),
    recipients,
    subject: parsed.subject ?? '',
    text: parsed.text ?? '',
    html: parsed.html || '',
    headers: headerValues(parsed),
    raw,
    parsed,
  };
}

export interface SmtpCatcherOptions {
  // Recipients to refuse at RCPT TO with 550 (mailbox unavailable).
  refuseRecipient?: (address: string) => boolean;
  // Senders to refuse at MAIL FROM with 550, as a relay does for a sender it will not take.
  refuseSender?: (address: string) => boolean;
  // Messages to accept and drop (neither kept nor failed), e.g. isAccountMail in a test about
  // notifications, whose sign-ups also send verification mail.
  ignore?: (message: CaughtEmail) => boolean;
}

// Verification, reset and e-mail change mails (identity's, not notifications).
export function isAccountMail(message: CaughtEmail): boolean {
  return 'x-tsunagu-account-mail' in message.headers;
}

// What regions and intermediaries are told of a project's review (its submission, a send-back,
// its publication): set-up noise for a test that publishes its project to test something else.
const REVIEW_EVENTS = ['PROJECT_SUBMITTED', 'PROJECT_CHANGES_REQUESTED', 'PROJECT_PUBLISHED'];
export function isReviewMail(message: CaughtEmail): boolean {
  return REVIEW_EVENTS.includes(String(message.headers['x-tsunagu-event']));
}

// A real SMTP server on a loopback port the kernel picks, for tests that send e-mail: no TLS,
// any (or no) login accepted, every message parsed and kept in memory.
export async function startSmtpCatcher(options: SmtpCatcherOptions = {}): Promise<SmtpCatcher> {
  const messages: CaughtEmail[] = [];
  const waiters = new Set<() => void>();
  let failures: Array<number> = [];
  let refusedCount = 0;

  const server = new SMTPServer({
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    // Pooled client connections left open by a test should not hold close() for 30 s.
    closeTimeout: 500,
    onAuth(auth, _session, callback) {
      callback(null, { user: auth.username ?? 'test' });
    },
    onMailFrom(address, _session, callback) {
      if (!options.refuseSender?.(address.address)) return callback();
      callback(
        Object.assign(new Error(`${address.address}: sender not allowed`), { responseCode: 550 }),
      );
    },
    onRcptTo(address, _session, callback) {
      if (!options.refuseRecipient?.(address.address)) return callback();
      const error = Object.assign(new Error(`${address.address}: mailbox unavailable`), {
        responseCode: 550,
      });
      callback(error);
    },
    onData(stream, session, callback) {
      readAll(stream)
        .then(async (raw) => {
          const caught = await toCaught(raw, session);
          if (options.ignore?.(caught)) return callback();
          const code = failures.shift();
          if (code !== undefined) {
            refusedCount += 1;
            const error = Object.assign(new Error('Temporary failure, try again later'), {
              responseCode: code,
            });
            return callback(error);
          }
          messages.push(caught);
          for (const wake of waiters) wake();
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });

  const url = await listenOnLoopback(server);

  return {
    url,
    messages,
    get refusedCount() {
      return refusedCount;
    },
    waitFor(count, timeoutMs = 10_000) {
      if (messages.length >= count) return Promise.resolve(messages);
      return new Promise((resolve, reject) => {
        const check = () => {
          if (messages.length < count) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(messages);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(
            new Error(
              `expected ${count} e-mail(s) within ${timeoutMs} ms, got ${messages.length}` +
                (messages.length ? `: ${messages.map((m) => m.subject).join(' | ')}` : ''),
            ),
          );
        }, timeoutMs);
        waiters.add(check);
      });
    },
    failNext(n, code = 451) {
      failures = failures.concat(Array.from({ length: n }, () => code));
    },
    clear() {
      messages.length = 0;
    },
    close() {
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
