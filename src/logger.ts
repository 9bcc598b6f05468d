// The app's structured logger (pino JSON lines). Secrets never reach it: authorization headers are redacted.
import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger };

/** Logs to stdout, or to `destination` (tests read the lines back). */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { service: 'kz-political-graph' },
    redact: { paths: ['req.headers.authorization', 'headers.authorization', '*.password', '*.secret'], censor: '[redacted]' },
  };
  return destination ? pino(options, destination) : pino(options);
}
