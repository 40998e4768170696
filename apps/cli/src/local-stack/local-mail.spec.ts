import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTransport } from 'nodemailer';
import { startLocalMail } from './local-mail';

describe('startLocalMail', () => {
  it('keeps each message as an .eml file and logs its decoded subject', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'local-mail-'));
    const lines: string[] = [];
    const mail = await startLocalMail({ dataDir, log: (line) => lines.push(line) });
    const transport = createTransport(mail.url);
    try {
      await transport.sendMail({
        from: 'no-reply@tsunagu.test',
        to: 'bihoro@demo.tsunagu.jp',
        subject: '【Tsunagu】「美幌町の酪農体験」に新しい応募がありました',
        text: '応募内容を確認してください。',
      });
      const [file] = (await readdir(dataDir)).filter((f) => f.endsWith('.eml'));
      expect(await readFile(join(dataDir, file), 'utf8')).toContain('bihoro@demo.tsunagu.jp');
      expect(lines).toEqual([
        `[mail] 【Tsunagu】「美幌町の酪農体験」に新しい応募がありました -> bihoro@demo.tsunagu.jp saved to ${join(dataDir, file)}`,
      ]);
    } finally {
      transport.close();
      await mail.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
