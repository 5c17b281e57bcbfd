/**
 * The distinctions that change what is done (issue 16): the level (root, plexus, nerve, muscle,
 * a diffuse process, the cord or brain), the side, and the nerve or segment where that changes
 * management. Candidates that differ only in which adjacent roots they take together, or in a
 * polyneuropathy beside a focal lesion, are one decision: telling them apart changes nothing a
 * clinician does, so it earns a test no value.
 */
import { keep } from "../keep.js";
import type { DiffuseKind, Unit } from "../localize/model.js";

/**
 * Nerve segments that are one decision with their nerve: the sciatic nerve in the buttock or the
 * thigh is explored and imaged the same way (Stewart 2010), as are the tibial and superficial
 * peroneal nerves along the leg. Segments kept apart change management: the common peroneal nerve
 * at the fibular head (decompression, a ganglion cyst) against the nerve above it; the femoral
 * nerve in the pelvis (iliopsoas hematoma) against at the inguinal ligament (Katirji 2002).
 */
export const SAME_DECISION: Readonly<Record<string, string>> = {
  "sciatic@thigh": "sciatic",
  "tibial@leg": "tibial",
  "superficial_peroneal@leg": "superficial_peroneal",
};

/** The diffuse processes as decisions (central lesions keep their side). */
const DIFFUSE_DECISION: Record<Exclude<DiffuseKind, "none">, string> = {
  polyneuropathy: "polyneuropathy",
  myopathy: "myopathy",
  anterior_horn: "anterior horn",
  polyradiculopathy: "polyradiculopathy",
  cauda_equina: "cauda equina",
  cauda_equina_low: "cauda equina",
  conus: "conus",
  epiconus: "conus",
  cns_left: "brain or cord, left",
  cns_right: "brain or cord, right",
  cns_bilateral: "brain or cord",
  cns_distal_left: "brain or cord, left",
  cns_distal_right: "brain or cord, right",
};

function unitDecision(u: Unit): string {
  if (u.level === "nerve") return `${u.side} ${SAME_DECISION[u.site] ?? u.site}`;
  return `${u.side} ${u.level}`;
}

/**
 * The decision a candidate stands for. A polyneuropathy beside a focal lesion is a second finding,
 * not another place to treat the leg's complaint, so it is left out of the key.
 */
export function decisionOf(units: readonly Unit[], diffuse: DiffuseKind): string {
  // Kept by the candidate's lesions in turn, then its diffuse process: every candidate of every case asks.
  let at = decisions;
  for (const u of units) at = keep(at.next, u, shape);
  let decision = at.decision.get(diffuse);
  if (decision === undefined) {
    decision = decisionOfParts(units, diffuse);
    at.decision.set(diffuse, decision);
  }
  return decision;
}

/** The decisions of the candidates whose lesions begin with one sequence, by what follows. */
interface Shape {
  next: WeakMap<Unit, Shape>;
  decision: Map<DiffuseKind, string>;
}

const shape = (): Shape => ({ next: new WeakMap(), decision: new Map() });

const decisions = shape();

function decisionOfParts(units: readonly Unit[], diffuse: DiffuseKind): string {
  const keep = diffuse !== "none" && !(diffuse === "polyneuropathy" && units.length > 0);
  const parts = units.map(unitDecision);
  if (keep) parts.push(DIFFUSE_DECISION[diffuse]);
  if (parts.length === 0) return "no lesion";
  return [...new Set(parts)].sort().join(" + ");
}
