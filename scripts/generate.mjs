// Runs `prisma generate` without the native schema engine: Prisma 7's CLI looks for the engine
// binary even though generate does not use it, and downloading it is not possible everywhere.
// Pointing PRISMA_SCHEMA_ENGINE_BINARY at any existing file satisfies the check
// (docs/decisions/0002-migrations-wasm-engine.md).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const env = {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? path.join(root, 'package.json'),
  PRISMA_HIDE_UPDATE_MESSAGE: '1',
};
const bin = path.join(root, 'node_modules', 'prisma', 'build', 'index.js');
const r = spawnSync(process.execPath, [bin, 'generate'], { stdio: 'inherit', env, cwd: root });
process.exit(r.status ?? 1);
