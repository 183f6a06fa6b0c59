/**
 * What may be attached (evidence, committee materials): the limits, checked in the browser before
 * sending and by the attachment store (lib/data/attachments.ts), and the types accepted, each
 * recognized from the file's bytes — never from the name or the type the browser claims. A file
 * whose bytes are of another type than its name says (a program renamed .pdf) is refused.
 */

/** One file. */
export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;
/** All files of one submission together (next.config.js's body limit is above this). */
export const MAX_UPLOAD_BYTES = 25 * 1024 * 1024;

/** What the bytes were recognized as (file-type's answer, or none for a file without a signature). */
export interface Detected {
  ext: string;
  mime: string;
}

/** An accepted type: the name endings it may carry and the type it is stored and served as. */
interface Accepted {
  extensions: readonly string[];
  mime: string;
}

/**
 * The accepted types by what the bytes are. Zip-based Office files (DOCX, XLSX) are recognized
 * by their parts; the older Word and Excel files are compound files (CFB), which the bytes
 * alone do not tell apart, so the name's ending decides between DOC and XLS; OFD (the Chinese
 * fixed-layout format) is a zip with an OFD.xml entry.
 */
const BY_SIGNATURE: Record<string, Accepted | ((ext: string) => Accepted | null)> = {
  pdf: { extensions: ['pdf'], mime: 'application/pdf' },
  png: { extensions: ['png'], mime: 'image/png' },
  jpg: { extensions: ['jpg', 'jpeg'], mime: 'image/jpeg' },
  docx: { extensions: ['docx'], mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  xlsx: { extensions: ['xlsx'], mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  cfb: (ext) =>
    ext === 'doc' ? { extensions: ['doc'], mime: 'application/msword' } : ext === 'xls' ? { extensions: ['xls'], mime: 'application/vnd.ms-excel' } : null,
};
const OFD: Accepted = { extensions: ['ofd'], mime: 'application/ofd' };
const TEXT: Accepted = { extensions: ['txt'], mime: 'text/plain' };

/** The ending of a file name, lower-case ('' without one). */
export function extensionOf(fileName: string): string {
  const m = /\.([A-Za-z0-9]{1,10})$/.exec(fileName.trim());
  return m ? m[1]!.toLowerCase() : '';
}

/** Whether the bytes are UTF-8 text without control characters other than tab, line feed and carriage return. */
export function isPlainText(bytes: Uint8Array): boolean {
  let s: string;
  try {
    s = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return false;
  }
  return !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/.test(s);
}

/** Whether zip bytes hold an entry named OFD.xml (the root document of an OFD file). */
function hasOfdRoot(bytes: Uint8Array): boolean {
  const name = [0x4f, 0x46, 0x44, 0x2e, 0x78, 0x6d, 0x6c]; // "OFD.xml"
  // Central directory headers (PK\x01\x02): the name follows the 46-byte header.
  for (let i = 0; i + 46 + name.length <= bytes.length; i++) {
    if (bytes[i] !== 0x50 || bytes[i + 1] !== 0x4b || bytes[i + 2] !== 0x01 || bytes[i + 3] !== 0x02) continue;
    const len = bytes[i + 28]! | (bytes[i + 29]! << 8);
    if (len === name.length && name.every((c, k) => bytes[i + 46 + k] === c)) return true;
  }
  return false;
}

export type TypeDecision = { ok: true; mime: string } | { ok: false; code: 'attachmentType' | 'attachmentMismatch' };

/**
 * The type a file is stored and served as, from what its bytes were recognized as (`detected`,
 * undefined when they carry no known signature) and its name: a name ending that is not accepted
 * → `attachmentType`; bytes that are not an accepted type, or not the type the name's ending says
 * (a program renamed .pdf) → `attachmentMismatch`.
 */
export function decideType(detected: Detected | undefined, fileName: string, bytes: Uint8Array): TypeDecision {
  const ext = extensionOf(fileName);
  if (!acceptedExtensions().includes(ext)) return { ok: false, code: 'attachmentType' };
  let accepted: Accepted | null;
  if (!detected) accepted = isPlainText(bytes) ? TEXT : null;
  else if (detected.ext === 'zip' && hasOfdRoot(bytes)) accepted = OFD;
  else {
    const rule = BY_SIGNATURE[detected.ext];
    accepted = typeof rule === 'function' ? rule(ext) : (rule ?? null);
  }
  if (!accepted || !accepted.extensions.includes(ext)) return { ok: false, code: 'attachmentMismatch' };
  return { ok: true, mime: accepted.mime };
}

/** Every name ending an accepted file may have (the file inputs' `accept`). */
export function acceptedExtensions(): string[] {
  return ['pdf', 'png', 'jpg', 'jpeg', 'docx', 'xlsx', 'doc', 'xls', 'ofd', 'txt'];
}

/** The file inputs' `accept` attribute. */
export const ACCEPT = acceptedExtensions()
  .map((e) => `.${e}`)
  .join(',');

/** What the browser checks before sending: the first code that refuses the chosen files, if any. */
export function checkFileSizes(sizes: readonly number[]): 'attachmentTooLarge' | 'attachmentsTooLarge' | null {
  if (sizes.some((s) => s > MAX_ATTACHMENT_BYTES)) return 'attachmentTooLarge';
  if (sizes.reduce((a, b) => a + b, 0) > MAX_UPLOAD_BYTES) return 'attachmentsTooLarge';
  return null;
}
