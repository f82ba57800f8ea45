/**
 * What every `huiqi` command shares: the I/O it is given (so tests can call `run` directly), flag reading,
 * JSON input, and the bad-input convention — a Chinese message naming the field on stderr, the error body on
 * stdout when --json, exit code 2.
 */
import { readFile } from 'node:fs/promises';
import type { z } from 'zod';
import { parseWith, type ValidationErrorBody } from '../../contracts/calculators';

export interface CliIO {
  /** Reads all of standard input. */
  readStdin(): Promise<string>;
  /** True when standard input is an interactive terminal (nothing piped). */
  readonly stdinIsTTY: boolean;
  out(text: string): void;
  err(text: string): void;
}

export interface CommandModule {
  run(args: string[], io: CliIO): Promise<number>;
}

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_BAD_INPUT = 2;

export function hasFlag(args: readonly string[], name: string): boolean {
  return args.includes(`--${name}`);
}

/** `--name value` or `--name=value`. */
export function flagValue(args: readonly string[], name: string): string | undefined {
  const eq = args.find((a) => a.startsWith(`--${name}=`));
  if (eq) return eq.slice(name.length + 3);
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

/** Arguments that are not flags (and not a flag's value). */
export function positionals(args: readonly string[], valueFlags: readonly string[] = ['input', 'as-of']): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a.startsWith('--')) {
      if (!a.includes('=') && valueFlags.includes(a.slice(2))) i++;
      continue;
    }
    out.push(a);
  }
  return out;
}

export function printJson(io: CliIO, value: unknown): void {
  io.out(JSON.stringify(value, null, 2));
}

/** Reports bad input the contract way and returns exit code 2. */
export function reportBadInput(io: CliIO, json: boolean, body: ValidationErrorBody): number {
  io.err(body.error.message);
  if (json) printJson(io, body);
  return EXIT_BAD_INPUT;
}

export function badInput(message: string, path = ''): ValidationErrorBody {
  return { error: { code: 'VALIDATION_FAILED', message, fields: [{ path, message }] } };
}

/**
 * Reads the JSON input (from `--input <file>` or standard input) and validates it against a contract schema.
 * Returns the parsed value, or the exit code after reporting the problem.
 */
export async function readInput<S extends z.ZodType>(
  args: readonly string[],
  io: CliIO,
  schema: S,
): Promise<{ ok: true; value: z.infer<S> } | { ok: false; code: number }> {
  const json = hasFlag(args, 'json');
  const file = flagValue(args, 'input');
  let text: string;
  try {
    if (file) text = await readFile(file, 'utf8');
    else if (io.stdinIsTTY) {
      return {
        ok: false,
        code: reportBadInput(
          io,
          json,
          badInput("输入有误：请通过标准输入（如 echo '{…}' | huiqi …）或 --input 文件提供 JSON"),
        ),
      };
    } else text = await io.readStdin();
  } catch (e) {
    return {
      ok: false,
      code: reportBadInput(io, json, badInput(`输入有误：无法读取输入文件 ${file}（${(e as Error).message}）`)),
    };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return {
      ok: false,
      code: reportBadInput(io, json, badInput(`输入有误：不是有效的 JSON（${(e as Error).message}）`)),
    };
  }
  const parsed = parseWith(schema, raw);
  if (!parsed.ok) return { ok: false, code: reportBadInput(io, json, parsed.error) };
  return { ok: true, value: parsed.value };
}

/** Pads a string to a display width, counting CJK characters as two columns. */
export function padWidth(s: string, width: number): string {
  let w = 0;
  for (const ch of s) w += /[\u1100-\uFFFF]/.test(ch) ? 2 : 1;
  return s + ' '.repeat(Math.max(0, width - w));
}

export function table(io: CliIO, header: readonly string[], rows: readonly (readonly string[])[]): void {
  const widths = header.map((h, i) =>
    Math.max(
      ...[h, ...rows.map((r) => r[i] ?? '')].map((c) =>
        [...c].reduce((w, ch) => w + (/[\u1100-\uFFFF]/.test(ch) ? 2 : 1), 0),
      ),
    ),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => padWidth(c, widths[i]!))
      .join('  ')
      .trimEnd();
  io.out(line(header));
  io.out(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) io.out(line(r));
}
