import { SMTPServer } from 'smtp-server';
import { listenOnLoopback } from './local-stack/smtp-listen';

export interface MailCounter {
  // smtp://127.0.0.1:<port>
  url: string;
  // Message-ID (angle brackets included) → copies accepted.
  readonly byMessageId: ReadonlyMap<string, number>;
  readonly received: number;
  close(): Promise<void>;
}

const HEADER_END = '\r\n\r\n';

// The Message-ID header of a message's header block (folded continuation lines included).
export function messageIdOf(raw: string): string | undefined {
  const end = raw.indexOf(HEADER_END);
  const headers = (end === -1 ? raw : raw.slice(0, end)).replace(/\r?\n[ \t]+/g, ' ');
  return /^message-id:\s*(\S+)/im.exec(headers)?.[1];
}

// An SMTP server on loopback that accepts every message and counts copies per Message-ID (only
// the header block is kept): the fault harness checks that each planned e-mail arrived, and how
// often; the notifications benchmark counts what both of its sides sent.
export async function startMailCounter(): Promise<MailCounter> {
  const byMessageId = new Map<string, number>();
  let received = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    closeTimeout: 500,
    onData(stream, _session, callback) {
      let head = '';
      stream.on('data', (chunk: Buffer) => {
        // Only the headers are needed.
        if (!head.includes(HEADER_END) && head.length < 64 * 1024) head += chunk.toString('utf8');
      });
      stream.once('error', (error) => callback(error));
      stream.once('end', () => {
        received++;
        const id = messageIdOf(head) ?? '(none)';
        byMessageId.set(id, (byMessageId.get(id) ?? 0) + 1);
        callback();
      });
    },
  });
  const url = await listenOnLoopback(server);
  return {
    url,
    byMessageId,
    get received() {
      return received;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
