// When a message was sent, in the reader's language: 2027年4月1日 14:05 / April 1, 2027 at 2:05 PM.
export function formatDateTime(iso: string, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'long', timeStyle: 'short' }).format(
    new Date(iso),
  );
}
