// Where the share button sends a project's address. Pure, so it is tested on its own.

// The page's own address, canonical: the origin the app is served from and /projects/<id>
// (what the server writes into the page's Open Graph tags when APP_URL is that origin).
export function projectUrl(origin: string, projectId: string): string {
  return `${origin.replace(/\/+$/, '')}/projects/${encodeURIComponent(projectId)}`;
}

export interface ShareTargets {
  line: string;
  x: string;
}

// LINE's share page takes the address alone (it reads the title from the page's tags); X's
// post intent takes the text and the address apart, so it counts the link once.
export function shareTargets(url: string, title: string): ShareTargets {
  const line = new URL('https://social-plugins.line.me/lineit/share');
  line.searchParams.set('url', url);
  const x = new URL('https://x.com/intent/post');
  x.searchParams.set('text', title);
  x.searchParams.set('url', url);
  return { line: line.toString(), x: x.toString() };
}
