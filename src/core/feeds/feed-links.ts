/**
 * Links as a feed gives them, made absolute: resolved against their base (`xml:base` or the
 * feed's own URL), kept only when http(s) and no longer than a record holds, and taken out of
 * Google's redirects, whose target is the article a reader means.
 */
import { LIMITS } from '../model/limits';

function parsedUrl(href: string, base?: string): URL | undefined {
  try {
    return new URL(href, base);
  } catch {
    return undefined;
  }
}

/**
 * `href` resolved against `base` (when relative); undefined when it is no URL. A `base` that is
 * no URL itself leaves absolute links readable (`new URL` would refuse them all).
 */
export function resolveUrl(href: string, base?: string): URL | undefined {
  const trimmed = href.trim();
  return parsedUrl(trimmed, base) ?? (base === undefined ? undefined : parsedUrl(trimmed));
}

/**
 * The target of a Google redirect (`https://www.google.com/url?…&url=REAL&…`, as Google Alerts
 * writes its links, or `q=REAL`), or `url` itself. Google News' own article links carry no
 * target and stay as they are.
 */
function unwrapGoogle(url: URL): URL {
  if (!/(^|\.)google\.[a-z.]+$/.test(url.hostname) || !url.pathname.endsWith('/url')) return url;
  const target = url.searchParams.get('url') ?? url.searchParams.get('q');
  const parsed = target ? resolveUrl(target) : undefined;
  return parsed && (parsed.protocol === 'http:' || parsed.protocol === 'https:') ? parsed : url;
}

/**
 * The absolute http(s) URL `href` stands for, resolved against `base` and unwrapped from
 * Google's redirects; '' when it is empty, not http(s) or longer than LIMITS.url.
 */
export function feedLink(href: string | undefined, base: string): string {
  const url = href ? resolveUrl(href, base) : undefined;
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) return '';
  const out = unwrapGoogle(url).href;
  return out.length <= LIMITS.url ? out : '';
}
