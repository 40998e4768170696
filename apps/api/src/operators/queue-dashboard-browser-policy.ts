import type { NextFunction, Request, Response } from 'express';

// What bull-board's UI needs and nothing more: its own scripts, workers and API on this origin,
// inline styles (React style attributes), IBM Plex from Google Fonts. Set on every response
// under the dashboard's path, refusals included, and after any app-wide security headers, so
// a stricter global policy cannot blank the page and a looser one does not apply here.
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "connect-src 'self'",
  "style-src 'self' 'unsafe-inline' https://fonts.googleapis.com",
  "font-src 'self' data: https://fonts.gstatic.com",
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export function dashboardSecurityHeaders(_req: Request, res: Response, next: NextFunction): void {
  res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  // Its buttons empty and obliterate queues: no framing (clickjacking), and job ids in the URL
  // do not travel to the external links in its footer.
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  next();
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

// Browsers resend Basic credentials on their own, also with requests another site's page
// starts. The dashboard's writes are PUT/PATCH/POST with JSON, which other sites cannot send
// without CORS today; refusing every write a browser marks as coming from another site keeps it
// that way if CORS is ever opened. Scripts send no Sec-Fetch-Site and are not affected.
export function rejectCrossSiteWrites(req: Request, res: Response, next: NextFunction): void {
  const site = req.headers['sec-fetch-site'];
  if (!SAFE_METHODS.has(req.method) && (site === 'cross-site' || site === 'same-site')) {
    res.status(403).type('text/plain').send('Cross-site requests may not change queues');
    return;
  }
  next();
}
