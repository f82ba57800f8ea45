/** A terminal for the CLI commands in tests: what they print is kept; stdin is an interactive terminal with nothing typed. */
import type { CliIO } from '../../src/cli/commands/_io';

export function captureIO(): CliIO & { stdout: string[]; stderr: string[]; json(): Record<string, unknown> } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    stdout,
    stderr,
    stdinIsTTY: true,
    readStdin: async () => '',
    out: (t) => stdout.push(t),
    err: (t) => stderr.push(t),
    json: () => JSON.parse(stdout.join('\n')),
  };
}
