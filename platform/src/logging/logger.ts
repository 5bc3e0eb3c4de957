import { pino, type Logger } from 'pino';

export type { Logger };

/** JSON logs on stdout; secrets and personal data are redacted by path even if a caller passes them. */
export function createLogger(service: string, level: string = 'info'): Logger {
  return pino({
    level,
    base: { service },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    redact: {
      paths: [
        'password',
        '*.password',
        'token',
        '*.token',
        'authorization',
        '*.authorization',
        'headers.authorization',
        'headers.cookie',
        'email',
        '*.email',
        'variables',
      ],
      censor: '[redacted]',
    },
  });
}
