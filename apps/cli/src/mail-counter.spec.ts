import { connect } from 'node:net';
import { createTransport } from 'nodemailer';
import { messageIdOf, startMailCounter } from './mail-counter';

describe('mail counter', () => {
  it('reads the Message-ID from the header block, folded or not, and only from there', () => {
    expect(messageIdOf('Subject: x\r\nMessage-ID: <delivery.1@tsunagu>\r\n\r\nbody')).toBe(
      '<delivery.1@tsunagu>',
    );
    expect(messageIdOf('Message-Id:\r\n <delivery.2@tsunagu>\r\nTo: a@b\r\n\r\n')).toBe(
      '<delivery.2@tsunagu>',
    );
    expect(messageIdOf('Subject: x\r\n\r\nMessage-ID: <in-the-body@tsunagu>\r\n')).toBeUndefined();
  });

  it('counts each copy a server accepts under its Message-ID', async () => {
    const counter = await startMailCounter();
    const transport = createTransport(counter.url);
    try {
      const mail = {
        from: 'a@faults.invalid',
        to: 'b@faults.invalid',
        subject: '件名',
        text: '本文',
      };
      await transport.sendMail({ ...mail, messageId: '<delivery.1@tsunagu>' });
      await transport.sendMail({ ...mail, messageId: '<delivery.1@tsunagu>' });
      await transport.sendMail({ ...mail, messageId: '<delivery.2@tsunagu>' });
      expect(counter.received).toBe(3);
      expect([...counter.byMessageId]).toEqual([
        ['<delivery.1@tsunagu>', 2],
        ['<delivery.2@tsunagu>', 1],
      ]);
    } finally {
      transport.close();
      await counter.close();
    }
  });

  it('keeps serving when a client dies mid-conversation (a killed worker resets its connection)', async () => {
    const counter = await startMailCounter();
    const transport = createTransport(counter.url);
    try {
      const { port } = new URL(counter.url);
      const socket = connect(Number(port), '127.0.0.1');
      await new Promise<void>((resolve) => socket.once('data', () => resolve()));
      socket.write('EHLO dying.invalid\r\nMAIL FROM:<a@faults.invalid>\r\n');
      await new Promise((resolve) => setTimeout(resolve, 50));
      socket.resetAndDestroy();
      await new Promise((resolve) => setTimeout(resolve, 50));
      await transport.sendMail({
        from: 'a@faults.invalid',
        to: 'b@faults.invalid',
        subject: 'after',
        text: 'still here',
        messageId: '<after-reset@tsunagu>',
      });
      expect(counter.byMessageId.get('<after-reset@tsunagu>')).toBe(1);
    } finally {
      transport.close();
      await counter.close();
    }
  });
});
