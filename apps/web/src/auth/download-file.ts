import { fetchSignedIn } from '../account/session-requests';
import type { Session } from './session';

// The file name in a Content-Disposition header (`attachment; filename="…"`), if any.
export function attachmentName(contentDisposition: string | null): string | undefined {
  return /filename="([^"]+)"/.exec(contentDisposition ?? '')?.[1];
}

// Fetches one of the API's file downloads signed in (fetchSignedIn renews the token on a 401)
// and saves it under the name the API gives, else `fallbackName`. Rejects when the API refuses or cannot be reached.
export async function downloadFile(
  session: Session,
  url: string,
  fallbackName: string,
): Promise<void> {
  const response = await fetchSignedIn(session, url);
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  const blob = await response.blob();
  const href = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = href;
  link.download = attachmentName(response.headers.get('content-disposition')) ?? fallbackName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}
