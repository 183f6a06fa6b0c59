/**
 * What may be uploaded into the document store (every attachment: evidence, committee materials,
 * later file-request answers and thread attachments): the limits, the file name rule, the
 * confidentiality levels, and the types accepted, each recognized from the file's bytes — never
 * from the name or the type the browser claims. A file whose bytes are of another type than its
 * name says (a program renamed .pdf) is refused. The store (lib/data/attachments.ts) applies all
 * of it while the upload streams in; the browser checks the sizes before sending.
 */
import { z } from 'zod';
import { isCleanText } from './validation';

const MB = 1024 * 1024;
/** One file, unless the administrator sets another limit (the `uploads.maxFileBytes` setting). */
export const DEFAULT_MAX_FILE_BYTES = 20 * MB;
/** The largest per-file limit the administrator may set (also what the browser checks, not knowing the setting). */
export const MAX_ATTACHMENT_BYTES = 25 * MB;
/** All files of one submission together (next.config.js's body limit is above this). */
export const MAX_UPLOAD_BYTES = 25 * MB;

/** The setting that holds the per-file limit, and what the administrator's form accepts: whole megabytes, 1 to 25. */
export const MAX_FILE_BYTES_SETTING = 'uploads.maxFileBytes';
export const maxFileSizeInput = z.object({
  maxFileMegabytes: z.coerce
    .number({ error: 'invalid' })
    .int({ error: 'wholeNumber' })
    .min(1, { error: 'uploadLimitRange' })
    .max(MAX_ATTACHMENT_BYTES / MB, { error: 'uploadLimitRange' }),
  version: z.coerce.number().int().min(0),
});
export const megabytes = (bytes: number) => Math.round((bytes / MB) * 10) / 10;

/** An uploaded file as the data layer takes it: a web File (what a server action's FormData holds) or anything shaped so. */
export interface UploadFile {
  name: string;
  size: number;
  stream(): ReadableStream<Uint8Array>;
}

export function isUploadFile(v: unknown): v is UploadFile {
  const f = v as Partial<UploadFile> | null;
  return !!f && typeof f === 'object' && typeof f.name === 'string' && typeof f.size === 'number' && typeof f.stream === 'function';
}

/** How closely a document is held. Confidential documents reach only those the record's own rule names. */
export type Confidentiality = 'ordinary' | 'confidential';

/**
 * The one confidentiality rule of the download door: an ordinary document goes to whoever may
 * see its record; a confidential one only when the record's rule grants its confidential
 * documents to the actor (`mayReadConfidential`, e.g. committee materials: the named attendee
 * and the procuratorate's leaders).
 */
export function confidentialityAllows(level: Confidentiality, mayReadConfidential: boolean): boolean {
  return level === 'ordinary' || mayReadConfidential;
}

/** The longest file name kept (characters). */
export const MAX_FILE_NAME = 200;

export type FileNameDecision = { ok: true; name: string } | { ok: false; code: 'required' | 'controlCharacters' | 'fileNamePath' | 'tooLong' };

/**
 * The name a file is kept and served under: trimmed; refused when empty, with control or
 * invisible format characters (a right-to-left override), with a path in it (`/`, `\`, a `..`
 * part: a browser sends only the base name, so a path is a forged request), or over
 * MAX_FILE_NAME characters. Storage never uses the name (keys are ids).
 */
export function decideFileName(raw: string): FileNameDecision {
  const name = raw.normalize('NFC').trim();
  if (!name) return { ok: false, code: 'required' };
  if (!isCleanText(name, 'single')) return { ok: false, code: 'controlCharacters' };
  if (/[/\\]/.test(name) || name === '.' || name === '..' || name.startsWith('..')) return { ok: false, code: 'fileNamePath' };
  if ([...name].length > MAX_FILE_NAME) return { ok: false, code: 'tooLong' };
  return { ok: true, name };
}

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
  return !CONTROL.test(s);
}

/** Whether zip bytes hold an entry named OFD.xml (the root document of an OFD file). */
export function hasOfdRoot(bytes: Uint8Array): boolean {
  const name = [0x4f, 0x46, 0x44, 0x2e, 0x78, 0x6d, 0x6c]; // "OFD.xml"
  // Central directory headers (PK\x01\x02): the name follows the 46-byte header.
  for (let i = 0; i + 46 + name.length <= bytes.length; i++) {
    if (bytes[i] !== 0x50 || bytes[i + 1] !== 0x4b || bytes[i + 2] !== 0x01 || bytes[i + 3] !== 0x02) continue;
    const len = bytes[i + 28]! | (bytes[i + 29]! << 8);
    if (len === name.length && name.every((c, k) => bytes[i + 46 + k] === c)) return true;
  }
  return false;
}

/** What the type rule needs to know of the content besides its signature. */
export interface ContentFacts {
  /** UTF-8 without control characters other than tab, line feed and carriage return. */
  plainText: boolean;
  /** A zip whose central directory names OFD.xml. */
  ofdRoot: boolean;
}

/** The facts of bytes held whole (tests, small files). */
export function contentFacts(bytes: Uint8Array): ContentFacts {
  return { plainText: isPlainText(bytes), ofdRoot: hasOfdRoot(bytes) };
}

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
/** Bytes kept from the start (the signature, file-type's reading) and from the end (a zip's central directory). */
export const HEAD_BYTES = 1024 * 1024;
export const TAIL_BYTES = 1024 * 1024;

/**
 * The same facts gathered from a stream, chunk by chunk, holding at most HEAD_BYTES + TAIL_BYTES:
 * the size, the head (for the signature), the tail (for a zip's central directory) and whether
 * everything so far decodes as clean UTF-8 text.
 */
export class ContentInspector {
  size = 0;
  private head: Uint8Array[] = [];
  private headSize = 0;
  private tail: Uint8Array[] = [];
  private tailSize = 0;
  private decoder = new TextDecoder('utf-8', { fatal: true });
  private text = true;

  push(chunk: Uint8Array): void {
    this.size += chunk.byteLength;
    if (this.headSize < HEAD_BYTES) {
      const part = chunk.subarray(0, HEAD_BYTES - this.headSize);
      this.head.push(part.slice());
      this.headSize += part.byteLength;
    }
    this.tail.push(chunk.slice(Math.max(0, chunk.byteLength - TAIL_BYTES)));
    this.tailSize += Math.min(chunk.byteLength, TAIL_BYTES);
    while (this.tail.length > 1 && this.tailSize - this.tail[0]!.byteLength >= TAIL_BYTES) this.tailSize -= this.tail.shift()!.byteLength;
    if (this.text) {
      try {
        if (CONTROL.test(this.decoder.decode(chunk, { stream: true }))) this.text = false;
      } catch {
        this.text = false;
      }
    }
  }

  /** The first bytes (up to HEAD_BYTES). */
  headBytes(): Uint8Array {
    return concat(this.head, this.headSize);
  }

  /** Called once at the end of the stream. */
  facts(): ContentFacts {
    if (this.text) {
      try {
        if (CONTROL.test(this.decoder.decode())) this.text = false;
      } catch {
        this.text = false;
      }
    }
    const tail = concat(this.tail, this.tailSize);
    return { plainText: this.text, ofdRoot: hasOfdRoot(tail) || (this.size <= HEAD_BYTES && hasOfdRoot(this.headBytes())) };
  }
}

function concat(parts: Uint8Array[], size: number): Uint8Array {
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
}

export type TypeDecision = { ok: true; mime: string } | { ok: false; code: 'attachmentType' | 'attachmentMismatch' };

/**
 * The type a file is stored and served as, from what its bytes were recognized as (`detected`,
 * undefined when they carry no known signature) and its name: a name ending that is not accepted
 * → `attachmentType`; bytes that are not an accepted type, or not the type the name's ending says
 * (a program renamed .pdf) → `attachmentMismatch`.
 */
export function decideType(detected: Detected | undefined, fileName: string, content: ContentFacts): TypeDecision {
  const ext = extensionOf(fileName);
  if (!acceptedExtensions().includes(ext)) return { ok: false, code: 'attachmentType' };
  let accepted: Accepted | null;
  if (!detected) accepted = content.plainText ? TEXT : null;
  else if (detected.ext === 'zip' && content.ofdRoot) accepted = OFD;
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

/**
 * The sizes of one submission's files: the first code that refuses them, if any (a file over
 * `maxFileBytes`, or all together over MAX_UPLOAD_BYTES). The browser checks with the largest
 * limit the administrator may set; the store with the one set.
 */
export function checkFileSizes(sizes: readonly number[], maxFileBytes = MAX_ATTACHMENT_BYTES): 'attachmentTooLarge' | 'attachmentsTooLarge' | null {
  if (sizes.some((s) => s > maxFileBytes)) return 'attachmentTooLarge';
  if (sizes.reduce((a, b) => a + b, 0) > MAX_UPLOAD_BYTES) return 'attachmentsTooLarge';
  return null;
}
