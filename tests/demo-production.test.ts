/** A server holding demo accounts (which sign in without an authenticator) refuses to start in production. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

describe('demo accounts and NODE_ENV=production', () => {
  it('refuses to start and says why', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'huiqi-demo-prod-'));
    try {
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        NODE_ENV: 'production',
        HUIQI_DATA_DIR: dataDir,
        HUIQI_DEMO_DATA: 'accounts',
        PORT: '0',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
      };
      delete env.DATABASE_URL;
      delete env.DATABASE_READ_URL;
      const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
        env,
        encoding: 'utf8',
        timeout: 90_000,
      });
      expect(r.status).toBe(1);
      expect(r.stderr).toContain('不得以 NODE_ENV=production 启动');
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
