/**
 * Saved scenarios of the what-if sandbox (政策沙盘): a city administrator saves a scenario under a name — its changed
 * parameters and the summary of its outcome, computed here on the campaign's real applications (never taken from
 * the client) — lists a campaign's saved scenarios, compares two or more side by side (funded count, amounts by
 * district and by month, gainers and losers, budget left) and exports the comparison as a real .xlsx. Saving and
 * exporting are audit events; nothing live changes.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type {
  TCompareScenarios,
  TSandboxResult,
  TSandboxScenario,
  TSavedScenario,
  TSaveScenario,
  TScenarioComparison,
  TScenarioSummary,
} from '../../contracts/sandbox';
import { sandboxScenarios } from '../../db/schema';
import type { Actor } from '../../domain/access/actor';
import { mayDo } from '../../domain/access/business';
import { fenToYuan, yuanToFen } from '../../domain/money';
import { recordAudit } from '../audit';
import { type Ctx, inTx } from '../context';
import { Errors } from '../errors';
import { bureauSheet } from '../spreadsheet';
import { loadCampaign } from './campaigns';
import { runSandbox } from './run-sandbox';
import { isUniqueViolation } from './submit-application';

const SCENARIO = { zh: '沙盘方案', en: 'Sandbox scenario' };

function requireSandbox(actor: Actor): void {
  if (!mayDo(actor, 'subsidy.sandbox.run'))
    throw Errors.forbidden('只有市级业务管理员可以使用政策沙盘', 'Only the city administrator uses the sandbox');
}

/** The sandbox's answer without the per-application list, with the total lost and gained. */
export function summaryOf(r: TSandboxResult): TScenarioSummary {
  let lost = 0n;
  let gained = 0n;
  for (const c of r.changes) {
    const d = yuanToFen(c.difference.replace(/^-/, ''));
    if (c.difference.startsWith('-')) lost += d;
    else gained += d;
  }
  return {
    applications: r.applications,
    live: r.live,
    scenario: r.scenario,
    byDistrict: r.byDistrict,
    byMonth: r.byMonth,
    losers: r.losers,
    gainers: r.gainers,
    lost: fenToYuan(lost),
    gained: fenToYuan(gained),
    changed: r.changed,
  };
}

function scenarioJson(row: typeof sandboxScenarios.$inferSelect): TSavedScenario {
  return {
    id: row.id,
    campaignId: row.campaignId,
    name: row.name,
    parameters: row.parameters as TSandboxScenario,
    summary: row.summary as TScenarioSummary,
    savedBy: row.savedBy,
    savedAt: row.savedAt.toISOString(),
  };
}

/** Saves a scenario of a campaign: computed now on its real applications, stored with its audit event. */
export async function saveScenario(
  ctx: Ctx & { actor: Actor },
  campaignId: string,
  input: TSaveScenario,
): Promise<TSavedScenario> {
  requireSandbox(ctx.actor);
  const result = await runSandbox(ctx, campaignId, input.scenario);
  const summary = summaryOf(result);
  try {
    return await inTx(ctx, async (tx) => {
      const [row] = await tx
        .insert(sandboxScenarios)
        .values({
          campaignId,
          name: input.name,
          parameters: input.scenario,
          summary,
          savedBy: ctx.actor.id,
          savedAt: ctx.now,
        })
        .returning();
      await recordAudit(tx, ctx, {
        action: 'sandbox_scenario.saved',
        objectType: 'sandbox_scenario',
        objectId: row!.id,
        after: { campaignId, name: input.name, parameters: input.scenario, changed: summary.changed },
      });
      return scenarioJson(row!);
    });
  } catch (e) {
    if (!isUniqueViolation(e)) throw e;
    throw Errors.conflict(
      'DUPLICATE_SCENARIO',
      `本批次已有名为“${input.name}”的方案，请换一个名称`,
      `A scenario named ${input.name} already exists for this campaign`,
    );
  }
}

/** The campaign's saved scenarios, oldest first. */
export async function listScenarios(ctx: Ctx & { actor: Actor }, campaignId: string): Promise<TSavedScenario[]> {
  requireSandbox(ctx.actor);
  await loadCampaign(ctx.deps.readDb, campaignId);
  const rows = await ctx.deps.readDb
    .select()
    .from(sandboxScenarios)
    .where(eq(sandboxScenarios.campaignId, campaignId))
    .orderBy(asc(sandboxScenarios.savedAt), asc(sandboxScenarios.id));
  return rows.map(scenarioJson);
}

/** Rows aligned on the columns: every key any summary has, the amount of each column (0.00 where absent). */
function alignRows(
  sides: readonly { byKey: ReadonlyMap<string, { label: string; amount: string }> }[],
): TScenarioComparison['byDistrict'] {
  const labels = new Map<string, string>();
  for (const s of sides) for (const [k, v] of s.byKey) if (!labels.has(k)) labels.set(k, v.label);
  return [...labels.keys()].sort().map((key) => ({
    key,
    label: labels.get(key)!,
    values: sides.map((s) => s.byKey.get(key)?.amount ?? '0.00'),
  }));
}

/** Two or more saved scenarios side by side, after the live outcome (from the latest saved of them). */
export async function compareScenarios(
  ctx: Ctx & { actor: Actor },
  campaignId: string,
  input: TCompareScenarios,
): Promise<TScenarioComparison> {
  requireSandbox(ctx.actor);
  const campaign = await loadCampaign(ctx.deps.readDb, campaignId);
  const ids = [...new Set(input.scenarioIds)];
  if (ids.length < 2)
    throw Errors.badRequest('SCENARIOS_TOO_FEW', '请至少选择两个不同的方案', 'Choose at least two different scenarios');
  const rows = await ctx.deps.readDb
    .select()
    .from(sandboxScenarios)
    .where(and(eq(sandboxScenarios.campaignId, campaignId), inArray(sandboxScenarios.id, ids)));
  if (rows.length !== ids.length) throw Errors.notFound(SCENARIO);
  const saved = ids.map((id) => scenarioJson(rows.find((r) => r.id === id)!));
  const latest = [...saved].sort((a, b) => (a.savedAt < b.savedAt ? 1 : a.savedAt > b.savedAt ? -1 : 0))[0]!;
  const live = latest.summary;
  const columns: TScenarioComparison['columns'] = [
    {
      key: 'live',
      name: '现行参数',
      savedAt: latest.savedAt,
      changed: [],
      budget: live.live.budget,
      funded: live.live.funded,
      awarded: live.live.awarded,
      remaining: live.live.remaining,
      losers: 0,
      gainers: 0,
      lost: '0.00',
      gained: '0.00',
    },
    ...saved.map((s) => ({
      key: s.id,
      name: s.name,
      savedAt: s.savedAt,
      changed: s.summary.changed,
      budget: s.summary.scenario.budget,
      funded: s.summary.scenario.funded,
      awarded: s.summary.scenario.awarded,
      remaining: s.summary.scenario.remaining,
      losers: s.summary.losers,
      gainers: s.summary.gainers,
      lost: s.summary.lost,
      gained: s.summary.gained,
    })),
  ];
  const side = (groups: TScenarioSummary['byDistrict'], pick: 'live' | 'scenario') => ({
    byKey: new Map(groups.map((g) => [g.key, { label: g.label, amount: g[pick] }])),
  });
  return {
    campaignId,
    campaignTitle: campaign.title,
    applications: live.applications,
    columns,
    byDistrict: alignRows([side(live.byDistrict, 'live'), ...saved.map((s) => side(s.summary.byDistrict, 'scenario'))]),
    byMonth: alignRows([side(live.byMonth, 'live'), ...saved.map((s) => side(s.summary.byMonth, 'scenario'))]),
  };
}

/** The comparison as a real .xlsx workbook (one sheet, printed the bureau's way); the export is audited. */
export async function exportScenarioComparison(
  ctx: Ctx & { actor: Actor },
  campaignId: string,
  input: TCompareScenarios,
): Promise<{ name: string; body: Buffer }> {
  const c = await compareScenarios(ctx, campaignId, input);
  const wb = new ExcelJS.Workbook();
  wb.creator = '惠企 Huiqi';
  wb.created = ctx.now;
  const ws = wb.addWorksheet('方案对比', bureauSheet(3));
  const n = c.columns.length;
  ws.columns = [{ width: 24 }, ...c.columns.map(() => ({ width: 18 }))];
  ws.addRow([`${c.campaignTitle} 政策沙盘方案对比`]).font = { bold: true, size: 14 };
  ws.addRow([`参与测算的已核实申请：${c.applications}件    单位：元    测算结果为模拟，不改变任何实际记录`]);
  ws.addRow(['项目', ...c.columns.map((x) => x.name)]).font = { bold: true };
  const money = (label: string, values: string[]) => {
    const r = ws.addRow([label, ...values.map(Number)]);
    for (let i = 2; i <= n + 1; i++) r.getCell(i).numFmt = '#,##0.00';
  };
  ws.addRow(['调整的参数', ...c.columns.map((x) => (x.changed.length ? x.changed.join('；') : '—'))]);
  money(
    '预算',
    c.columns.map((x) => x.budget),
  );
  ws.addRow(['获安排申请数', ...c.columns.map((x) => x.funded)]);
  money(
    '安排金额',
    c.columns.map((x) => x.awarded),
  );
  money(
    '预算结余',
    c.columns.map((x) => x.remaining),
  );
  ws.addRow(['金额减少的申请数', ...c.columns.map((x) => x.losers)]);
  money(
    '减少金额合计',
    c.columns.map((x) => x.lost),
  );
  ws.addRow(['金额增加的申请数', ...c.columns.map((x) => x.gainers)]);
  money(
    '增加金额合计',
    c.columns.map((x) => x.gained),
  );
  ws.addRow([]);
  ws.addRow(['按县（市、区）']).font = { bold: true };
  for (const r of c.byDistrict) money(r.label, r.values);
  ws.addRow([]);
  ws.addRow(['按入库申报月份']).font = { bold: true };
  for (const r of c.byMonth) money(r.label, r.values);
  const body = Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  await inTx(ctx, (tx) =>
    recordAudit(tx, ctx, {
      action: 'sandbox_scenario.exported',
      objectType: 'subsidy_campaign',
      objectId: campaignId,
      after: { scenarioIds: c.columns.slice(1).map((x) => x.key) },
    }),
  );
  return { name: `${c.campaignTitle}-沙盘方案对比.xlsx`, body };
}
