/** One event: who registered, the meetings the actor may see (its own; the city all), the wishes left out and why. */
import { asc, eq } from 'drizzle-orm';
import { outreachMeetings, outreachRegistrations } from '../../db/schema';
import { scheduleMeetings, slotsNeeded } from '../../domain/outreach/scheduler';
import { type ActorCtx, findEvent, KIND_ZH, names, partyOf, type Slot } from './event-records';
import { isCity, yuanOrNull } from './records';

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
