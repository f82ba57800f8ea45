/**
 * Notices to people: in-app notifications (only one's own), the SMS/e-mail outbox with its dispatcher (retries
 * with back-off, final failure, leases, several dispatchers at once never sending a row twice), and the
 * project library's reminders (window open, report due) sent once however often the sweep runs.
 */
import { eq, inArray } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, notificationOutbox, notifications } from '../src/db/schema';
import { dispatchOutbox, LEASE_MS, retryDelayMs } from '../src/services/notifications/dispatcher';
import { notifyUsers } from '../src/services/notifications/notify';
import { LoggingSender, type OutboundMessage, resetSenders, setSender } from '../src/services/notifications/senders';
import { sweepProjectLibrary } from '../src/services/projects/sweep';
import { makeEnterprise, makeUser } from './helpers/factories';
import { createTestPlatform, type TestPlatform } from './helpers/test-app';
import { login } from './projects-fixtures';

let p: TestPlatform;

beforeAll(async () => {
  p = await createTestPlatform({ now: '2024-03-05T02:00:00Z' });
});
afterAll(async () => p.close());
afterEach(() => resetSenders());

async function enterpriseWithUser(phone = '13800138000') {
  const e = await makeEnterprise(p.deps, { contactPhoneEnc: p.deps.cipher.encrypt(phone) });
  const u = await makeUser(p.deps, 'enterprise', { enterpriseId: e.id });
  return { e, u };
}

async function outboxOf(ids: string[]) {
  return p.deps.db.select().from(notificationOutbox).where(inArray(notificationOutbox.recipientUserId, ids));
}

describe('in-app notifications', () => {
  it('each user reads and marks only their own', async () => {
    const a = await enterpriseWithUser();
    const b = await enterpriseWithUser();
    await p.deps.db.transaction((tx) =>
      notifyUsers(tx, p.deps, p.deps.clock(), [a.u.id, b.u.id], {
        kind: 'declaration_returned',
        title: '申报被退回补正：测试项目',
        body: '请补充材料',
        link: '/enterprise/declarations/x',
      }),
    );
    const sa = await login(p, a.u);
    const list = (await sa.get('/api/v1/notifications')).json();
    expect(list).toMatchObject({ total: 1, unread: 1 });
    expect(list.items[0]).toMatchObject({ kind: 'declaration_returned', kindName: '申报被退回补正', readAt: null });
    const sb = await login(p, b.u);
    const theirs = (await sb.get('/api/v1/notifications')).json().items[0].id;
    expect((await sa.post(`/api/v1/notifications/${theirs}/read`)).statusCode).toBe(404);
    const read = await sa.post(`/api/v1/notifications/${list.items[0].id}/read`);
    expect(read.json().readAt).toBe(p.deps.clock().toISOString());
    expect((await sa.get('/api/v1/notifications/unread-count')).json()).toEqual({ unread: 0 });
    expect((await sb.get('/api/v1/notifications/unread-count')).json()).toEqual({ unread: 1 });
    expect((await sb.post('/api/v1/notifications/read-all')).json()).toEqual({ updated: 1 });
    expect((await sb.get('/api/v1/notifications?unread=true')).json().total).toBe(0);

    // Each mark is a state change with its audit event; a repeated mark changes nothing and records nothing.
    await sa.post(`/api/v1/notifications/${list.items[0].id}/read`);
    const events = await p.deps.db
      .select({
        action: auditEvents.action,
        objectId: auditEvents.objectId,
        actorId: auditEvents.actorId,
        after: auditEvents.after,
      })
      .from(auditEvents)
      .where(inArray(auditEvents.action, ['notification.read', 'notification.all_read']));
    expect(events).toEqual([
      { action: 'notification.read', objectId: list.items[0].id, actorId: a.u.id, after: null },
      { action: 'notification.all_read', objectId: null, actorId: b.u.id, after: { count: 1 } },
    ]);
  });

  it('a dedupe key makes a reminder idempotent per recipient', async () => {
    const a = await enterpriseWithUser();
    const send = () =>
      p.deps.db.transaction((tx) =>
        notifyUsers(tx, p.deps, p.deps.clock(), [a.u.id], {
          kind: 'report_due',
          title: '请报送项目进展',
          body: '…',
          dedupeKey: 'report_due:p1:2024-Q1',
          channels: ['sms'],
        }),
      );
    expect(await send()).toEqual({ notified: 1, queued: 1 });
    expect(await send()).toEqual({ notified: 0, queued: 0 });
    const rows = await p.deps.db.select().from(notifications).where(eq(notifications.recipientUserId, a.u.id));
    expect(rows).toHaveLength(1);
  });
});

describe('outbox and dispatcher', () => {
  it('queues SMS to the enterprise contact, encrypted and masked, and the logging sender delivers it', async () => {
    const a = await enterpriseWithUser('13912345678');
    await p.deps.db.transaction((tx) =>
      notifyUsers(tx, p.deps, p.deps.clock(), [a.u.id], {
        kind: 'declaration_approved',
        title: '项目已入库',
        body: '项目库编号 JMSZ-2024-0001',
        channels: ['sms', 'email'],
      }),
    );
    const [row] = await outboxOf([a.u.id]);
    expect(row).toMatchObject({ channel: 'sms', status: 'pending', addressMasked: '139****5678' });
    expect(row!.addressEnc).not.toContain('13912345678');
    // No e-mail address is known for enterprise users by default: nothing queued for e-mail.
    expect((await outboxOf([a.u.id])).filter((r) => r.channel === 'email')).toEqual([]);

    const logged: string[] = [];
    const sms = new LoggingSender('sms', (line) => logged.push(line));
    setSender(sms);
    const r = await dispatchOutbox(p.deps);
    expect(r.sent).toBeGreaterThanOrEqual(1);
    expect(sms.sent.find((m) => m.id === row!.id)).toMatchObject({
      to: '139****5678',
      body: '【惠企】项目库编号 JMSZ-2024-0001',
    });
    expect(logged.join('\n')).not.toContain('13912345678');
    const [after] = await outboxOf([a.u.id]);
    expect(after).toMatchObject({ status: 'sent', attempts: 1, providerMessageId: `log-${row!.id}` });
    expect((await dispatchOutbox(p.deps)).claimed).toBe(0);
  });

  it('retries with back-off and gives up after the last attempt', async () => {
    await dispatchOutbox(p.deps); // drain earlier rows
    const a = await enterpriseWithUser('13700000001');
    await p.deps.db.transaction((tx) =>
      notifyUsers(tx, p.deps, p.deps.clock(), [a.u.id], {
        kind: 'declaration_rejected',
        title: 't',
        body: 'b',
        channels: ['sms'],
      }),
    );
    let calls = 0;
    setSender({
      channel: 'sms',
      async send() {
        calls++;
        throw new Error('短信网关超时');
      },
    });
    const start = p.deps.clock().getTime();
    let r = await dispatchOutbox(p.deps);
    expect(r).toMatchObject({ claimed: 1, retrying: 1, failed: 0 });
    let [row] = await outboxOf([a.u.id]);
    expect(row).toMatchObject({ status: 'pending', attempts: 1, lastError: '短信网关超时' });
    expect(row!.nextAttemptAt.getTime() - start).toBe(retryDelayMs(1));
    expect((await dispatchOutbox(p.deps)).claimed).toBe(0); // not due yet
    for (let attempt = 2; attempt <= 5; attempt++) {
      p.clock.set(new Date(row!.nextAttemptAt.getTime()));
      r = await dispatchOutbox(p.deps);
      [row] = await outboxOf([a.u.id]);
      expect(row!.attempts).toBe(attempt);
    }
    expect(r.failed).toBe(1);
    expect(row!.status).toBe('failed');
    expect(calls).toBe(5);
    p.clock.set(new Date(row!.nextAttemptAt.getTime() + 86_400_000));
    expect((await dispatchOutbox(p.deps)).claimed).toBe(0);
    p.clock.set('2024-03-05T02:00:00Z');
  });

  it('several dispatchers at once never send the same message twice; a lost lease is retried', async () => {
    await dispatchOutbox(p.deps);
    const users: string[] = [];
    for (let i = 0; i < 12; i++) users.push((await enterpriseWithUser(`1360000${String(i).padStart(4, '0')}`)).u.id);
    await p.deps.db.transaction((tx) =>
      notifyUsers(tx, p.deps, p.deps.clock(), users, { kind: 'window_open', title: 't', body: 'b', channels: ['sms'] }),
    );
    const seen: string[] = [];
    setSender({
      channel: 'sms',
      async send(m: OutboundMessage) {
        seen.push(m.id);
        await new Promise((r) => setTimeout(r, 5));
        return {};
      },
    });
    const results = await Promise.all([1, 2, 3].map(() => dispatchOutbox(p.deps, { batchSize: 5 })));
    let total = results.reduce((s, r) => s + r.sent, 0);
    while (total < 12) total += (await dispatchOutbox(p.deps, { batchSize: 5 })).sent;
    expect(seen).toHaveLength(12);
    expect(new Set(seen).size).toBe(12);

    // A dispatcher that claimed a row and died: the row comes back when its lease expires.
    const [one] = await outboxOf([users[0]!]);
    await p.deps.db
      .update(notificationOutbox)
      .set({ status: 'sending', lockedUntil: new Date(p.deps.clock().getTime() + LEASE_MS) })
      .where(eq(notificationOutbox.id, one!.id));
    expect((await dispatchOutbox(p.deps)).claimed).toBe(0);
    p.clock.advance(LEASE_MS + 1000);
    expect((await dispatchOutbox(p.deps)).sent).toBe(1);
    p.clock.set('2024-03-05T02:00:00Z');
  });

  it('the outbox is the city administrator’s to see and dispatch', async () => {
    const admin = await makeUser(p.deps, 'city_admin');
    const reviewer = await makeUser(p.deps, 'city_reviewer');
    // Its own sent SMS, so this test does not lean on the ones before it.
    const { u } = await enterpriseWithUser('13600009999');
    await p.deps.db.transaction((tx) =>
      notifyUsers(tx, p.deps, p.deps.clock(), [u.id], {
        kind: 'window_open',
        title: 't',
        body: 'b',
        channels: ['sms'],
      }),
    );
    setSender(new LoggingSender('sms'));
    await dispatchOutbox(p.deps);
    const [mine] = await outboxOf([u.id]);
    expect(mine!.status).toBe('sent');
    const sa = await login(p, admin);
    const list = await sa.get('/api/v1/notifications/outbox?status=sent');
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((i: { id: string }) => i.id)).toContain(mine!.id);
    expect(JSON.stringify(list.json())).not.toMatch(/1360000\d{4}/);
    expect((await sa.post('/api/v1/notifications/outbox/dispatch')).statusCode).toBe(200);
    const sr = await login(p, reviewer);
    expect((await sr.get('/api/v1/notifications/outbox')).statusCode).toBe(403);
  });
});

describe('project-library reminders', () => {
  it('tells every enterprise user once when a window opens', async () => {
    const a = await enterpriseWithUser();
    p.clock.set('2024-03-09T02:00:00Z');
    expect((await sweepProjectLibrary(p.deps)).windowNotices).toBe(0);
    p.clock.set('2024-03-10T02:00:00Z');
    const first = await sweepProjectLibrary(p.deps);
    expect(first.windowNotices).toBeGreaterThan(0);
    expect((await sweepProjectLibrary(p.deps)).windowNotices).toBe(0);
    const mine = await p.deps.db.select().from(notifications).where(eq(notifications.recipientUserId, a.u.id));
    const open = mine.filter((n) => n.kind === 'window_open');
    expect(open).toHaveLength(1);
    expect(open[0]!.title).toBe('2024年3月入库申报窗口已开放');
    expect(open[0]!.body).toContain('2024年3月10日至2024年3月15日');
  });
});
