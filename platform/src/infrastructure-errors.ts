/** A real adapter could not reach its service at start; the message names the setting to check. */
export class UnreachableServiceError extends Error {
  override name = 'UnreachableServiceError';

  constructor(variable: string, target: string, cause: unknown) {
    const reason = cause instanceof Error ? (cause.message || cause.name) : String(cause);
    super(`${variable}: cannot reach ${redactUrl(target)} (${reason})`, { cause });
  }
}

/** A real adapter is selected but one of the settings it needs is missing. */
export class MissingSettingError extends Error {
  override name = 'MissingSettingError';

  constructor(variable: string, because: string) {
    super(`${variable} is required ${because}`);
  }
}

export function redactUrl(value: string): string {
  return value.replace(/\/\/[^/@\s]*@/, '//***@');
}
