/**
 * A file download as an HTTP response: the stored bytes, streamed, with their type, always as an attachment
 * (never rendered inline), not cached, with a Content-Disposition that carries any file name
 * safely (RFC 6266 / RFC 8187).
 */

export interface DownloadFile {
  fileName: string;
  mimeType: string;
  size: number;
  /** The bytes, streamed from the document store (already verified against their SHA-256). */
  body: ReadableStream<Uint8Array>;
}

/** RFC 8187 value-chars: everything outside attr-char percent-encoded as UTF-8. */
function encodeExtValue(s: string): string {
  return encodeURIComponent(s).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * `attachment; filename="…"; filename*=UTF-8''…`: the UTF-8 name for every current browser, and a
 * plain-ASCII fallback (other characters, quotes and backslashes become `_`) for the rest.
 */
export function contentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeExtValue(fileName)}`;
}

export function downloadResponse(file: DownloadFile): Response {
  return new Response(file.body, {
    headers: {
      'Content-Length': String(file.size),
      'Content-Type': file.mimeType,
      'Content-Disposition': contentDisposition(file.fileName),
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
