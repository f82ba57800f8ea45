import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIO } from './commands/_io';
import * as fund from './commands/fund';

async function call(args: string[], stdin: unknown) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = {
    stdinIsTTY: false,
    readStdin: async () => JSON.stringify(stdin),
    out: (t) => out.push(t),
    err: (t) => err.push(t),
  };
  const code = await fund.run(args, io);
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

const INPUT = {
  criteria: [
    { id: 'innovation', weight: '30' },
    { id: 'benefit', weight: '70' },
  ],
  method: 'mean',
  minReviews: 3,
  threshold: '60.00',
  applications: [
    { id: 'A', submittedAt: '2026-03-01T10:00:00+08:00' },
    { id: 'B', submittedAt: '2026-03-01T09:00:00+08:00' },
    { id: 'C', submittedAt: '2026-03-01T08:00:00+08:00' },
  ],
  reviews: [
    ...['E1', 'E2', 'E3'].map((e) => ({
      applicationId: 'A',
      expertId: e,
      scores: { innovation: '80', benefit: '81' },
      conflict: false,
    })),
    ...['E1', 'E2', 'E3'].map((e) => ({
      applicationId: 'B',
      expertId: e,
      scores: { innovation: '80', benefit: '81' },
      conflict: false,
    })),
    { applicationId: 'C', expertId: 'E1', scores: {}, conflict: true },
  ],
};

describe('huiqi fund rank --json (the README contract)', () => {
  it('ranks ties by the earlier submission and lists every application', async () => {
    const r = await call(['rank', '--json'], INPUT);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      ranking: [
        { id: 'B', rank: 1, score: '80.70', reviews: 3, status: 'ranked' },
        { id: 'A', rank: 2, score: '80.70', reviews: 3, status: 'ranked' },
        { id: 'C', rank: null, score: null, reviews: 0, status: 'insufficient_reviews' },
      ],
    });
  });

  it.each([
    [
      {
        ...INPUT,
        criteria: [
          { id: 'innovation', weight: '30' },
          { id: 'benefit', weight: '60' },
        ],
      },
      'criteria',
      '权重合计应为100',
    ],
    [
      {
        ...INPUT,
        reviews: [{ applicationId: 'A', expertId: 'E1', scores: { innovation: '101', benefit: '1' }, conflict: false }],
      },
      'reviews.0.scores.innovation',
      '0至100',
    ],
    [
      {
        ...INPUT,
        reviews: [{ applicationId: 'Q', expertId: 'E1', scores: { innovation: '1', benefit: '1' }, conflict: false }],
      },
      'reviews.0.applicationId',
      '不存在',
    ],
    [
      {
        ...INPUT,
        reviews: [
          { applicationId: 'A', expertId: 'E1', scores: { innovation: '1', benefit: '1', x: '1' }, conflict: false },
        ],
      },
      'reviews.0.scores.x',
      '不在评分模板中',
    ],
  ])('bad input exits 2 naming the field (%#)', async (input, path, words) => {
    const r = await call(['rank', '--json'], input);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(words);
    const body = JSON.parse(r.stdout);
    expect(body.error.fields.map((f: { path: string }) => f.path)).toContain(path);
  });

  it('runs as `npx huiqi fund rank --json`', () => {
    const root = join(import.meta.dirname, '..', '..');
    const r = spawnSync(
      process.execPath,
      [join(root, 'packages', 'cli', 'bin', 'huiqi.mjs'), 'fund', 'rank', '--json'],
      {
        cwd: root,
        input: JSON.stringify(INPUT),
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).ranking[0]).toEqual({ id: 'B', rank: 1, score: '80.70', reviews: 3, status: 'ranked' });
  });
});
