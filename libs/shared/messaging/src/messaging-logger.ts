/** The few log calls the messaging layer makes; Nest's Logger satisfies it, and tests can capture it. */
export interface MessagingLogger {
  log(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export const silentLogger: MessagingLogger = { log: () => undefined, warn: () => undefined, error: () => undefined };
