import { describe, expect, it } from 'vitest';
import { projectUrl, shareTargets } from './share-urls';

describe('projectUrl', () => {
  it('joins the origin and the project path, whatever trailing slash the origin has', () => {
    const id = '8f7a3c1e-0000-4000-8000-000000000000';
    expect(projectUrl('https://tsunagu.jp', id)).toBe(`https://tsunagu.jp/projects/${id}`);
    expect(projectUrl('https://tsunagu.jp/', id)).toBe(`https://tsunagu.jp/projects/${id}`);
  });

  it('encodes what is not an id rather than letting it change the path', () => {
    expect(projectUrl('http://localhost:3000', '../admin?x=1')).toBe(
      'http://localhost:3000/projects/..%2Fadmin%3Fx%3D1',
    );
  });
});

describe('shareTargets', () => {
  const url = 'https://tsunagu.jp/projects/8f7a3c1e-0000-4000-8000-000000000000?ref=a&b=c';

  it('gives LINE the address alone, encoded', () => {
    const line = new URL(shareTargets(url, '棚田').line);
    expect(line.origin + line.pathname).toBe('https://social-plugins.line.me/lineit/share');
    expect([...line.searchParams]).toEqual([['url', url]]);
    expect(shareTargets(url, '棚田').line).toContain('ref%3Da%26b%3Dc');
  });

  it('gives X the title and the address as separate, encoded parameters', () => {
    const title = '棚田の援農 & 稲刈り #2 "秋"';
    const x = new URL(shareTargets(url, title).x);
    expect(x.origin + x.pathname).toBe('https://x.com/intent/post');
    expect(x.searchParams.get('text')).toBe(title);
    expect(x.searchParams.get('url')).toBe(url);
    // Nothing of the title leaks into another parameter.
    expect([...x.searchParams.keys()]).toEqual(['text', 'url']);
  });
});
