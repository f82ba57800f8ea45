/**
 * A server whose clock a journey moves (a notice period that has to pass): a test-only preload shifts the server's
 * `Date` by an offset read from a file (like libfaketime), starting at E2E_NOW. The browsers' clocks are started at
 * E2E_NOW too (`fixedClock`) and moved with the server's by the journey (`context.clock.setSystemTime`).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { E2E_NOW, type E2EServer, startServer } from './fixtures';

const PRELOAD = `
import fs from 'node:fs';
const file = process.env.HUIQI_E2E_CLOCK_FILE;
if (file) {
  const RealDate = Date;
  let offset = 0;
  const read = () => { try { offset = Number(fs.readFileSync(file, 'utf8')) || 0; } catch {} };
  read();
  setInterval(read, 50).unref();
  class ShiftedDate extends RealDate {
    constructor(...args) { if (args.length === 0) super(RealDate.now() + offset); else super(...args); }
    static now() { return RealDate.now() + offset; }
  }
  globalThis.Date = ShiftedDate;
}
`;

export interface MovableClockServer {
  server: E2EServer;
  /** Moves the server's clock to `iso` and waits for it to take effect. */
  moveTo(iso: string): Promise<void>;
}

/**
 * `start`: where the server's clock starts. `browsersAtStart` (default true): the browsers' clocks start at E2E_NOW
 * too; false leaves them on the real time.
 */
export async function startServerWithMovableClock(
  start = E2E_NOW,
  opts: { browsersAtStart?: boolean } = {},
): Promise<MovableClockServer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'huiqi-e2e-clock-'));
  const clockFile = path.join(dir, 'offset');
  fs.writeFileSync(clockFile, String(Date.parse(start) - Date.now()));
  const preload = path.join(dir, 'clock.mjs');
  fs.writeFileSync(preload, PRELOAD);
  const saved = { NODE_OPTIONS: process.env.NODE_OPTIONS, HUIQI_E2E_CLOCK_FILE: process.env.HUIQI_E2E_CLOCK_FILE };
  process.env.NODE_OPTIONS = `${saved.NODE_OPTIONS ?? ''} --import=${preload}`.trim();
  process.env.HUIQI_E2E_CLOCK_FILE = clockFile;
  let server: E2EServer;
  try {
    server = await startServer();
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
  const close = server.close;
  return {
    // The browsers start at E2E_NOW as with a fixed clock (unless told otherwise).
    server: {
      ...server,
      fixedClock: opts.browsersAtStart ?? true,
      close: async () => {
        await close();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    },
    moveTo: async (iso: string) => {
      fs.writeFileSync(clockFile, String(Date.parse(iso) - Date.now()));
      await new Promise((r) => setTimeout(r, 300));
    },
  };
}
