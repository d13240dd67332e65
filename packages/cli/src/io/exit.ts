/** @module Exit codes and the one error type of the CLI. */

/**
 * 0 success; 1 the input has errors (schema errors, error-level findings); 2 the input cannot be read;
 * 3 a program the command needs is not installed (a PDF converter).
 */
export const EXIT = { ok: 0, inputHasErrors: 1, unreadable: 2, missingTool: 3 } as const;

/** An error the CLI reports on stderr and turns into an exit code. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
    this.name = 'CliError';
  }
}
