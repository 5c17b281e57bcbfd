/**
 * The v1.1 place fields of a case, checked and read: a conduction block's `segment` and a Tinel
 * sign's `target` become atlas nerve sites (words that name no place are kept and warned about),
 * the sites a case gives itself must exist, and a sensory level must name one cord segment.
 */
import { getAtlas } from "../atlas/index.js";
import { didYouMean, type Issue, nearestWords, type Path, valueAt } from "./errors.js";
import { SENSORY_LEVEL_PATTERN } from "./phrases.js";
import { nearestPlaces, placeSites, sitesOnStudy } from "./places.js";

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

export interface PlaceCheck {
  errors: Issue[];
  warnings: Issue[];
  /** Sites read from words (an ncs segment, a Tinel target), by finding index. */
  sites: Map<number, string[]>;
}

/** Check every place field of a case of any shape (what is not of the expected type is skipped). */
export function checkPlaces(input: unknown): PlaceCheck {
  const out: PlaceCheck = { errors: [], warnings: [], sites: new Map() };
  const findings = valueAt(input, ["findings"]);
  if (!Array.isArray(findings)) return out;
  findings.forEach((f, i) => {
    if (!isObj(f)) return;
    const path: Path = ["findings", i];
    if (f.kind === "ncs") {
      checkGivenSites(f.segmentSites, [...path, "segmentSites"], out.errors);
      if (typeof f.segment === "string" && f.segment.trim() && f.result === "block")
        readSegment(f.segment, f.study, i, out);
    }
    if (f.kind === "sign") {
      checkGivenSites(f.targetSites, [...path, "targetSites"], out.errors);
      if (f.sign === "tinel" && typeof f.target === "string" && f.target.trim()) readTinel(f.target, i, out);
      if (f.sign === "sensory_level" && typeof f.target === "string")
        checkSensoryLevel(f.target, [...path, "target"], out.errors);
    }
  });
  return out;
}

function readSegment(words: string, study: unknown, i: number, out: PlaceCheck): void {
  const path: Path = ["findings", i, "segment"];
  const all = placeSites(words);
  if (all.length === 0) {
    out.warnings.push(unknownPlace(words, path, "the segment"));
    return;
  }
  const studyId = typeof study === "string" ? getAtlas().resolve(study, ["study"])?.ids[0] : undefined;
  const sites = studyId ? sitesOnStudy(all, studyId) : all;
  if (sites.length === 0) {
    out.warnings.push({
      path,
      message: `the segment "${words}" lies on ${all.join(", ")}, which the ${studyId} study does not test; kept as words, check the study or the segment`,
      expected: `a place along the nerve the ${studyId} study tests`,
      found: words,
    });
    return;
  }
  out.sites.set(i, sites);
}

function readTinel(words: string, i: number, out: PlaceCheck): void {
  const sites = placeSites(words);
  if (sites.length === 0)
    out.warnings.push(unknownPlace(words, ["findings", i, "target"], "the place percussed"));
  else out.sites.set(i, sites);
}

function unknownPlace(words: string, path: Path, what: string): Issue {
  const suggestions = nearestPlaces(words);
  return {
    path,
    message: `${what} "${words}" names no nerve site Locus knows; kept as words${didYouMean(suggestions)}`,
    expected: 'a nerve site in words ("fibular head", "tarsal tunnel", "inguinal ligament")',
    found: words,
    ...(suggestions.length ? { suggestions } : {}),
  };
}

function checkGivenSites(given: unknown, path: Path, errors: Issue[]): void {
  if (!Array.isArray(given)) return;
  const atlas = getAtlas();
  const known = atlas.ids("site");
  given.forEach((id, k) => {
    if (typeof id !== "string" || atlas.site(id)) return;
    const suggestions = nearestWords(id, known);
    errors.push({
      path: [...path, k],
      message: `\`${id}\` is not a nerve site of the atlas${didYouMean(suggestions)}`,
      expected: "an atlas nerve-site id (common_peroneal@fibular_head, tibial@tarsal_tunnel)",
      found: id,
      ...(suggestions.length ? { suggestions } : {}),
    });
  });
}

function checkSensoryLevel(target: string, path: Path, errors: Issue[]): void {
  if (SENSORY_LEVEL_PATTERN.test(target)) return;
  errors.push({
    path,
    message: `a sensory level is one spinal segment such as "T10" (or a landmark: nipple, xiphoid, umbilicus, inguinal ligament); found "${target}"`,
    expected: 'a spinal segment such as "T10"',
    found: target,
  });
}
