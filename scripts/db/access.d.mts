/** Types of scripts/db/access.mjs (plain JavaScript so production needs no TypeScript). */
import type { DeployConnection } from './deploy.d.mts';

export const DEFAULT_APP_ROLE: string;
export const ACCESS: {
  readonly read: readonly ['SELECT'];
  readonly write: readonly ['SELECT', 'INSERT', 'UPDATE'];
  readonly 'write-delete': readonly ['SELECT', 'INSERT', 'UPDATE', 'DELETE'];
  readonly append: readonly ['SELECT', 'INSERT'];
  readonly timeline: readonly ['SELECT', 'INSERT', 'UPDATE ("caseId")'];
};
export type AccessKind = keyof typeof ACCESS;
export const TABLE_ACCESS: Record<string, AccessKind>;
export class AccessError extends Error {
  constructor(message: string, options?: { cause?: unknown });
}
export function undeclaredTables(db: DeployConnection): Promise<{ present: string[]; unclassified: string[]; missing: string[] }>;
export function applyAccess(db: DeployConnection, opts?: { role?: string; log?: (line: string) => void }): Promise<{ role: string; tables: number }>;
export function urlAs(url: string, role?: string, password?: string): string;
