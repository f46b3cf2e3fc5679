import { redact } from './redact';

export type LogLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error';

/** The logging surface pure modules depend on; the editor adapter writes it to a LogOutputChannel. */
export interface Logger {
  trace(message: string): void;
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string | Error): void;
}

export type LogSink = (level: LogLevel, message: string) => void;

/** A logger that formats errors, redacts secrets and hands the result to a sink. */
export function createLogger(sink: LogSink, scope?: string): Logger {
  const emit = (level: LogLevel, message: string | Error): void => {
    const text = message instanceof Error ? describeError(message) : message;
    sink(level, redact(scope ? `[${scope}] ${text}` : text));
  };
  return {
    trace: (m) => emit('trace', m),
    debug: (m) => emit('debug', m),
    info: (m) => emit('info', m),
    warn: (m) => emit('warn', m),
    error: (m) => emit('error', m),
  };
}

export function describeError(error: unknown): string {
  if (error instanceof Error) {
    const name = error.name && error.name !== 'Error' ? `${error.name}: ` : '';
    return `${name}${error.message}`;
  }
  return String(error);
}

/** A logger that drops everything; for pure modules used outside the editor (CLI, tests). */
export const silentLogger: Logger = createLogger(() => undefined);
