// Renders the link-preview images (1200×630 PNG) under public/og/: one per theme and a default.
// Run once after changing them: node scripts/render-og-cards.mjs (needs Debian's
// chromium-headless-shell and fonts-noto-cjk, as the browser tests do). The PNGs are committed.
import { chromium } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import process from 'node:process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'public', 'og');
const CARDS = [
  {
    file: 'default',
    ja: '関係人口のプロジェクト',
    en: 'Projects in Japan’s regions',
    colour: '#364fc7',
  },
  { file: 'learning', ja: 'まなび', en: 'Learning', colour: '#1c7ed6' },
  { file: 'work', ja: 'しごと', en: 'Work', colour: '#364fc7' },
  { file: 'agriculture', ja: '農的', en: 'Agriculture', colour: '#2b8a3e' },
  { file: 'local', ja: '地域内', en: 'Intra-regional', colour: '#c2255c' },
];

const html = ({ ja, en, colour }) => `<!doctype html><html lang="ja"><body style="margin:0">
<div style="width:1200px;height:630px;box-sizing:border-box;padding:72px 88px;display:flex;
  flex-direction:column;justify-content:space-between;background:${colour};color:#fff;
  font-family:'Noto Sans CJK JP',sans-serif">
  <div style="font-size:44px;font-weight:700;letter-spacing:.04em">つなぐ <span style="font-weight:400;opacity:.85">Tsunagu</span></div>
  <div>
    <div style="font-size:112px;font-weight:700;line-height:1.1">${ja}</div>
    <div style="font-size:48px;margin-top:12px;opacity:.9">${en}</div>
  </div>
  <div style="font-size:34px;border-top:4px solid rgba(255,255,255,.6);padding-top:24px">
    都市と地域をつなぐ · Connecting cities and regions</div>
</div></body></html>`;

mkdirSync(out, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium-headless-shell',
});
const page = await browser.newPage({ viewport: { width: 1200, height: 630 } });
for (const card of CARDS) {
  await page.setContent(html(card));
  await page.screenshot({ path: join(out, `${card.file}.png`) });
}
await browser.close();
