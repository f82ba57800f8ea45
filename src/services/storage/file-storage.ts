/**
 * Content-addressed file storage. Files are stored by SHA-256; the same content is stored once. The local disk
 * backend keeps them under `<filesDir>/ab/cd/<sha256>`; an object-store backend can implement the same interface.
 */
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

export interface FileStorage {
  /** Stores the bytes and returns their SHA-256 (hex). Idempotent. */
  put(bytes: Buffer): Promise<string>;
  get(sha256: string): Promise<Buffer>;
  exists(sha256: string): Promise<boolean>;
}

const SHA_RE = /^[0-9a-f]{64}$/;

export class LocalFileStorage implements FileStorage {
  constructor(private readonly root: string) {}

  private pathOf(sha256: string): string {
    if (!SHA_RE.test(sha256)) throw new Error('invalid sha256');
    return path.join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  async put(bytes: Buffer): Promise<string> {
    const sha = createHash('sha256').update(bytes).digest('hex');
    const target = this.pathOf(sha);
    if (await this.exists(sha)) return sha;
    await fs.mkdir(path.dirname(target), { recursive: true });
    const tmp = `${target}.${randomUUID()}.tmp`;
    await fs.writeFile(tmp, bytes);
    await fs.rename(tmp, target);
    return sha;
  }

  async get(sha256: string): Promise<Buffer> {
    return fs.readFile(this.pathOf(sha256));
  }

  async exists(sha256: string): Promise<boolean> {
    try {
      await fs.access(this.pathOf(sha256));
      return true;
    } catch {
      return false;
    }
  }
}

/** For tests: keeps files in memory. */
export class MemoryFileStorage implements FileStorage {
  private readonly files = new Map<string, Buffer>();
  async put(bytes: Buffer): Promise<string> {
    const sha = createHash('sha256').update(bytes).digest('hex');
    this.files.set(sha, Buffer.from(bytes));
    return sha;
  }
  async get(sha256: string): Promise<Buffer> {
    const b = this.files.get(sha256);
    if (!b) throw new Error('file not found');
    return b;
  }
  async exists(sha256: string): Promise<boolean> {
    return this.files.has(sha256);
  }
}
