/** Only same-site paths are followed after sign-in ("/x", never "//host" or "http://…"). */
export function safeCallbackUrl(raw: string | undefined | null): string {
  if (!raw) return '/';
  if (!raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\') || raw.length > 512) return '/';
  if (raw.startsWith('/signin') || raw.startsWith('/api/auth')) return '/';
  return raw;
}
