/**
 * The form's reading of a case: every value a grid or table of the page shows, keyed by where it
 * shows (kind, side, the id its word was read as; table rows by their order). It uses the grids'
 * own readers (reading.ts) and their rule that the first finding covering a side gives the value,
 * so it can be compared with the CLI's reading of the same case (the case stage's canonical case):
 * the page agrees with the CLI when the two readings are equal.
 */
import { getAtlas } from "../../src/atlas/index.js";
import { covers } from "./caseModel.js";
import { mrcText, muscleOf, type readAs, reflexOf, regionOf, studyOf, targetOf } from "./reading.js";
import type { Finding, LocusCase } from "./types.js";

const SIDES = ["right", "left"] as const;

/** The ids a read word stands for: a group word ("quadriceps") for each of its members. */
function members(id: string, kinds: Parameters<typeof readAs>[1]): string[] {
  const hit = getAtlas().resolve(id, kinds);
  return hit && hit.ids.length > 1 ? hit.ids : [id];
}

function sidedValue(f: Finding): { key: string; ids: string[]; value: string } | undefined {
  switch (f.kind) {
    case "strength":
      return { key: "strength", ids: members(targetOf(f), ["movement", "muscle"]), value: mrcText(f.mrc) };
    case "reflex":
      return { key: "reflex", ids: [reflexOf(f)], value: f.grade };
    case "sensory":
      return {
        key: "sensory",
        ids: [regionOf(f)],
        value: `${f.change}${f.modality ? ` (${f.modality})` : ""}`,
      };
    default:
      return undefined;
  }
}

function rowValue(f: Finding): string | undefined {
  if (f.kind === "emg")
    return [f.side ?? "both", muscleOf(f), f.insertional, f.spontaneous, f.grade, f.muap, f.recruitment].join(
      "|",
    );
  if (f.kind === "ncs")
    return [
      f.side ?? "both",
      studyOf(f),
      f.result,
      f.amplitude,
      f.unit,
      f.latency,
      f.velocity,
      f.segment,
    ].join("|");
  return undefined;
}

export function formReading(c: LocusCase): Map<string, string> {
  const out = new Map<string, string>();
  let emg = 0;
  let ncs = 0;
  for (const f of c.findings) {
    const v = sidedValue(f);
    if (v)
      for (const side of SIDES)
        if (covers(f.side, side))
          for (const id of v.ids) {
            const key = `${v.key}:${side}:${id}`;
            if (!out.has(key)) out.set(key, v.value);
          }
    const row = rowValue(f);
    if (row !== undefined) out.set(f.kind === "emg" ? `emg:${emg++}` : `ncs:${ncs++}`, row);
  }
  return out;
}
