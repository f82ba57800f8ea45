/**
 * The one-to-one meetings of a match-making event (融资对接会, 002 三（一）2: "组织银行、担保机构与……企业'一对一'对接"),
 * scheduled from both sides' wishes into the event's time slots.
 *
 * Each wished pair (an institution and an enterprise, wished by either side or both) is one meeting; no party may
 * have two meetings in one slot. That is a proper edge colouring of a bipartite graph with the slots as colours,
 * and by König's theorem it exists whenever no party is wished by more parties than there are slots. The scheduler
 * takes the pairs in a fixed order (mutual wishes first, then in the order the parties registered) and gives each
 * the first slot free for both; when no slot is free for both but each has a free slot, it swaps the two slots
 * along the alternating path from the enterprise (a Kempe chain), which in a bipartite graph never reaches the
 * institution — so every wish is met when the slots allow, and when they do not, a pair is left out only because
 * one of the two is already fully booked. Same input, same timetable.
 */

export interface SchedulerParty {
  /** The registration's id. */
  id: string;
  side: 'institution' | 'enterprise';
  /** Registration ids of the parties on the other side this party wishes to meet. */
  wishes: readonly string[];
}

export interface ScheduledMeeting {
  slot: number;
  institutionId: string;
  enterpriseId: string;
  wishedBy: 'both' | 'institution' | 'enterprise';
}

export interface UnmetWish {
  institutionId: string;
  enterpriseId: string;
  wishedBy: 'both' | 'institution' | 'enterprise';
  reasonZh: string;
}

export interface Schedule {
  meetings: ScheduledMeeting[];
  unmet: UnmetWish[];
}

interface Pair {
  inst: string;
  ent: string;
  wishedBy: 'both' | 'institution' | 'enterprise';
  order: [number, number, number];
}

/** The wished pairs in the scheduler's order; a wish naming a party not registered, or one's own side, is ignored. */
export function wishedPairs(parties: readonly SchedulerParty[]): Pair[] {
  const index = new Map(parties.map((p, i) => [p.id, i] as const));
  const side = new Map(parties.map((p) => [p.id, p.side] as const));
  const pairs = new Map<string, Pair>();
  for (const p of parties) {
    for (const w of p.wishes) {
      if (!side.has(w) || side.get(w) === p.side) continue;
      const inst = p.side === 'institution' ? p.id : w;
      const ent = p.side === 'institution' ? w : p.id;
      const key = `${inst}|${ent}`;
      const by = p.side;
      const prev = pairs.get(key);
      if (prev) {
        if (prev.wishedBy !== by) prev.wishedBy = 'both';
      } else {
        pairs.set(key, { inst, ent, wishedBy: by, order: [0, index.get(inst)!, index.get(ent)!] });
      }
    }
  }
  const list = [...pairs.values()];
  for (const x of list) x.order[0] = x.wishedBy === 'both' ? 0 : 1;
  list.sort((a, b) => a.order[0] - b.order[0] || a.order[1] - b.order[1] || a.order[2] - b.order[2]);
  return list;
}

export function scheduleMeetings(parties: readonly SchedulerParty[], slotCount: number): Schedule {
  const pairs = wishedPairs(parties);
  // at.get(party)[slot] = the party met in that slot (undefined: free)
  const at = new Map<string, (string | undefined)[]>();
  const row = (id: string) => {
    let r = at.get(id);
    if (!r) {
      r = new Array<string | undefined>(slotCount).fill(undefined);
      at.set(id, r);
    }
    return r;
  };
  const busy = (id: string) => row(id).filter((x) => x !== undefined).length;
  const firstFree = (id: string) => row(id).indexOf(undefined);
  const wishedBy = new Map<string, Pair['wishedBy']>();
  const unmet: UnmetWish[] = [];

  for (const pr of pairs) {
    const u = pr.inst;
    const v = pr.ent;
    if (slotCount === 0 || busy(u) >= slotCount || busy(v) >= slotCount) {
      const full = busy(u) >= slotCount ? '机构' : '企业';
      unmet.push({
        institutionId: u,
        enterpriseId: v,
        wishedBy: pr.wishedBy,
        reasonZh: slotCount === 0 ? '对接会没有时段' : `${full}一方的时段已全部排满`,
      });
      continue;
    }
    const ru = row(u);
    const rv = row(v);
    let slot = -1;
    for (let s = 0; s < slotCount; s++) {
      if (ru[s] === undefined && rv[s] === undefined) {
        slot = s;
        break;
      }
    }
    if (slot === -1) {
      const a = firstFree(u); // free at u, busy at v
      const b = firstFree(v); // free at v (busy at u, else slot would have been found)
      // Swap a and b along the path from v: v –a– w1 –b– w2 –a– … (never reaches u).
      const path: [string, string, number][] = [];
      let cur = v;
      let colour = a;
      for (;;) {
        const next = row(cur)[colour];
        if (next === undefined) break;
        path.push([cur, next, colour]);
        cur = next;
        colour = colour === a ? b : a;
      }
      for (const [x, y] of path) {
        row(x)[a] = row(x)[a] === y ? undefined : row(x)[a];
        row(x)[b] = row(x)[b] === y ? undefined : row(x)[b];
        row(y)[a] = row(y)[a] === x ? undefined : row(y)[a];
        row(y)[b] = row(y)[b] === x ? undefined : row(y)[b];
      }
      for (const [x, y, c] of path) {
        const d = c === a ? b : a;
        row(x)[d] = y;
        row(y)[d] = x;
      }
      slot = a;
    }
    ru[slot] = v;
    rv[slot] = u;
    wishedBy.set(`${u}|${v}`, pr.wishedBy);
  }

  const meetings: ScheduledMeeting[] = [];
  const institutions = parties.filter((p) => p.side === 'institution');
  for (const inst of institutions) {
    const r = at.get(inst.id);
    if (!r) continue;
    r.forEach((ent, slot) => {
      if (ent !== undefined)
        meetings.push({
          slot,
          institutionId: inst.id,
          enterpriseId: ent,
          wishedBy: wishedBy.get(`${inst.id}|${ent}`)!,
        });
    });
  }
  meetings.sort(
    (a, b) =>
      a.slot - b.slot ||
      parties.findIndex((p) => p.id === a.institutionId) - parties.findIndex((p) => p.id === b.institutionId),
  );
  return { meetings, unmet };
}

/** The most meetings any party is wished for: the slots needed for every wish to be met. */
export function slotsNeeded(parties: readonly SchedulerParty[]): number {
  const deg = new Map<string, number>();
  for (const p of wishedPairs(parties)) {
    deg.set(p.inst, (deg.get(p.inst) ?? 0) + 1);
    deg.set(p.ent, (deg.get(p.ent) ?? 0) + 1);
  }
  return Math.max(0, ...deg.values());
}
