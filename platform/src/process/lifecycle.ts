import { ConfigError } from '../config/config.js';
import { PortInUseError } from '../http/http-server.js';
import { MissingSettingError, UnreachableServiceError } from '../infrastructure-errors.js';

const ONE_LINE_ERRORS = [ConfigError, PortInUseError, UnreachableServiceError, MissingSettingError];

/**
 * Stops the process on a start-up failure. Errors a person can fix by changing a setting are printed as one line;
 * anything else keeps its stack, since it is a bug.
 */
export function exitOnStartupError(error: unknown): never {
  if (ONE_LINE_ERRORS.some((type) => error instanceof type)) {
    process.stderr.write(`Stages cannot start: ${(error as Error).message}\n`);
  } else {
    process.stderr.write(`Stages cannot start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  }
  process.exit(1);
}

/**
 * Runs `shutdown` once on SIGTERM or SIGINT, then exits. A second signal while shutting down exits at once.
 */
export function onShutdown(shutdown: (signal: string) => Promise<void>): void {
  let stopping = false;
  const handle = (signal: NodeJS.Signals) => {
    if (stopping) {
      process.stderr.write(`${signal} again: exiting without finishing shutdown\n`);
      process.exit(1);
    }
    stopping = true;
    shutdown(signal).then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`Shutdown failed: ${error instanceof Error ? error.message : String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', handle);
  process.on('SIGINT', handle);
}
