/**
 * FORMAT v1.1 findings that weigh hypotheses as a whole: a Tinel sign at a place, the pulses and a
 * cold pale leg (not neurological), pain on rotating the hip (the joint), a truncal sensory level
 * (the cord), weakness of the arm or face (above the leg's own pathways), a conduction block at a
 * segment, and the sphincter symptoms a patient denies. The numbers are data (evidence.ts bedside).
 */
import { placeSites } from "../case/places.js";
import type { Finding, LocusCase } from "../case/schema.js";
import type { ContextItem, View } from "./context.js";
import { bedside, type Rated, sphincter } from "./data/evidence.js";
import { CORD_LESIONS, type DiffuseKind } from "./model.js";
import { anyWith, notNeural, rootsHit, sacralBothSides } from "./view.js";

const v = (x: Rated) => x.value;

/** The processes that reach the arms and face too, besides a brain lesion. */
const GENERALISED: ReadonlySet<DiffuseKind> = new Set(["anterior_horn", "myopathy", "polyradiculopathy"]);
const HEMISPHERE: ReadonlySet<DiffuseKind> = new Set(["cns_left", "cns_right"]);
const LEG_AREA: ReadonlySet<DiffuseKind> = new Set(["cns_distal_left", "cns_distal_right"]);
const UPPER_LUMBAR = ["L2", "L3", "L4"];
const HIP_NERVES: ReadonlySet<string> = new Set(["femoral", "obturator", "lumbar_plexus"]);

type Sign = Extract<Finding, { kind: "sign" }>;

/** A finding present (or, with present: false, absent) with probability p(view) under a hypothesis. */
function item(i: number, label: string, present: boolean, p: (view: View) => number): ContextItem {
  return { finding: i, label, p: (view) => (present ? p(view) : 1 - p(view)) };
}

function signItem(f: Sign, i: number): ContextItem | undefined {
  const present = f.present !== false;
  const side = f.side;
  const label = `${side ? `${side} ` : ""}${f.sign.replaceAll("_", " ")}${present ? "" : " absent"}`;
  switch (f.sign) {
    case "tinel": {
      const sites = new Set(f.targetSites ?? (f.target ? placeSites(f.target) : []));
      if (sites.size === 0) return undefined;
      const b = bedside.tinel;
      return item(i, label, present, (view) =>
        anyWith(view, "nerve", sites, side) ? v(b.atSite) : v(b.background),
      );
    }
    case "pulses": {
      const b = bedside.absentPulses;
      // `present: false` is the finding: the pulses are absent.
      return item(i, label, !present, (view) => (notNeural(view) ? v(b.notNeural) : v(b.background)));
    }
    case "cold_pale_limb": {
      const b = bedside.coldPaleLimb;
      return item(i, label, present, (view) => (notNeural(view) ? v(b.notNeural) : v(b.background)));
    }
    case "hip_pain_on_rotation": {
      const b = bedside.hipPainOnRotation;
      return item(i, label, present, (view) => {
        if (notNeural(view)) return v(b.notNeural);
        if (rootsHit(view, UPPER_LUMBAR, side) || anyWith(view, undefined, HIP_NERVES, side))
          return v(b.upperLumbar);
        return v(b.background);
      });
    }
    case "sensory_level": {
      const b = bedside.sensoryLevel;
      return item(i, label, present, (view) =>
        CORD_LESIONS.has(view.diffuse) ? v(b.cord) : v(b.background),
      );
    }
    case "arm_weakness": {
      const b = bedside.armWeakness;
      return item(i, label, present, (view) => {
        if (HEMISPHERE.has(view.diffuse)) return v(b.hemisphere);
        if (LEG_AREA.has(view.diffuse)) return v(b.legArea);
        if (view.diffuse === "cns_bilateral") return v(b.cord);
        if (GENERALISED.has(view.diffuse)) return v(b.generalised);
        return v(b.background);
      });
    }
    case "facial_weakness": {
      const b = bedside.facialWeakness;
      return item(i, label, present, (view) => {
        if (HEMISPHERE.has(view.diffuse)) return v(b.hemisphere);
        if (view.diffuse === "polyradiculopathy") return v(b.generalised);
        return v(b.background);
      });
    }
    default:
      return undefined;
  }
}

/** A conduction block at a named segment: a focal demyelinating lesion there. */
function blockItem(f: Extract<Finding, { kind: "ncs" }>, i: number): ContextItem | undefined {
  if (f.result !== "block") return undefined;
  const sites = new Set(f.segmentSites ?? (f.segment ? placeSites(f.segment) : []));
  if (sites.size === 0) return undefined;
  const b = bedside.conductionBlock;
  return item(
    i,
    `${f.side ? `${f.side} ` : ""}${f.study.replaceAll("_", " ")}: conduction block`,
    true,
    (view) => {
      if (anyWith(view, undefined, sites, f.side)) return v(b.atSite);
      if (view.diffuse === "polyneuropathy" || view.diffuse === "polyradiculopathy")
        return v(b.demyelinating);
      return v(b.background);
    },
  );
}

/** Sphincter symptoms the patient denies: against the lesions that take the sacral roots on both sides. */
function deniedItems(c: LocusCase): ContextItem[] {
  const denied = (c.context?.denies ?? []).filter((s) =>
    ["bladder_dysfunction", "bowel_dysfunction", "urinary_retention"].includes(s),
  );
  if (denied.length === 0) return [];
  return [
    item(-1, `denies ${denied.join(" and ").replaceAll("_", " ")}`, true, (view) =>
      sacralBothSides(view) ? v(bedside.deniedSphincter.withSacralBilateral) : 1 - v(sphincter.background),
    ),
  ];
}

export function bedsideItems(c: LocusCase): ContextItem[] {
  const out: ContextItem[] = [];
  c.findings.forEach((f, i) => {
    const x = f.kind === "sign" ? signItem(f, i) : f.kind === "ncs" ? blockItem(f, i) : undefined;
    if (x) out.push(x);
  });
  return [...out, ...deniedItems(c)];
}
