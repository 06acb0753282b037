// Per-module loggers with a prefix. Payment codes, keys and signatures never reach a log line whole:
// callers pass them through `maskCode`, and `redact` scrubs any structured field with a secret-ish name.

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
  child(prefix: string): Logger;
}

export type LogSink = (level: LogLevel, prefix: string, message: string, fields?: Record<string, unknown>) => void;

const SECRET_FIELD = /^(key|merchantKey|sign|secret|password|pin|identityCode|code|authCode)$/i;

/** Keeps the last 4 characters of a payment code: enough to match a receipt, useless to a thief. */
export function maskCode(code: string): string {
  return code.length <= 4 ? '****' : `${'*'.repeat(Math.min(code.length - 4, 20))}${code.slice(-4)}`;
}

export function redact(fields: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(fields)) {
    out[name] = SECRET_FIELD.test(name) ? (typeof value === 'string' ? maskCode(value) : '[redacted]') : value;
  }
  return out;
}

const LEVEL_RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export function consoleSink(minLevel: LogLevel = 'info'): LogSink {
  return (level, prefix, message, fields) => {
    if (LEVEL_RANK[level] < LEVEL_RANK[minLevel]) return;
    const line = `[${prefix}] ${message}${fields ? ` ${JSON.stringify(fields)}` : ''}`;
    (level === 'error' ? console.error : level === 'warn' ? console.warn : console.log)(line);
  };
}

export const silentSink: LogSink = () => {};

export function createLogger(prefix: string, sink: LogSink = consoleSink()): Logger {
  const emit = (level: LogLevel) => (message: string, fields?: Record<string, unknown>) =>
    sink(level, prefix, message, fields ? redact(fields) : undefined);
  return {
    debug: emit('debug'),
    info: emit('info'),
    warn: emit('warn'),
    error: emit('error'),
    child: (sub) => createLogger(`${prefix}:${sub}`, sink),
  };
}
