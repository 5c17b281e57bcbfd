/**
 * What the electrodiagnostic findings say about a lesion's nature, in the impression's standard
 * terms (ginsberg2020: location, severity, chronicity, pathophysiology), read from the findings
 * only, never from the diagnosis:
 * - pathophysiology (preston2020): lost amplitude and denervation mean axon loss; conduction block,
 *   or slowing beyond what axon loss explains (velocity under 75 % of the lower limit, distal latency
 *   over 130 % of the upper limit), or slowing and prolongation the examiner reports without
 *   numbers, mean demyelination;
 * - severity (preston2020): an absent motor response or no motor units activated is severe; a
 *   reduced response or reduced recruitment moderate; denervation or changed units alone mild;
 * - chronicity (preston2020): fibrillation potentials and positive sharp waves are active (ongoing)
 *   denervation; large, long, polyphasic units are chronic reinnervation.
 */
import { getAtlas } from "../../atlas/index.js";
import type { EmgFinding, LocusCase, NcsFinding } from "../../case/schema.js";
import { conductionMethods } from "./conduction.js";

export type Severity = "mild" | "moderate" | "severe";

export interface EdxCharacter {
  /** The case records nerve conduction or needle EMG results. */
  recorded: boolean;
  abnormal: boolean;
  severity?: Severity;
  pathophysiology?: "axonal" | "demyelinating" | "mixed axonal and demyelinating";
  denervation?: "active" | "chronic" | "active and chronic";
}

/** Demyelinating slowing: how far beyond the limits (preston2020). */
const VELOCITY_SHARE = 0.75;
const LATENCY_SHARE = 1.3;

function demyelinating(f: NcsFinding): boolean {
  if (f.result === "block") return true;
  const s = getAtlas().data.studies.find((x) => x.id === f.study);
  const vLln = conductionMethods[f.study]?.velocityLln;
  const lUln = s?.normal?.latencyUln;
  if (f.velocity !== undefined && vLln !== undefined) return f.velocity < VELOCITY_SHARE * vLln;
  if (f.latency !== undefined && lUln !== undefined && s?.type !== "f_wave" && s?.type !== "h_reflex")
    return f.latency > LATENCY_SHARE * lUln;
  return f.result === "slowed" || f.result === "prolonged";
}

function amplitudeLow(f: NcsFinding): boolean {
  if (f.result === "absent" || f.result === "reduced") return true;
  const lln = getAtlas().data.studies.find((x) => x.id === f.study)?.normal?.amplitudeLln;
  return f.amplitude !== undefined && lln !== undefined && f.amplitude < lln;
}

const isMotor = (f: NcsFinding) => getAtlas().data.studies.find((x) => x.id === f.study)?.type === "motor";

export const emgAbnormal = (f: EmgFinding): boolean =>
  (f.spontaneous !== undefined && f.spontaneous !== "none") ||
  (f.insertional !== undefined && f.insertional !== "normal") ||
  (f.muap !== undefined && f.muap !== "normal") ||
  (f.recruitment !== undefined && f.recruitment !== "normal");

function severity(ncs: NcsFinding[], emg: EmgFinding[]): Severity | undefined {
  const severe =
    ncs.some((f) => isMotor(f) && f.result === "absent") ||
    emg.some((f) => f.muap === "none" || f.recruitment === "none");
  if (severe) return "severe";
  const moderate =
    ncs.some(amplitudeLow) || emg.some((f) => f.recruitment === "reduced" || f.recruitment === "discrete");
  if (moderate) return "moderate";
  return emg.some(emgAbnormal) || ncs.some((f) => f.result !== "normal") ? "mild" : undefined;
}

function pathophysiology(ncs: NcsFinding[], emg: EmgFinding[]): EdxCharacter["pathophysiology"] {
  const demyel = ncs.some(demyelinating);
  const axonal =
    ncs.some((f) => amplitudeLow(f) && !demyelinating(f)) ||
    emg.some((f) => f.spontaneous === "fibrillations" || f.muap === "neurogenic");
  if (demyel && axonal) return "mixed axonal and demyelinating";
  if (demyel) return "demyelinating";
  return axonal ? "axonal" : undefined;
}

function denervation(emg: EmgFinding[]): EdxCharacter["denervation"] {
  const active = emg.some((f) => f.spontaneous === "fibrillations");
  const chronic = emg.some((f) => f.muap === "neurogenic");
  if (active && chronic) return "active and chronic";
  if (active) return "active";
  return chronic ? "chronic" : undefined;
}

export function characterize(c: LocusCase): EdxCharacter {
  const ncs = c.findings.filter((f): f is NcsFinding => f.kind === "ncs");
  const emg = c.findings.filter((f): f is EmgFinding => f.kind === "emg");
  const recorded = ncs.length + emg.length > 0;
  const abnormal = ncs.some((f) => f.result !== "normal" || amplitudeLow(f)) || emg.some(emgAbnormal);
  if (!abnormal) return { recorded, abnormal };
  const sev = severity(ncs, emg);
  const patho = pathophysiology(ncs, emg);
  const den = denervation(emg);
  return {
    recorded,
    abnormal,
    ...(sev ? { severity: sev } : {}),
    ...(patho ? { pathophysiology: patho } : {}),
    ...(den ? { denervation: den } : {}),
  };
}
