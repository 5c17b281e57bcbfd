/**
 * The nerve conduction table: each study on each side with its latency, amplitude and velocity
 * beside the normal limit (the atlas's amplitude and latency limits, conduction.ts's velocity
 * limits) and the same study on the other side. A value is marked abnormal when it lies outside its
 * limit, or when the case reads the study as abnormal in that respect (the examiner's reading is
 * kept even when no number was written down).
 */
import { getAtlas } from "../../atlas/index.js";
import type { Study } from "../../atlas/types.js";
import type { LocusCase, NcsFinding } from "../../case/schema.js";
import { nameOf } from "../../differential/words.js";
import { conductionMethods, SIDE_RATIO_LIMIT } from "./conduction.js";
import type { Cell, NcsRow } from "./types.js";

const cell = (text: string, abnormal = false): Cell => ({ text, abnormal });
const BLANK = cell("");

export const sideWords = (side: string | undefined): string =>
  side === undefined || side === "bilateral" ? "both" : side;

const unitWords = (u: string | undefined) => (u === "uV" ? "µV" : (u ?? ""));

function latencyCell(f: NcsFinding, s: Study | undefined): Cell {
  const uln = s?.normal?.latencyUln;
  const high = f.latency !== undefined && uln !== undefined && f.latency > uln;
  if (f.latency !== undefined) return cell(`${f.latency}`, high || f.result === "prolonged");
  if (f.result === "prolonged") return cell("prolonged", true);
  if (f.result === "absent" && (s?.type === "f_wave" || s?.type === "h_reflex")) return cell("absent", true);
  return BLANK;
}

function amplitudeCell(f: NcsFinding, s: Study | undefined, ratioLow: boolean): Cell {
  if (f.result === "absent") return cell("absent (no response)", true);
  const lln = s?.normal?.amplitudeLln;
  const unit = f.unit ?? s?.normal?.unit;
  const sameUnit = f.unit === undefined || f.unit === s?.normal?.unit;
  const low = f.amplitude !== undefined && lln !== undefined && sameUnit && f.amplitude < lln;
  if (f.amplitude !== undefined)
    return cell(`${f.amplitude} ${unitWords(unit)}`.trim(), low || ratioLow || f.result === "reduced");
  if (f.result === "reduced") return cell("reduced", true);
  return BLANK;
}

function velocityCell(f: NcsFinding, lln: number | undefined): Cell {
  if (f.velocity !== undefined)
    return cell(
      `${f.velocity}`,
      (lln !== undefined && f.velocity < lln) || f.result === "slowed" || f.result === "block",
    );
  if (f.result === "slowed") return cell("slowed", true);
  if (f.result === "block") return cell("block", true);
  return BLANK;
}

/** A study as one short phrase, for the other side's column. */
function briefly(f: NcsFinding): string {
  if (f.result === "absent") return "absent";
  const parts = [
    f.amplitude !== undefined ? `${f.amplitude} ${unitWords(f.unit)}`.trim() : "",
    f.latency !== undefined ? `${f.latency} ms` : "",
    f.velocity !== undefined ? `${f.velocity} m/s` : "",
  ].filter(Boolean);
  return parts.length ? parts.join(", ") : f.result;
}

function otherSide(f: NcsFinding, all: NcsFinding[]): Cell {
  if (f.side === undefined || f.side === "bilateral") return cell("same on both sides");
  const other = all.find((g) => g.study === f.study && g.side !== undefined && g.side !== f.side);
  const pct = f.percentOfContralateral;
  const ratio = pct !== undefined ? `; this side ${pct}% of it` : "";
  if (!other) return cell(pct !== undefined ? `this side ${pct}% of it` : "not tested", false);
  return cell(`${briefly(other)}${ratio}`, other.result !== "normal");
}

const limit = (sign: string, n: number | undefined, unit = "") =>
  n === undefined ? "" : `${sign} ${n}${unit ? ` ${unit}` : ""}`;

export function ncsRow(f: NcsFinding, all: NcsFinding[]): NcsRow {
  const s = getAtlas().data.studies.find((x) => x.id === f.study);
  const method = conductionMethods[f.study];
  const ratioLow =
    f.percentOfContralateral !== undefined && f.percentOfContralateral < SIDE_RATIO_LIMIT * 100;
  const latency = latencyCell(f, s);
  let amplitude = amplitudeCell(f, s, ratioLow);
  const velocity = velocityCell(f, method?.velocityLln);
  // a study read without numbers still shows its reading
  if (!latency.text && !amplitude.text && !velocity.text) amplitude = cell(f.result, f.result !== "normal");
  return {
    study: s?.name ?? nameOf(f.study),
    side: sideWords(f.side),
    stimulation: method?.stimulation ?? "",
    recording: method?.recording ?? "",
    latency,
    latencyLimit: limit("≤", s?.normal?.latencyUln),
    amplitude,
    amplitudeLimit: limit("≥", s?.normal?.amplitudeLln, unitWords(s?.normal?.unit)),
    velocity,
    velocityLimit: limit("≥", method?.velocityLln),
    otherSide: otherSide(f, all),
    comment:
      f.result === "block" ? `conduction block or focal slowing${f.segment ? ` ${f.segment}` : ""}` : "",
  };
}

/** Every nerve conduction finding of the case, in the order the case gives them. */
export function ncsTable(c: LocusCase): NcsRow[] {
  const all = c.findings.filter((f): f is NcsFinding => f.kind === "ncs");
  return all.map((f) => ncsRow(f, all));
}

/** Whether a study shows an abnormal value on its own side. */
export const ncsAbnormal = (r: NcsRow): boolean =>
  [r.latency, r.amplitude, r.velocity].some((x) => x.abnormal);
