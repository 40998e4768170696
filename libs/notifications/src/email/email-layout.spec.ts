import { renderDigestEmail, renderEmail } from './email-layout';

const PREFS = 'https://tsunagu.example/settings/notifications';

describe('renderEmail', () => {
  it('renders a Japanese e-mail with the action link and a Japanese footer', () => {
    const email = renderEmail({
      locale: 'ja',
      title: '「空き家の活用」に新しい応募がありました',
      body: '山田さんが「空き家の活用」に応募しました。応募内容を確認してください。',
      actionUrl: 'https://tsunagu.example/applications/1',
      preferencesUrl: PREFS,
    });

    expect(email.subject).toBe('【Tsunagu】「空き家の活用」に新しい応募がありました');
    expect(email.text).toContain('山田さんが「空き家の活用」に応募しました。');
    expect(email.text).toContain('詳細を見る: https://tsunagu.example/applications/1');
    expect(email.text).toContain('メールでのお知らせを受け取る設定になっているため');
    expect(email.text).toContain(`通知設定の変更: ${PREFS}`);
    expect(email.html).toContain('<html lang="ja">');
    expect(email.html).toContain('href="https://tsunagu.example/applications/1"');
    expect(email.html).toContain(`href="${PREFS}"`);
    expect(email.html).toContain('通知設定の変更</a>');
  });

  it('renders an English e-mail without an action link when there is none', () => {
    const email = renderEmail({
      locale: 'en',
      title: 'New application to "Vacant houses"',
      body: 'Taro applied to "Vacant houses".\n\nPlease review the application.',
      preferencesUrl: PREFS,
    });

    expect(email.subject).toBe('[Tsunagu] New application to "Vacant houses"');
    expect(email.text).not.toContain('Open in Tsunagu');
    expect(email.text).toContain('You are receiving this e-mail because');
    expect(email.text).toContain(`Change your notification settings: ${PREFS}`);
    expect(email.html).toContain('<html lang="en">');
    expect(email.html).toContain('New application to &quot;Vacant houses&quot;');
    // Paragraphs stay paragraphs.
    expect(email.html).toContain('Taro applied to &quot;Vacant houses&quot;.</p>');
    expect(email.html).not.toContain('Open in Tsunagu');
  });

  it('escapes every interpolated value in HTML but leaves the text part as written', () => {
    const email = renderEmail({
      locale: 'en',
      title: 'Tom & Jerry <script>alert(1)</script>',
      body: 'Fish & chips <script>alert("x")</script>\nsecond line',
      actionUrl: 'https://tsunagu.example/p?a=1&b=<2>',
      preferencesUrl: `${PREFS}?from=mail&x="y"`,
    });

    expect(email.html).not.toContain('<script>');
    expect(email.html).toContain('Tom &amp; Jerry &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(email.html).toContain(
      'Fish &amp; chips &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;<br>second line',
    );
    expect(email.html).toContain('href="https://tsunagu.example/p?a=1&amp;b=&lt;2&gt;"');
    expect(email.html).toContain(`href="${PREFS}?from=mail&amp;x=&quot;y&quot;"`);
    expect(email.html).toContain('<title>[Tsunagu] Tom &amp; Jerry &lt;script&gt;');

    expect(email.subject).toBe('[Tsunagu] Tom & Jerry <script>alert(1)</script>');
    expect(email.text).toContain('Tom & Jerry <script>alert(1)</script>');
    expect(email.text).toContain('Fish & chips <script>alert("x")</script>\nsecond line');
    expect(email.text).toContain('Open in Tsunagu: https://tsunagu.example/p?a=1&b=<2>');
    expect(email.text).not.toContain('&amp;');
  });

  it('never turns a non-http link into a clickable one', () => {
    const email = renderEmail({
      locale: 'en',
      title: 'Hello',
      body: 'Body',
      actionUrl: 'javascript:alert(1)',
      preferencesUrl: PREFS,
    });
    expect(email.html).not.toContain('href="javascript:');
    expect(email.html).toContain('Open in Tsunagu: javascript:alert(1)');
  });

  it('keeps the subject on one line', () => {
    const email = renderEmail({
      locale: 'ja',
      title: '改行を\n含む\r\n件名',
      body: '本文',
      preferencesUrl: PREFS,
    });
    expect(email.subject).toBe('【Tsunagu】改行を 含む 件名');
  });
});

describe('renderDigestEmail', () => {
  const items = [
    {
      title: '「稲刈り体験」の応募が承認されました',
      body: '当日の集合場所をご確認ください。',
      actionUrl: 'https://tsunagu.example/applications/2',
      // 2026-11-27 00:05 in Tokyo
      occurredAt: new Date('2026-11-26T15:05:00Z'),
    },
    {
      title: '「空き家の活用」に新しい応募がありました',
      body: '山田さんが応募しました。',
      actionUrl: 'https://tsunagu.example/applications/1',
      // 2026-11-26 18:30 in Tokyo
      occurredAt: new Date('2026-11-26T09:30:00Z'),
    },
    {
      title: 'スカウトが届きました <b>',
      body: 'A & B',
      occurredAt: new Date('2026-11-27T01:00:00Z'),
    },
  ];

  it('lists every item in Japanese with the count and times in the recipient time zone', () => {
    const email = renderDigestEmail({
      locale: 'ja',
      localDate: '2026-11-27',
      items,
      timeZone: 'Asia/Tokyo',
      preferencesUrl: PREFS,
    });

    expect(email.subject).toBe('【Tsunagu】本日のお知らせ（3件）');
    expect(email.text).toContain('2026年11月27日のお知らせ（3件）');
    expect(email.text).toContain('11月26日 18:30');
    expect(email.text).toContain('11月27日 00:05');
    expect(email.text).toContain('11月27日 10:00');
    // Oldest first.
    expect(email.text.indexOf('空き家の活用')).toBeLessThan(email.text.indexOf('稲刈り体験'));
    expect(email.text.indexOf('稲刈り体験')).toBeLessThan(email.text.indexOf('スカウト'));
    expect(email.text).toContain('詳細を見る: https://tsunagu.example/applications/2');
    expect(email.text).toContain('スカウトが届きました <b>');
    expect(email.text).toContain('A & B');
    expect(email.text).toContain('時刻は Asia/Tokyo の時間で表示しています。');
    expect(email.text).toContain(`通知設定の変更: ${PREFS}`);

    expect(email.html).toContain('<html lang="ja">');
    expect(email.html).toContain('2026年11月27日のお知らせ（3件）');
    expect(email.html).toContain('スカウトが届きました &lt;b&gt;');
    expect(email.html).toContain('A &amp; B');
    expect(email.html).not.toContain('<b>');
    expect(email.html).toContain('href="https://tsunagu.example/applications/1"');
  });

  it('renders English with an English date, singular count and the given time zone', () => {
    const email = renderDigestEmail({
      locale: 'en',
      localDate: '2026-11-26',
      items: [items[1]],
      timeZone: 'Europe/London',
      preferencesUrl: PREFS,
    });

    expect(email.subject).toBe('Your Tsunagu digest: 1 update');
    expect(email.text).toContain('Your updates for 26 November 2026 (1 update)');
    expect(email.text).toContain('26 Nov, 09:30');
    expect(email.text).toContain('Times are shown in Europe/London.');
    expect(email.html).toContain('<html lang="en">');
  });

  it('counts updates in the English subject', () => {
    const email = renderDigestEmail({
      locale: 'en',
      localDate: '2026-11-27',
      items,
      timeZone: 'America/New_York',
      preferencesUrl: PREFS,
    });
    expect(email.subject).toBe('Your Tsunagu digest: 3 updates');
    // 2026-11-26T09:30Z is 04:30 in New York.
    expect(email.text).toContain('26 Nov, 04:30');
  });

  it('falls back to Japan time for an unknown time zone instead of failing', () => {
    const email = renderDigestEmail({
      locale: 'ja',
      localDate: '2026-11-27',
      items: [items[1]],
      timeZone: 'Mars/Olympus_Mons',
      preferencesUrl: PREFS,
    });
    expect(email.text).toContain('11月26日 18:30');
    expect(email.text).toContain('Asia/Tokyo');
  });

  it('refuses an empty digest and a malformed date', () => {
    const base = { locale: 'ja' as const, timeZone: 'Asia/Tokyo', preferencesUrl: PREFS };
    expect(() => renderDigestEmail({ ...base, localDate: '2026-11-27', items: [] })).toThrow();
    expect(() => renderDigestEmail({ ...base, localDate: '27/11/2026', items })).toThrow(
      /YYYY-MM-DD/,
    );
  });
});
