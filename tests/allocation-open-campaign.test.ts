/**
 * A committed allocation while the campaign still accepts applications would leave out what is submitted (or still
 * under review) in the rest of the period, so the server refuses it — unless the administrator confirms, in the same
 * request, that applications close first (`closeCampaign: true`): the application period then ends today, the early
 * close is audited, and later applications are refused. After the period the commit needs no confirmation.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, subsidyAllocationRuns, subsidyCampaigns } from '../src/db/schema';
import type { Session } from './helpers/session';
import { createTestPlatform, type TestPlatform } from './helpers/test-app';
import { apply, makeApplicant, openCampaign, subsidyStaff, verify } from './subsidy-fixtures';

let p: TestPlatform;
let admin: Session;
let city: Session;
let district: Session;

beforeAll(async () => {
  // 2025-03-15 (Beijing): inside the application period 2025-03-01 – 2025-04-30.
  p = await createTestPlatform({ now: '2025-03-15T02:00:00Z' });
  ({ admin, city, district } = await subsidyStaff(p));
});
afterAll(async () => p.close());

const campaign = (year: number) => openCampaign(admin, { year });

const commit = (id: string, body: Record<string, unknown> = {}, headers?: Record<string, string>) =>
  admin.post(`/api/v1/subsidy/campaigns/${id}/allocation-runs`, { dryRun: false, ...body }, headers);

describe('committing while the campaign accepts applications', () => {
  it('is refused with the reason, in Chinese and in English, and writes nothing', async () => {
    const id = await campaign(2040);
    const a = await makeApplicant(p);
    const r = await apply(a, id);
    await verify(district, city, r.id);
    const b = await makeApplicant(p, { disbursedAt: '2024-04-02T02:00:00Z' });
    expect((await apply(b, id)).status).toBe(201); // still with the district

    const res = await commit(id);
    expect(res.statusCode, res.body).toBe(409);
    const err = res.json().error;
    expect(err.code).toBe('CAMPAIGN_STILL_OPEN');
    expect(err.message).toContain('仍在受理申请（截止2025年4月30日）');
    expect(err.message).toContain('尚未核实完毕的1份申请');
    expect(err.message).toContain('申报指南 六（一）');
    expect(err.message).toContain('确认先截止受理再分配');
    expect(err.details).toMatchObject({ applyTo: '2025-04-30', unverified: 1 });

    const en = await commit(id, {}, { 'accept-language': 'en' });
    expect(en.statusCode).toBe(409);
    expect(en.json().error.message).toContain('still accepts applications (until 2025-04-30)');

    const runs = await p.deps.db.select().from(subsidyAllocationRuns).where(eq(subsidyAllocationRuns.campaignId, id));
    expect(runs).toHaveLength(0);
    const [c] = await p.deps.db.select().from(subsidyCampaigns).where(eq(subsidyCampaigns.id, id));
    expect(c).toMatchObject({ status: 'open', applyTo: '2025-04-30', committedRunId: null });
    // A dry run is still allowed: it changes nothing.
    const dry = await admin.post(`/api/v1/subsidy/campaigns/${id}/allocation-runs`, { dryRun: true });
    expect(dry.statusCode, dry.body).toBe(200);
  });

  it('with closeCampaign: applications close today (audited), then the commit runs and later applications are refused', async () => {
    const id = await campaign(2041);
    const a = await makeApplicant(p);
    const r = await apply(a, id);
    await verify(district, city, r.id);

    const res = await commit(id, { closeCampaign: true });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().applicationCount).toBe(1);
    const [c] = await p.deps.db.select().from(subsidyCampaigns).where(eq(subsidyCampaigns.id, id));
    expect(c).toMatchObject({ status: 'allocated', applyTo: '2025-03-15' });
    const view = (await admin.get(`/api/v1/subsidy/campaigns/${id}`)).json();
    expect(view).toMatchObject({ acceptingApplications: false, applyTo: '2025-03-15' });

    const [ev] = await p.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'subsidy.campaign_closed_early'), eq(auditEvents.objectId, id)));
    expect(ev).toBeDefined();
    expect(ev!.before).toMatchObject({ applyTo: '2025-04-30', acceptingApplications: true });
    expect(ev!.after).toMatchObject({ applyTo: '2025-03-15', acceptingApplications: false });

    const late = await makeApplicant(p, { disbursedAt: '2024-04-03T02:00:00Z' });
    const refused = await apply(late, id);
    expect(refused.status).toBe(422);
    expect((refused.body as { error: { code: string } }).error.code).toBe('CAMPAIGN_CLOSED');
  });

  it('after the application period, the commit needs no confirmation and changes no date', async () => {
    const id = await campaign(2042);
    const a = await makeApplicant(p);
    const r = await apply(a, id);
    await verify(district, city, r.id);
    // The period ended yesterday (as if the campaign had been set up to close on 2025-03-14).
    await p.deps.db.update(subsidyCampaigns).set({ applyTo: '2025-03-14' }).where(eq(subsidyCampaigns.id, id));

    const res = await commit(id);
    expect(res.statusCode, res.body).toBe(201);
    const [c] = await p.deps.db.select().from(subsidyCampaigns).where(eq(subsidyCampaigns.id, id));
    expect(c).toMatchObject({ status: 'allocated', applyTo: '2025-03-14' });
    const closes = await p.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'subsidy.campaign_closed_early'), eq(auditEvents.objectId, id)));
    expect(closes).toHaveLength(0);
  });
});
