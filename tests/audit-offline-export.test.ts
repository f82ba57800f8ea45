/**
 * The audit administrator's offline-verifiable export (jsonl): a period's events in sequence with their SM3 hashes,
 * verified by `huiqi audit verify-file` without any database — and every alteration, removal, insertion or cut
 * of the file is reported.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIO } from '../src/cli/commands/_io';
import { runAudit } from '../src/cli/commands/audit';
import { auditEvents } from '../src/db/schema';
import { recordAudit } from '../src/services/audit/record-audit';
import { inTx, systemCtx } from '../src/services/context';
import { makeUser } from './helpers/factories';
import { loginAs, type Session } from './helpers/session';
import { createTestPlatform, type TestPlatform } from './helpers/test-app';

let p: TestPlatform;
let auditor: Session;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'huiqi-chain-'));

async function eventsOn(day: string, n: number): Promise<void> {
  p.clock.set(new Date(`${day}T03:00:00Z`));
  const ctx = systemCtx(p.deps, 'test');
  for (let i = 0; i < n; i++) {
    await inTx(ctx, (tx) =>
      recordAudit(tx, ctx, { action: 'test.event', objectType: 'thing', objectId: `${day}-${i}`, after: { i, day } }),
    );
  }
}

function captureIO(): CliIO & { stdout: string[] } {
  const stdout: string[] = [];
  return { stdout, stdinIsTTY: true, readStdin: async () => '', out: (t) => stdout.push(t), err: () => {} };
}

async function verifyLines(lines: string[], extra: string[] = []) {
  const file = path.join(dir, `f-${Math.random().toString(16).slice(2)}.jsonl`);
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
  const io = captureIO();
  const code = await runAudit(['verify-file', file, '--json', ...extra], io, {});
  return { code, result: JSON.parse(io.stdout.join('\n')) as { intact: boolean; checked: number; problems: string[] } };
}

beforeAll(async () => {
  p = await createTestPlatform({ now: '2026-03-01T02:00:00Z' });
  await eventsOn('2026-03-02', 3);
  await eventsOn('2026-03-03', 5);
  await eventsOn('2026-03-04', 2);
  const u = await makeUser(p.deps, 'audit_admin');
  auditor = await loginAs(p.app, u.username, u.password);
});
afterAll(async () => {
  await p.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('offline-verifiable audit export', () => {
  let lines: string[] = [];

  it('exports one period as a header and every event in sequence, and records the last hash', async () => {
    const res = await auditor.get('/api/v1/audit/events/export?format=jsonl&from=2026-03-03&to=2026-03-03');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('application/x-ndjson');
    lines = res.body.trimEnd().split('\n');
    const header = JSON.parse(lines[0]!);
    expect(header).toMatchObject({ format: 'huiqi-audit-chain', digest: 'SM3', events: 5 });
    const events = lines.slice(1).map((l) => JSON.parse(l));
    expect(events.map((e) => e.objectId)).toEqual([0, 1, 2, 3, 4].map((i) => `2026-03-03-${i}`));
    expect(events.map((e) => e.seq)).toEqual(Array.from({ length: 5 }, (_, i) => header.fromSeq + i));
    const [exported] = await p.deps.db.select().from(auditEvents).where(eq(auditEvents.action, 'audit.exported'));
    expect(exported!.after).toMatchObject({ format: 'jsonl', rows: 5, lastHash: events[4].hash });
  });

  it('verifies the file without the database', async () => {
    const { code, result } = await verifyLines(lines);
    expect(code).toBe(0);
    expect(result).toMatchObject({ intact: true, checked: 5, problems: [] });
    const last = JSON.parse(lines[5]!);
    expect((await verifyLines(lines, ['--anchor', `${last.seq}:${last.hash}`])).code).toBe(0);
    expect((await verifyLines(lines, ['--anchor', `${last.seq}:${'a'.repeat(64)}`])).code).toBe(1);
  });

  it('reports an altered event, a removed one, an inserted one and a file cut short', async () => {
    const altered = [...lines];
    altered[3] = altered[3]!.replace('"i":2', '"i":7');
    expect((await verifyLines(altered)).result.problems).toEqual([expect.stringContaining('被篡改')]);

    const removed = lines.filter((_, i) => i !== 2);
    const r = await verifyLines(removed);
    expect(r.code).toBe(1);
    expect(r.result.problems.join()).toContain('被删除');

    const copy = [...lines.slice(0, 3), lines[2]!, ...lines.slice(3)];
    expect((await verifyLines(copy)).result.problems.join()).toMatch(/序号重复|被插入/);

    const cut = await verifyLines(lines.slice(0, 4));
    expect(cut.code).toBe(1);
    expect(cut.result.problems.join()).toContain('文件不完整');

    const noHeader = await verifyLines(lines.slice(1));
    expect(noHeader.result.problems.join()).toContain('文件头');
  });

  it('takes a period only: another filter would leave holes in the chain', async () => {
    const res = await auditor.get('/api/v1/audit/events/export?format=jsonl&action=test.event');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('只能按时间段导出');
  });

  it('a missing file is a clear input error', async () => {
    const io = captureIO();
    expect(await runAudit(['verify-file', path.join(dir, 'none.jsonl')], io, {})).toBe(2);
  });
});
