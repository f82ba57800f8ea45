/** `huiqi restore --in <文件>`: see ./backup.ts. */
import type { CliIO } from './_io';
import { runBackup } from './backup';

export async function run(args: string[], io: CliIO): Promise<number> {
  return runBackup('restore', args, io, process.env);
}
