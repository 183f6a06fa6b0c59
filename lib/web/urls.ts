/**
 * Where the browser goes after sign-in: only a path of this app. The value is parsed as a URL
 * against a stand-in for the app's own origin, as a browser would resolve it, and kept only when
 * it stays on that origin; what is returned is the parser's own serialization (path, query,
 * fragment; percent-encoded ASCII), so no header built from it can carry a control character.
 * Anything else — another origin, a scheme, `//host`, `/\host`, control characters (which
 * browsers strip, turning `/\t/host` into `//host`), backslashes, encoded slashes or controls
 * that a later decoding step could turn into one of those, an overlong value — becomes "/".
 */
const ORIGIN = 'http://liaison.invalid';
const MAX_LENGTH = 512;

/** C0 and C1 controls, DEL, spaces, invisible format characters (browsers strip or fold some), backslash. */
const UNSAFE_CHAR = /[\u0000-\u0020\u007f-\u009f\u00a0\u1680\u2000-\u200f\u2028-\u202f\u205f-\u206f\u3000\ufeff\\]/;

function unsafe(s: string): boolean {
  return UNSAFE_CHAR.test(s) || s.startsWith('//');
}

export function safeCallbackUrl(raw: string | undefined | null): string {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > MAX_LENGTH) return '/';
  if (!raw.startsWith('/') || unsafe(raw)) return '/';
  // Percent-decoded (twice, for double encodings): still no control, backslash or leading `//`.
  let decoded = raw;
  for (let round = 0; round < 2; round++) {
    try {
      decoded = decodeURIComponent(decoded);
    } catch {
      if (round === 0) return '/';
      break;
    }
    if (unsafe(decoded)) return '/';
  }
  let url: URL;
  try {
    url = new URL(raw, ORIGIN);
  } catch {
    return '/';
  }
  if (url.origin !== ORIGIN || url.username || url.password) return '/';
  const path = url.pathname;
  if (path === '/signin' || path.startsWith('/signin/') || path.startsWith('/api/auth')) return '/';
  const out = `${path}${url.search}${url.hash}`;
  return out.length > MAX_LENGTH || !out.startsWith('/') || out.startsWith('//') ? '/' : out;
}
