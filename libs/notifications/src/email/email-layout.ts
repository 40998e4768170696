import { escapeHtml } from '@tsunagu/core';
import { isTimeZone, type Locale } from '@tsunagu/identity';

// E-mails around an already rendered notification (title and body in the recipient's language):
// a subject, a plain-text part and an HTML part. Pure functions, so the worker can render the
// same message again on a retry and get the same bytes.

export interface EmailContent {
  subject: string;
  text: string;
  html: string;
}

export interface EmailInput {
  locale: Locale;
  title: string;
  body: string;
  actionUrl?: string;
  preferencesUrl: string;
}

export interface DigestItem {
  title: string;
  body: string;
  actionUrl?: string;
  occurredAt: Date;
}

export interface DigestEmailInput {
  locale: Locale;
  // The recipient's calendar date (YYYY-MM-DD) the digest was gathered for.
  localDate: string;
  items: DigestItem[];
  // IANA zone of the recipient, e.g. Asia/Tokyo; item times are shown in it.
  timeZone: string;
  preferencesUrl: string;
}

interface Wording {
  subject(title: string): string;
  action: string;
  reason: string;
  changeSettings: string;
  digestSubject(count: number): string;
  digestHeading(date: string, count: number): string;
  timesIn(timeZone: string): string;
  intlLocale: string;
}

const WORDING: Record<Locale, Wording> = {
  ja: {
    subject: (title) => `【Tsunagu】${title}`,
    action: '詳細を見る',
    reason:
      'このメールは、Tsunagu の通知設定でメールでのお知らせを受け取る設定になっているためお送りしています。',
    changeSettings: '通知設定の変更',
    digestSubject: (count) => `【Tsunagu】本日のお知らせ（${count}件）`,
    digestHeading: (date, count) => `${date}のお知らせ（${count}件）`,
    timesIn: (timeZone) => `時刻は ${timeZone} の時間で表示しています。`,
    intlLocale: 'ja-JP',
  },
  en: {
    subject: (title) => `[Tsunagu] ${title}`,
    action: 'Open in Tsunagu',
    reason: 'You are receiving this e-mail because your Tsunagu notification settings ask for it.',
    changeSettings: 'Change your notification settings',
    digestSubject: (count) => `Your Tsunagu digest: ${count} ${count === 1 ? 'update' : 'updates'}`,
    digestHeading: (date, count) =>
      `Your updates for ${date} (${count} ${count === 1 ? 'update' : 'updates'})`,
    timesIn: (timeZone) => `Times are shown in ${timeZone}.`,
    intlLocale: 'en-GB',
  },
};

// Dates and times are shown in the recipient's zone; a zone Intl does not know (bad data) falls
// back to Japan's rather than failing the delivery over and over.
const FALLBACK_TIME_ZONE = 'Asia/Tokyo';

// Links come from our own URL builders; anything but http(s) (javascript:, data:, a typo) is
// shown as text instead of becoming a clickable link.
function safeHref(url: string): string | undefined {
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:' ? url : undefined;
  } catch {
    return undefined;
  }
}

// Header values are one line: a title with line breaks would otherwise be folded oddly.
function oneLine(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}

// Blank lines separate paragraphs, single line breaks stay line breaks.
function paragraphsHtml(text: string, style: string): string {
  if (!text.trim()) return '';
  return text
    .trim()
    .split(/\n\s*\n/)
    .map((p) => `<p style="${style}">${escapeHtml(p.trim()).replace(/\r?\n/g, '<br>')}</p>`)
    .join('\n');
}

const FONT =
  "-apple-system, BlinkMacSystemFont, 'Hiragino Sans', 'Hiragino Kaku Gothic ProN', Meiryo, 'Segoe UI', sans-serif";
const STYLE = {
  body: 'margin:0;padding:0;background-color:#f4f4f1;',
  frame: `max-width:600px;margin:0 auto;padding:24px 20px;font-family:${FONT};font-size:15px;line-height:1.7;color:#222222;background-color:#ffffff;`,
  h1: 'margin:0 0 16px;font-size:20px;line-height:1.4;',
  h2: 'margin:0 0 4px;font-size:16px;line-height:1.4;',
  p: 'margin:0 0 12px;',
  time: 'margin:0 0 4px;font-size:13px;color:#666666;',
  item: 'margin:0 0 20px;padding:0 0 16px;border-bottom:1px solid #e6e6e1;',
  button:
    'display:inline-block;padding:10px 20px;border-radius:6px;background-color:#2f6f4f;color:#ffffff;text-decoration:none;font-weight:bold;',
  link: 'color:#2f6f4f;',
  footer:
    'margin:24px 0 0;padding:16px 0 0;border-top:1px solid #e6e6e1;font-size:12px;color:#666666;',
};

function htmlDocument(locale: Locale, subject: string, content: string, footer: string): string {
  return [
    '<!DOCTYPE html>',
    `<html lang="${locale}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(subject)}</title>`,
    '</head>',
    `<body style="${STYLE.body}">`,
    `<div style="${STYLE.frame}">`,
    content,
    `<div style="${STYLE.footer}">${footer}</div>`,
    '</div>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function footerText(w: Wording, preferencesUrl: string, extra: string[] = []): string {
  // "-- " (with the space) is the signature separator mail clients recognise and fold away.
  return ['-- ', ...extra, w.reason, `${w.changeSettings}: ${preferencesUrl}`].join('\n');
}

function footerHtml(w: Wording, preferencesUrl: string, extra: string[] = []): string {
  const href = safeHref(preferencesUrl);
  const settings = href
    ? `<a href="${escapeHtml(href)}" style="${STYLE.link}">${escapeHtml(w.changeSettings)}</a>`
    : `${escapeHtml(w.changeSettings)}: ${escapeHtml(preferencesUrl)}`;
  return [...extra, w.reason]
    .map((line) => `<p style="${STYLE.p}">${escapeHtml(line)}</p>`)
    .concat(`<p style="margin:0;">${settings}</p>`)
    .join('\n');
}

// The layout of a single message: title, paragraphs, an action button (with its address beneath
// when showUrl, for readers whose client hides links) and a footer given as text and as HTML.
interface MessageParts {
  locale: Locale;
  title: string;
  body: string;
  actionLabel: string;
  actionUrl?: string;
  showUrl?: boolean;
  footer: { text: string; html: string };
}

function renderMessage(parts: MessageParts): EmailContent {
  const { actionLabel: label, actionUrl } = parts;
  const subject = WORDING[parts.locale].subject(oneLine(parts.title));
  const text = [
    parts.title.trim(),
    '',
    parts.body.trim(),
    ...(actionUrl ? ['', `${label}: ${actionUrl}`] : []),
    '',
    parts.footer.text,
    '',
  ].join('\n');

  const href = actionUrl ? safeHref(actionUrl) : undefined;
  const action = !actionUrl
    ? ''
    : href
      ? [
          `<p style="margin:24px 0;"><a href="${escapeHtml(href)}" style="${STYLE.button}">${escapeHtml(label)}</a></p>`,
          ...(parts.showUrl ? [`<p style="${STYLE.time}">${escapeHtml(href)}</p>`] : []),
        ].join('\n')
      : `<p style="${STYLE.p}">${escapeHtml(label)}: ${escapeHtml(actionUrl)}</p>`;
  const content = [
    `<h1 style="${STYLE.h1}">${escapeHtml(parts.title.trim())}</h1>`,
    paragraphsHtml(parts.body, STYLE.p),
    action,
  ]
    .filter(Boolean)
    .join('\n');

  return {
    subject,
    text,
    html: htmlDocument(parts.locale, subject, content, parts.footer.html),
  };
}

export function renderEmail(input: EmailInput): EmailContent {
  const w = WORDING[input.locale];
  return renderMessage({
    locale: input.locale,
    title: input.title,
    body: input.body,
    actionLabel: w.action,
    actionUrl: input.actionUrl,
    footer: {
      text: footerText(w, input.preferencesUrl),
      html: footerHtml(w, input.preferencesUrl),
    },
  });
}

// "2026年11月27日" / "27 November 2026". The date is a calendar date already, so it is formatted
// in UTC to keep it from shifting a day.
export function formatLocalDate(localDate: string, locale: Locale): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(localDate);
  if (!match) throw new Error(`localDate must be YYYY-MM-DD, got "${localDate}"`);
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return new Intl.DateTimeFormat(WORDING[locale].intlLocale, {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    timeZone: 'UTC',
  }).format(date);
}

// "11月26日 18:30" / "26 Nov, 18:30": a digest can span two days, so the date stays.
export function formatItemTime(at: Date, locale: Locale, timeZone: string): string {
  return new Intl.DateTimeFormat(WORDING[locale].intlLocale, {
    month: locale === 'ja' ? 'long' : 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  }).format(at);
}

// One e-mail for everything a person chose to receive daily. Items are listed oldest first so
// the e-mail reads as a timeline.
export function renderDigestEmail(input: DigestEmailInput): EmailContent {
  if (input.items.length === 0) throw new Error('a digest e-mail needs at least one item');
  const w = WORDING[input.locale];
  const timeZone = isTimeZone(input.timeZone) ? input.timeZone : FALLBACK_TIME_ZONE;
  const count = input.items.length;
  const subject = w.digestSubject(count);
  const heading = w.digestHeading(formatLocalDate(input.localDate, input.locale), count);
  const items = [...input.items]
    .sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime())
    .map((item) => ({ ...item, time: formatItemTime(item.occurredAt, input.locale, timeZone) }));
  const timesIn = w.timesIn(timeZone);

  const text = [
    heading,
    '',
    ...items.flatMap((item) => [
      `■ ${oneLine(item.title)}`,
      item.time,
      item.body.trim(),
      ...(item.actionUrl ? [`${w.action}: ${item.actionUrl}`] : []),
      '',
    ]),
    footerText(w, input.preferencesUrl, [timesIn]),
    '',
  ].join('\n');

  const itemsHtml = items.map((item) => {
    const href = item.actionUrl ? safeHref(item.actionUrl) : undefined;
    const title = href
      ? `<a href="${escapeHtml(href)}" style="${STYLE.link}">${escapeHtml(oneLine(item.title))}</a>`
      : escapeHtml(oneLine(item.title));
    return [
      `<div style="${STYLE.item}">`,
      `<p style="${STYLE.time}">${escapeHtml(item.time)}</p>`,
      `<h2 style="${STYLE.h2}">${title}</h2>`,
      paragraphsHtml(item.body, STYLE.p),
      '</div>',
    ].join('\n');
  });
  const content = [`<h1 style="${STYLE.h1}">${escapeHtml(heading)}</h1>`, ...itemsHtml].join('\n');

  return {
    subject,
    text,
    html: htmlDocument(
      input.locale,
      subject,
      content,
      footerHtml(w, input.preferencesUrl, [timesIn]),
    ),
  };
}

export interface TransactionalEmailInput {
  locale: Locale;
  title: string;
  body: string;
  actionLabel?: string;
  actionUrl?: string;
}

const TRANSACTIONAL_REASON: Record<Locale, string> = {
  ja: 'このメールは Tsunagu アカウントの手続きのためにお送りしています（通知設定にかかわらず届きます）。',
  en: 'This e-mail is about your Tsunagu account, so it is sent whatever your notification settings.',
};

// An e-mail about the account itself (verification, password reset, e-mail change): the same
// layout, with a footer that says why it came instead of a link to notification settings.
export function renderTransactionalEmail(input: TransactionalEmailInput): EmailContent {
  const reason = TRANSACTIONAL_REASON[input.locale];
  return renderMessage({
    locale: input.locale,
    title: input.title,
    body: input.body,
    actionLabel: input.actionLabel ?? WORDING[input.locale].action,
    actionUrl: input.actionUrl,
    showUrl: true,
    footer: {
      // "-- " (with the space) is the signature separator mail clients recognise and fold away.
      text: ['-- ', reason].join('\n'),
      html: `<p style="margin:0;">${escapeHtml(reason)}</p>`,
    },
  });
}
