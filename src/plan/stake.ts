/**
 * Where a missed lesion costs most: the levels at which a must-not-miss condition the differential
 * lists (at or above its floor) produces its lesion, other than the leading answer's own levels.
 * A cancer patient with a root lesion may have a neoplastic plexopathy: whether the lesion is in
 * the plexus is then a question worth asking for its own sake, however unlikely the plexus is.
 */
import type { Level } from "../case/schema.js";
import { conditions as catalogue } from "../differential/index.js";
import { type ConditionView, MUST_NOT_MISS_FLOOR } from "./conditions.js";
import type { Weighed } from "./weigh.js";

const producedLevels = new Map<string, Level[]>(catalogue.map((k) => [k.id, k.produces.map((p) => p.level)]));

/** One flag per decision: whether it puts a lesion at a must-not-miss level; undefined when none does. */
export function stakeOf(w: Weighed, v: ConditionView): Uint8Array | undefined {
  const levels = new Set<Level>();
  v.ids.forEach((id, i) => {
    if (v.mustNotMiss[i] && (v.reported[i] as number) >= MUST_NOT_MISS_FLOOR)
      for (const l of producedLevels.get(id) ?? []) levels.add(l);
  });
  const leadMember = w.decisions[w.lead]?.members[0];
  for (const l of leadMember === undefined ? [] : (w.candidateLevels[leadMember] ?? [])) levels.delete(l);
  if (levels.size === 0) return undefined;
  const stake = new Uint8Array(w.decisions.length);
  let any = false;
  w.decisions.forEach((d, g) => {
    const first = d.members[0];
    const own = first === undefined ? [] : (w.candidateLevels[first] ?? []);
    if (own.some((l) => levels.has(l))) {
      stake[g] = 1;
      any = true;
    }
  });
  return any ? stake : undefined;
}
