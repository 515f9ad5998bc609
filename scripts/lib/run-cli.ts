/**
 * Runs a CLI's main and exits with its code. Errors end the process with one line saying what
 * went wrong (or the stack, for the benchmark scripts where the where matters more).
 */
export function runCli(main: () => Promise<number>, { stack = false }: { stack?: boolean } = {}): void {
  main().then(
    (code) => process.exit(code),
    (e: unknown) => {
      const err = e as Error;
      console.error(`error: ${stack ? (err.stack ?? String(e)) : (err.message ?? String(e))}`);
      process.exit(1);
    },
  );
}
