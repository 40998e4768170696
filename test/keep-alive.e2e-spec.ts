import { Agent, request } from 'node:http';
import type { Socket } from 'node:net';
import { startTestPlatform, TestPlatform } from './support/test-platform';

// A browser keeps a connection open between the requests of a page; the API must not close it
// after Node's default 5 s of quiet, or the next request on it can fail with ECONNRESET. And a
// connection left open must not hold up the API's shutdown.

// Well past Node's default keep-alive timeout of 5 s (its timer closes the socket up to a second
// or so after that).
const IDLE_MS = 8_000;

interface Answer {
  status: number;
  socket: Socket;
  reused: boolean;
}

function get(agent: Agent, url: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent }, (res) => {
      res.resume();
      res.on('end', () =>
        resolve({ status: res.statusCode!, socket: req.socket!, reused: req.reusedSocket }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

describe('HTTP keep-alive', () => {
  let platform: TestPlatform | undefined;
  let url: string;
  // One socket at most, so a second request goes on the first one's if it is still open.
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });

  beforeAll(async () => {
    platform = await startTestPlatform();
    url = `${(await platform.api.getUrl()).replace('[::1]', '127.0.0.1')}/health`;
  });
  afterAll(async () => {
    agent.destroy();
    await platform?.close();
  });

  it('reuses a connection left idle for longer than the default 5 s of Node', async () => {
    const first = await get(agent, url);
    expect(first.status).toBe(200);
    expect(first.reused).toBe(false);
    let closedByServer = false;
    first.socket.once('close', () => (closedByServer = true));

    await new Promise((resolve) => setTimeout(resolve, IDLE_MS));
    expect(closedByServer).toBe(false);

    const second = await get(agent, url);
    expect(second.status).toBe(200);
    expect(second.reused).toBe(true);
    expect(second.socket).toBe(first.socket);
  }, 30_000);

  it('closes idle kept-alive connections when it shuts down', async () => {
    const answer = await get(agent, url);
    expect(answer.status).toBe(200);
    const closed = new Promise<void>((resolve) => answer.socket.once('close', () => resolve()));

    // The socket is open and idle: shutting down must close it rather than wait 65 s for its
    // timeout (the test's own time limit, 30 s, would fail first).
    await platform!.close();
    platform = undefined;
    await closed;
    expect(answer.socket.destroyed).toBe(true);
  }, 30_000);
});
