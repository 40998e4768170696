import { createServer, type Server } from 'node:http';
import { connect } from 'node:net';
import { keepConnectionsAlive } from './keep-alive';

// A connection answering a request when the shutdown begins must not hold it up for the 65 s
// keep-alive timeout: it is answered, then closed.
describe('keepConnectionsAlive', () => {
  let server: Server;

  beforeEach(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => res.end(`got ${body}`));
    });
    keepConnectionsAlive(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });

  afterEach(() => server.closeAllConnections());

  it('answers a request in flight at shutdown, then closes its connection at once', async () => {
    const { port } = server.address() as { port: number };
    const socket = connect(port, '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    // The headers now, the body once the shutdown has begun: the request is in flight.
    socket.write(
      'POST / HTTP/1.1\r\nHost: test\r\nContent-Length: 2\r\nConnection: keep-alive\r\n\r\n',
    );
    let answer = '';
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString()));
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    const shutdown = new Promise<void>((resolve) => server.close(() => resolve()));
    await new Promise((resolve) => setTimeout(resolve, 100));
    socket.write('hi');
    // Node's own behaviour keeps it open for the whole keep-alive timeout (Jest's 5 s fails first).
    await Promise.all([closed, shutdown]);
    expect(answer).toMatch(/^HTTP\/1\.1 200 OK/);
    // The answer tells the client the connection is not kept (timeout=0).
    expect(answer).toContain('Keep-Alive: timeout=0');
    expect(answer.endsWith('got hi')).toBe(true);
  });
});
