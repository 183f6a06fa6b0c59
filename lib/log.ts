/**
 * Structured logs (pino, JSON lines on stdout). Each request carries an id (set by proxy.ts,
 * header `x-request-id`); pass it as `requestId` so a log line can be matched to audit events.
 */
import pino from 'pino';

export const log = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'silent' : 'info'),
  base: { app: 'liaison' },
  redact: { paths: ['password', '*.password', 'passwordHash', '*.passwordHash'], remove: true },
  timestamp: pino.stdTimeFunctions.isoTime,
});
