/**
 * The document suite (documents-suite.ts) on the local store: a copy of the run's temp directory
 * (DOCUMENT_DIR, global-setup.ts) of this file's own, since the suite counts what the store holds.
 */
import { appendFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { documentSuite } from './documents-suite';
import { ownDocumentStore } from './support';

ownDocumentStore();

const dir = () => path.join(process.env.DOCUMENT_DIR!, 'attachments');

documentSuite('local', async () => ({
  keys: async () => (await readdir(dir()).catch(() => [] as string[])).map((f) => `attachments/${f}`),
  tamper: (key) => appendFile(path.join(process.env.DOCUMENT_DIR!, key), 'x'),
}));
