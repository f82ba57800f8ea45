/**
 * Match-making events (融资对接会, 002 三（一）2): the city schedules an event with its time slots; banks, guarantors
 * and enterprises register with the parties they wish to meet (or the city registers them); the city schedules the
 * one-to-one meetings (the pure scheduler: no one double-booked, every wish met when the slots allow) and checks
 * parties in; every party reads its own timetable; the institution side records each meeting's outcome.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { TEventInput, TMeetingOutcomeInput, TRegistrationInput } from '../../contracts/outreach';
import type { DbOrTx } from '../../db/client';
import {
  enterprises,
  institutions,
  outreachEvents,
  outreachMeetings,
  outreachRegistrations,
  users,
} from '../../db/schema';
import type { Actor } from '../../domain/access/actor';
import { mayDo } from '../../domain/access/business';
import { yuanToFen } from '../../domain/money/index';
import { outreachParam } from '../../domain/outreach/params';
import { scheduleMeetings, slotsNeeded } from '../../domain/outreach/scheduler';
import { citationLabel } from '../../domain/policies/core/citation';
import { recordAudit } from '../audit';
import { type Ctx, inTx } from '../context';
import { uniqueViolationOf } from '../enterprises';
import { Errors, fieldError } from '../errors';
import { readOrder } from '../financing';
import { enterpriseUsersOf, notifyUsers } from '../notifications';
import { EVENT, enterpriseOf, institutionOf, isCity, MEETING, REGISTRATION, todayOf, yuanOrNull } from './records';

type ActorCtx = Ctx & { actor: Actor };
type Slot = { start: string; end: string };
type EventRow = typeof outreachEvents.$inferSelect;

const KIND_ZH: Record<string, string> = { bank: '银行', guarantor: '担保机构', insurer: '保险机构' };

export async function createEvent(ctx: ActorCtx, input: TEventInput): Promise<{ id: string }> {
  if (input.heldOn < todayOf(ctx.now)) throw fieldError('heldOn', '举办日期', '不能早于今天', 'cannot be in the past');
  input.slots.forEach((s, i) => {
    if (s.end <= s.start) throw fieldError(`slots.${i}.end`, '结束时刻', '应晚于开始时刻', 'must be after the start');
    const prev = input.slots[i - 1];
    if (prev && s.start < prev.end)
      throw fieldError(
        `slots.${i}.start`,
        '开始时刻',
        '与上一时段重叠，时段应按时间先后排列',
        'overlaps the previous slot',
      );
  });
  return inTx(ctx, async (tx) => {
    const [row] = await tx
      .insert(outreachEvents)
      .values({ ...input, status: 'open', createdBy: ctx.actor.id, createdAt: ctx.now, updatedAt: ctx.now })
      .returning({ id: outreachEvents.id });
    await recordAudit(tx, ctx, {
      action: 'outreach_event.created',
      objectType: 'outreach_event',
      objectId: row!.id,
      after: input,
    });
    return { id: row!.id };
  });
}

async function findEvent(db: DbOrTx, id: string, forUpdate = false): Promise<EventRow> {
  const q = db.select().from(outreachEvents).where(eq(outreachEvents.id, id));
  const [row] = forUpdate ? await q.for('update') : await q;
  if (!row) throw Errors.notFound(EVENT);
  return row;
}

/** The actor's own party at events: its institution or its enterprise. */
function partyOf(actor: Actor): { side: 'institution' | 'enterprise'; id: string } | null {
  const inst = institutionOf(actor);
  if (inst) return { side: 'institution', id: inst };
  const ent = enterpriseOf(actor);
  return ent ? { side: 'enterprise', id: ent } : null;
}

async function names(db: DbOrTx) {
  const inst = await db
    .select({ id: institutions.id, name: institutions.name, kind: institutions.kind })
    .from(institutions);
  const ent = await db.select({ id: enterprises.id, name: enterprises.name }).from(enterprises);
  return {
    inst: new Map(inst.map((i) => [i.id, i] as const)),
    ent: new Map(ent.map((e) => [e.id, e.name] as const)),
  };
}

export async function listEvents(ctx: ActorCtx) {
  const rows = await ctx.deps.db.select().from(outreachEvents).orderBy(sql`${outreachEvents.heldOn} desc`);
  const regs = await ctx.deps.db.select().from(outreachRegistrations);
  const meets = await ctx.deps.db.select({ eventId: outreachMeetings.eventId }).from(outreachMeetings);
  const me = partyOf(ctx.actor);
  const p = outreachParam('eventPeriodMonths', todayOf(ctx.now));
  return {
    cadence: `每${p.value}个月举办一次（${citationLabel(p.citation)}“${p.citation.quote}”）`,
    items: rows.map((e) => ({
      id: e.id,
      theme: e.theme,
      heldOn: e.heldOn,
      mode: e.mode as 'onsite' | 'online',
      place: e.place,
      slots: e.slots as Slot[],
      status: e.status as 'open' | 'scheduled' | 'closed',
      registrations: regs.filter((r) => r.eventId === e.id).length,
      meetings: meets.filter((m) => m.eventId === e.id).length,
      mine:
        regs.find(
          (r) => r.eventId === e.id && me && (me.side === 'institution' ? r.institutionId : r.enterpriseId) === me.id,
        )?.id ?? null,
    })),
  };
}

export async function readEvent(ctx: ActorCtx, id: string) {
  const e = await findEvent(ctx.deps.db, id);
  const n = await names(ctx.deps.db);
  const regs = await ctx.deps.db
    .select()
    .from(outreachRegistrations)
    .where(eq(outreachRegistrations.eventId, id))
    .orderBy(asc(outreachRegistrations.seq));
  const meetings = await ctx.deps.db
    .select()
    .from(outreachMeetings)
    .where(eq(outreachMeetings.eventId, id))
    .orderBy(asc(outreachMeetings.slot));
  const me = partyOf(ctx.actor);
  const city = isCity(ctx.actor);
  const mine = (partyId: string) => city || me?.id === partyId;
  const partyName = (partyId: string) => n.inst.get(partyId)?.name ?? n.ent.get(partyId) ?? partyId;
  const slots = e.slots as Slot[];
  const parties = regs.map((r) => ({
    id: r.institutionId ?? r.enterpriseId!,
    side: r.side as 'institution' | 'enterprise',
    wishes: r.wishes,
  }));
  const schedule = scheduleMeetings(parties, slots.length);
  return {
    id: e.id,
    theme: e.theme,
    heldOn: e.heldOn,
    mode: e.mode as 'onsite' | 'online',
    place: e.place,
    slots,
    status: e.status as 'open' | 'scheduled' | 'closed',
    mine: regs.find((r) => me && (r.institutionId ?? r.enterpriseId) === me.id)?.id ?? null,
    meetings: meetings
      .filter((m) => mine(m.institutionId) || mine(m.enterpriseId))
      .map((m) => ({
        id: m.id,
        slot: m.slot,
        start: slots[m.slot]?.start ?? '',
        end: slots[m.slot]?.end ?? '',
        institutionId: m.institutionId,
        institutionName: partyName(m.institutionId),
        enterpriseId: m.enterpriseId,
        enterpriseName: partyName(m.enterpriseId),
        wishedBy: m.wishedBy as 'both' | 'institution' | 'enterprise',
        intentionAmount: yuanOrNull(m.intentionFen),
        signed: m.signed,
        followUpOrderId: m.followUpOrderId,
        outcomeNote: m.outcomeNote,
        outcomeRecordedAt: m.outcomeRecordedAt?.toISOString() ?? null,
      })),
    // Who registered is public to participants (they choose whom to meet); wishes only to their owner and the city.
    registrations: regs.map((r) => {
      const partyId = r.institutionId ?? r.enterpriseId!;
      return {
        id: r.id,
        side: r.side as 'institution' | 'enterprise',
        partyId,
        name: partyName(partyId),
        kindZh: r.side === 'enterprise' ? '企业' : (KIND_ZH[n.inst.get(partyId)?.kind ?? ''] ?? '机构'),
        wishes: mine(partyId) ? r.wishes.map((w) => ({ partyId: w, name: partyName(w) })) : [],
        contactName: mine(partyId) ? r.contactName : '',
        checkedInAt: r.checkedInAt?.toISOString() ?? null,
      };
    }),
    registrationCount: regs.length,
    unmet: city
      ? schedule.unmet.map((u) => ({
          institutionName: partyName(u.institutionId),
          enterpriseName: partyName(u.enterpriseId),
          wishedBy: u.wishedBy,
          reason: u.reasonZh,
        }))
      : [],
    slotsNeeded: slotsNeeded(parties),
  };
}

export async function registerForEvent(ctx: ActorCtx, id: string, input: TRegistrationInput): Promise<{ id: string }> {
  const city = mayDo(ctx.actor, 'outreach.event.manage');
  let party: { side: 'institution' | 'enterprise'; id: string } | null;
  if (city) {
    if ((input.institutionId === null) === (input.enterpriseId === null))
      throw fieldError(
        'institutionId',
        '机构',
        '代为报名时应指定一家机构或一家企业',
        'name one institution or one enterprise',
      );
    party = input.institutionId
      ? { side: 'institution', id: input.institutionId }
      : { side: 'enterprise', id: input.enterpriseId! };
  } else {
    if (!mayDo(ctx.actor, 'outreach.event.register')) throw Errors.forbidden();
    party = partyOf(ctx.actor);
    if (!party) throw Errors.forbidden('账号未关联机构或企业', 'The account has no institution or enterprise');
    if (input.institutionId !== null || input.enterpriseId !== null)
      throw fieldError('institutionId', '机构', '只能为本机构或本企业报名', 'you register your own party');
  }
  const me = party;
  return inTx(ctx, async (tx) => {
    const e = await findEvent(tx, id, true);
    if (e.status !== 'open')
      throw Errors.conflict('EVENT_NOT_OPEN', '对接会已排定洽谈日程，报名已截止', 'Registration has closed');
    if (me.side === 'institution') {
      const [i] = await tx.select().from(institutions).where(eq(institutions.id, me.id));
      if (!i || !['bank', 'guarantor', 'insurer'].includes(i.kind))
        throw fieldError('institutionId', '机构', '应为银行、担保或保险机构', 'must be a bank, guarantor or insurer');
    } else {
      const [x] = await tx.select({ id: enterprises.id }).from(enterprises).where(eq(enterprises.id, me.id));
      if (!x) throw fieldError('enterpriseId', '企业', '不存在', 'does not exist');
    }
    const wishes = [...new Set(input.wishes)];
    if (wishes.length > 0) {
      const other =
        me.side === 'institution'
          ? await tx.select({ id: enterprises.id }).from(enterprises).where(inArray(enterprises.id, wishes))
          : await tx.select({ id: institutions.id }).from(institutions).where(inArray(institutions.id, wishes));
      if (other.length !== wishes.length)
        throw fieldError(
          'wishes',
          '希望对接的对象',
          me.side === 'institution' ? '应为企业' : '应为银行、担保或保险机构',
          'must be parties of the other side',
        );
    }
    const [{ next } = { next: 1 }] = await tx
      .select({ next: sql<number>`coalesce(max(${outreachRegistrations.seq}), 0)::int + 1` })
      .from(outreachRegistrations)
      .where(eq(outreachRegistrations.eventId, id));
    try {
      const [row] = await tx
        .insert(outreachRegistrations)
        .values({
          eventId: id,
          side: me.side,
          institutionId: me.side === 'institution' ? me.id : null,
          enterpriseId: me.side === 'enterprise' ? me.id : null,
          wishes,
          contactName: input.contactName,
          seq: next,
          registeredBy: ctx.actor.id,
          registeredAt: ctx.now,
        })
        .returning({ id: outreachRegistrations.id });
      await recordAudit(tx, ctx, {
        action: 'outreach_event.registered',
        objectType: 'outreach_event',
        objectId: id,
        after: { side: me.side, partyId: me.id, wishes },
      });
      return { id: row!.id };
    } catch (err) {
      if (uniqueViolationOf(err)) throw Errors.conflict('ALREADY_REGISTERED', '已报名本次对接会', 'Already registered');
      throw err;
    }
  });
}

export async function scheduleEvent(ctx: ActorCtx, id: string) {
  return inTx(ctx, async (tx) => {
    const e = await findEvent(tx, id, true);
    if (e.status === 'closed') throw Errors.conflict('EVENT_CLOSED', '对接会已结束', 'The event is closed');
    const [recorded] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(outreachMeetings)
      .where(and(eq(outreachMeetings.eventId, id), sql`${outreachMeetings.outcomeRecordedAt} is not null`));
    if (recorded && recorded.n > 0)
      throw Errors.conflict('OUTCOMES_RECORDED', '已有洽谈记录了结果，不能重新排期', 'Outcomes are already recorded');
    const regs = await tx
      .select()
      .from(outreachRegistrations)
      .where(eq(outreachRegistrations.eventId, id))
      .orderBy(asc(outreachRegistrations.seq));
    const parties = regs.map((r) => ({
      id: r.institutionId ?? r.enterpriseId!,
      side: r.side as 'institution' | 'enterprise',
      wishes: r.wishes,
    }));
    const slots = e.slots as Slot[];
    const s = scheduleMeetings(parties, slots.length);
    await tx.delete(outreachMeetings).where(eq(outreachMeetings.eventId, id));
    if (s.meetings.length > 0)
      await tx.insert(outreachMeetings).values(
        s.meetings.map((m) => ({
          eventId: id,
          slot: m.slot,
          institutionId: m.institutionId,
          enterpriseId: m.enterpriseId,
          wishedBy: m.wishedBy,
        })),
      );
    await tx
      .update(outreachEvents)
      .set({ status: 'scheduled', scheduledAt: ctx.now, updatedAt: ctx.now })
      .where(eq(outreachEvents.id, id));
    const instIds = regs.filter((r) => r.institutionId).map((r) => r.institutionId!);
    const officers = instIds.length
      ? await tx
          .select({ id: users.id })
          .from(users)
          .where(and(inArray(users.institutionId, instIds), eq(users.active, true)))
      : [];
    const entUsers = await enterpriseUsersOf(
      tx,
      regs.filter((r) => r.enterpriseId).map((r) => r.enterpriseId!),
    );
    await notifyUsers(tx, ctx.deps, ctx.now, [...officers.map((o) => o.id), ...entUsers], {
      kind: 'outreach_meetings_scheduled',
      title: `${e.theme}：洽谈日程已排定`,
      body: `对接会于${e.heldOn}在${e.place}举行，请查看本方的洽谈时间表。`,
      link: `/outreach/events/${id}`,
      objectType: 'outreach_event',
      objectId: id,
      dedupeKey: `outreach_event:${id}:${ctx.now.toISOString()}`,
    });
    await recordAudit(tx, ctx, {
      action: 'outreach_event.scheduled',
      objectType: 'outreach_event',
      objectId: id,
      after: { meetings: s.meetings.length, unmet: s.unmet.length },
    });
    return { meetings: s.meetings.length, unmet: s.unmet.length, slotsNeeded: slotsNeeded(parties) };
  });
}

export async function checkInRegistration(ctx: ActorCtx, id: string, registrationId: string) {
  return inTx(ctx, async (tx) => {
    const e = await findEvent(tx, id);
    if (e.status === 'open')
      throw Errors.conflict('EVENT_NOT_SCHEDULED', '洽谈日程尚未排定，暂不能签到', 'Not scheduled yet');
    const rows = await tx
      .update(outreachRegistrations)
      .set({ checkedInAt: ctx.now })
      .where(
        and(
          eq(outreachRegistrations.id, registrationId),
          eq(outreachRegistrations.eventId, id),
          sql`${outreachRegistrations.checkedInAt} is null`,
        ),
      )
      .returning({ id: outreachRegistrations.id });
    if (rows.length === 0) {
      const [r] = await tx
        .select()
        .from(outreachRegistrations)
        .where(and(eq(outreachRegistrations.id, registrationId), eq(outreachRegistrations.eventId, id)));
      if (!r) throw Errors.notFound(REGISTRATION);
      return { id: registrationId, ok: true as const };
    }
    await recordAudit(tx, ctx, {
      action: 'outreach_event.checked_in',
      objectType: 'outreach_event',
      objectId: id,
      after: { registrationId },
    });
    return { id: registrationId, ok: true as const };
  });
}

/** The actor's own timetable (the city may ask for any registered party's). */
export async function readTimetable(ctx: ActorCtx, id: string, partyId?: string) {
  const e = await findEvent(ctx.deps.db, id);
  const me = partyOf(ctx.actor);
  const who = isCity(ctx.actor) && partyId ? partyId : me?.id;
  if (!who) throw Errors.notFound(REGISTRATION);
  const [reg] = await ctx.deps.db
    .select()
    .from(outreachRegistrations)
    .where(
      and(
        eq(outreachRegistrations.eventId, id),
        sql`coalesce(${outreachRegistrations.institutionId}, ${outreachRegistrations.enterpriseId}) = ${who}::uuid`,
      ),
    );
  if (!reg) throw Errors.notFound(REGISTRATION);
  const n = await names(ctx.deps.db);
  const meetings = await ctx.deps.db
    .select()
    .from(outreachMeetings)
    .where(
      and(
        eq(outreachMeetings.eventId, id),
        sql`(${outreachMeetings.institutionId} = ${who}::uuid or ${outreachMeetings.enterpriseId} = ${who}::uuid)`,
      ),
    );
  const slots = e.slots as Slot[];
  return {
    eventId: id,
    partyName: n.inst.get(who)?.name ?? n.ent.get(who) ?? '',
    rows: slots.map((s, i) => {
      const m = meetings.find((x) => x.slot === i);
      const other = m ? (m.institutionId === who ? m.enterpriseId : m.institutionId) : null;
      return {
        slot: i,
        start: s.start,
        end: s.end,
        meetingId: m?.id ?? null,
        counterpart: other ? (n.inst.get(other)?.name ?? n.ent.get(other) ?? null) : null,
      };
    }),
  };
}

export async function recordMeetingOutcome(ctx: ActorCtx, id: string, meetingId: string, input: TMeetingOutcomeInput) {
  if (input.signed && input.intentionAmount === null)
    throw fieldError('intentionAmount', '意向金额（元）', '签约时应填写金额', 'is required when signed');
  return inTx(ctx, async (tx) => {
    const e = await findEvent(tx, id);
    if (e.status === 'open') throw Errors.conflict('EVENT_NOT_SCHEDULED', '洽谈日程尚未排定', 'Not scheduled yet');
    const inst = institutionOf(ctx.actor);
    const [m] = await tx
      .select()
      .from(outreachMeetings)
      .where(
        and(
          eq(outreachMeetings.id, meetingId),
          eq(outreachMeetings.eventId, id),
          inst ? eq(outreachMeetings.institutionId, inst) : sql`false`,
        ),
      )
      .for('update');
    if (!m) throw Errors.notFound(MEETING);
    if (!mayDo(ctx.actor, 'outreach.meeting.outcome', { enterpriseId: null, institutionId: m.institutionId }))
      throw Errors.forbidden();
    if (input.followUpOrderId) {
      const order = await readOrder({ ...ctx, actor: ctx.actor }, input.followUpOrderId).catch(() => null);
      if (!order || order.enterpriseId !== m.enterpriseId)
        throw fieldError(
          'followUpOrderId',
          '后续对接单',
          '应为本机构与该企业之间的对接单',
          'must be your order with this enterprise',
        );
    }
    const values = {
      intentionFen: input.intentionAmount === null ? null : yuanToFen(input.intentionAmount),
      signed: input.signed,
      followUpOrderId: input.followUpOrderId,
      outcomeNote: input.note,
      outcomeBy: ctx.actor.id,
      outcomeRecordedAt: ctx.now,
    };
    await tx.update(outreachMeetings).set(values).where(eq(outreachMeetings.id, meetingId));
    await recordAudit(tx, ctx, {
      action: 'outreach_meeting.outcome_recorded',
      objectType: 'outreach_meeting',
      objectId: meetingId,
      before: m.outcomeRecordedAt ? { intentionFen: m.intentionFen, signed: m.signed, note: m.outcomeNote } : undefined,
      after: { eventId: id, ...input },
    });
    return { id: meetingId, ok: true as const };
  });
}
