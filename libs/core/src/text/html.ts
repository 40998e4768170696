// Text for HTML (e-mails, shared pages, the sitemap): every value written into markup goes
// through escapeHtml.

// The five characters that end an attribute or a tag, as entities.
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

// One line, at most `max` characters (code points, so a surrogate pair is never cut), an
// ellipsis when shortened.
export function excerpt(text: string, max: number): string {
  const line = text.replace(/\s+/g, ' ').trim();
  const chars = Array.from(line);
  return chars.length <= max
    ? line
    : `${chars
        .slice(0, max - 1)
        .join('')
        .trimEnd()}…`;
}
