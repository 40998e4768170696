import { escapeHtml, excerpt } from './html';

describe('text for HTML', () => {
  it('escapes the five characters that end an attribute or a tag', () => {
    expect(escapeHtml(`"<a href='x'>&</a>"`)).toBe(
      '&quot;&lt;a href=&#39;x&#39;&gt;&amp;&lt;/a&gt;&quot;',
    );
    expect(escapeHtml(`<a href="x">Tom & 'Jerry'</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;',
    );
  });

  it('makes one line of a text, cut by characters with an ellipsis', () => {
    expect(excerpt('  棚田の\n\n援農  ', 120)).toBe('棚田の 援農');
    expect(excerpt('あいうえお', 5)).toBe('あいうえお');
    expect(excerpt('あいうえおか', 5)).toBe('あいうえ…');
    // A surrogate pair (𩸽, ほっけ) counts as one character and is never split.
    expect(excerpt('𩸽𩸽𩸽𩸽𩸽𩸽', 4)).toBe('𩸽𩸽𩸽…');
  });
});
