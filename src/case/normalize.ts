/**
 * Normalisation: what a clinician writes, turned into the format's canonical words, each change
 * reported back (JSON path, from, to).
 *
 * Two passes. `normaliseValues` runs before the schema and rewrites values whose canonical form is
 * certain: MRC grades ("4/5" -> "4"), sides ("L" -> "left"), spinal levels ("L4/5" -> "L4-L5"),
 * amplitude units ("µV" -> "uV") and the controlled history and symptom words ("Pelvic radiation"
 * -> "pelvic_radiation"). `resolveAtlasIds` then looks every atlas word up: synonyms and
 * abbreviations become ids ("knee jerk" -> patellar), group words become their members
 * ("quadriceps" -> its four heads, one finding each), and a word the atlas does not know is an error
 * naming the nearest known ids.
 */
import { type AtlasKind, fold, getAtlas, type Resolved } from "../atlas/index.js";
import { closeToBest, didYouMean, type Issue, nearestWords, type Path, valueAt } from "./errors.js";
import { pathKey } from "./json.js";
import { canonicalMrc } from "./mrc.js";
import {
  canonicalCytologyResult,
  canonicalSensoryLevel,
  historySynonym,
  isOthersWord,
  NEGATED_SIGN_WORDS,
  symptomSynonym,
} from "./phrases.js";
import { checkPlaces } from "./places-check.js";
import {
  DIFFUSE_LEVELS,
  FINDING_KINDS,
  type Finding,
  HISTORY_WORDS,
  LEVELS,
  type Lesion,
  type LocusCase,
  OTHERS,
  OTHERS_FIELDS,
  PLANTAR_GRADES,
  REFLEX_GRADES,
  SYMPTOM_WORDS,
  TENDON_REFLEX_GRADES,
} from "./schema.js";
import { canonicalTopValue, closedFields, closedWords, own } from "./values.js";

export interface Normalisation {
  /** Where the value stands in the input. */
  path: Path;
  from: string;
  to: string[];
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

// ---------------------------------------------------------------------------------------------
// Pass 1: values

const SIDE_WORDS: Record<string, "left" | "right" | "bilateral"> = {
  l: "left",
  lt: "left",
  left: "left",
  r: "right",
  rt: "right",
  right: "right",
  b: "bilateral",
  bl: "bilateral",
  bil: "bilateral",
  bilat: "bilateral",
  bilateral: "bilateral",
  both: "bilateral",
  bothsides: "bilateral",
};

/** "L", "Lt", "both sides" -> left, right or bilateral. */
export const canonicalSide = closedWords([], SIDE_WORDS);

const LETTERS = ["C", "T", "L", "S"] as const;
const LAST_OF: Record<string, number> = { C: 7, T: 12, L: 5, S: 5 };

/** "L4/5", "l4-l5", "L4–L5", "L5 S1" -> "L4-L5", "L5-S1"; "T12-1" -> "T12-L1". */
export function canonicalLevel(written: string): string | undefined {
  const m = /^\s*([CTLS])\s*(\d{1,2})\s*(?:[-\u2013\u2014/ ]\s*([CTLS])?\s*(\d{1,2}))?\s*$/i.exec(written);
  if (!m) return undefined;
  const a = (m[1] ?? "").toUpperCase();
  const an = Number(m[2]);
  if (m[4] === undefined) return `${a}${an}`;
  const bn = Number(m[4]);
  let b = m[3]?.toUpperCase();
  if (!b)
    b =
      bn > an
        ? a
        : bn === 1 && an === LAST_OF[a]
          ? LETTERS[LETTERS.indexOf(a as (typeof LETTERS)[number]) + 1]
          : a;
  return b ? `${a}${an}-${b}${bn}` : undefined;
}

const UNIT_WORDS: Record<string, "uV" | "mV"> = {
  uv: "uV",
  μv: "uV",
  microvolt: "uV",
  microvolts: "uV",
  mv: "mV",
  millivolt: "mV",
  millivolts: "mV",
};

// The closed words of the format, each a table made once.
const canonicalUnit = closedWords([], UNIT_WORDS);
const canonicalKind = closedWords(FINDING_KINDS);
const canonicalLesionLevel = closedWords(LEVELS);
const historyWord = closedWords(HISTORY_WORDS);
const symptomWord = closedWords(SYMPTOM_WORDS);
const canonicalSex = (written: string) => canonicalTopValue("sex", written);
const canonicalOnset = (written: string) => canonicalTopValue("onset", written);
const canonicalCourse = (written: string) => canonicalTopValue("course", written);
const canonicalOthers = (written: string) => (isOthersWord(written) ? OTHERS : undefined);

/** A history item's controlled word, with its detail: "Cancer: cervical" -> "cancer:cervical". */
export function canonicalHistory(written: string): string | undefined {
  const colon = written.indexOf(":");
  const word = historyWord(colon < 0 ? written : written.slice(0, colon));
  if (!word) return historySynonym(written);
  if (colon < 0) return word;
  const detail = written.slice(colon + 1).trim();
  return detail ? `${word}:${detail}` : word;
}

export function canonicalSymptom(written: string): string | undefined {
  return symptomWord(written) ?? symptomSynonym(written);
}

/** A denied symptom: the symptom word, also when written with its negation ("no fever"). */
export function canonicalDenied(written: string): string | undefined {
  return (
    canonicalSymptom(written) ??
    canonicalSymptom(written.replace(/^\s*(?:no|denies|denied|not|without)\s+/i, ""))
  );
}

type Canon = (written: string) => string | undefined;

/**
 * Rewrite values whose canonical form is certain. The input is not changed: objects on the way to
 * a rewritten value are copied. Anything not of the expected shape is left for the schema to report.
 */
export function normaliseValues(input: unknown): { value: unknown; normalisations: Normalisation[] } {
  const normalisations: Normalisation[] = [];
  if (!isObj(input)) return { value: input, normalisations };
  const fix = (obj: Obj, path: Path, key: string, canon: Canon, numbers = false): Obj => {
    const v = obj[key];
    if (typeof v !== "string" && !(numbers && typeof v === "number" && Number.isFinite(v))) return obj;
    const c = canon(String(v));
    if (c === undefined || c === v) return obj;
    normalisations.push({ path: [...path, key], from: String(v), to: [c] });
    return { ...obj, [key]: c };
  };
  const fixList = (list: unknown, path: Path, key: string, canon: Canon): unknown => {
    if (!Array.isArray(list)) return list;
    let changed = false;
    const out = list.map((item, k) => {
      if (typeof item !== "string") return item;
      const c = canon(item);
      if (c === undefined || c === item) return item;
      normalisations.push({ path: [...path, key, k], from: item, to: [c] });
      changed = true;
      return c;
    });
    return changed ? out : list;
  };
  const fixFinding = (f: Obj, i: number): Obj => {
    const path: Path = ["findings", i];
    let g = fix(f, path, "kind", canonicalKind);
    g = fix(g, path, "side", canonicalSide);
    g = negatedSign(g, path, normalisations);
    const kind = g.kind;
    const fields = typeof kind === "string" ? closedFields(kind) : undefined;
    if (fields)
      for (const key of Object.keys(g)) {
        const field = key === "kind" || key === "side" ? undefined : fields.get(key);
        if (!field) continue;
        if (field.spec.list) {
          const list = fixList(g[key], path, key, field.canonical);
          if (list !== g[key]) g = { ...g, [key]: list };
        } else g = fix(g, path, key, field.canonical, true);
      }
    // Own keys of a string kind only: a kind may be any JSON value here ({ "toString": null }).
    const othersField = typeof g.kind === "string" ? own<string>(OTHERS_FIELDS, g.kind) : undefined;
    if (othersField) g = fix(g, path, othersField, canonicalOthers);
    if (g.kind === "sign" && g.sign === "sensory_level") g = fix(g, path, "target", canonicalSensoryLevel);
    if (g.kind === "lab" && g.test === "csf_cytology") g = fix(g, path, "result", canonicalCytologyResult);
    if (g.kind === "strength") g = fix(g, path, "mrc", canonicalMrc);
    if (g.kind === "imaging") g = fix(g, path, "level", canonicalLevel);
    if (g.kind === "ncs") g = fix(g, path, "unit", canonicalUnit);
    return g;
  };

  let out: Obj = { ...input };
  if (isObj(out.patient)) out.patient = fix(out.patient, ["patient"], "sex", canonicalSex);
  if (isObj(out.context)) out.context = fix(out.context, ["context"], "onset", canonicalOnset);
  if (isObj(out.context)) out.context = fix(out.context, ["context"], "course", canonicalCourse);
  if (isObj(out.context)) {
    const ctx = { ...out.context };
    ctx.history = fixList(ctx.history, ["context"], "history", canonicalHistory);
    ctx.symptoms = fixList(ctx.symptoms, ["context"], "symptoms", canonicalSymptom);
    ctx.denies = fixList(ctx.denies, ["context"], "denies", canonicalDenied);
    for (const key of ["history", "symptoms", "denies"]) if (!(key in out.context)) delete ctx[key];
    out.context = ctx;
  }
  if (Array.isArray(out.findings))
    out.findings = out.findings.map((f, i) => (isObj(f) ? fixFinding(f, i) : f));
  if (isObj(out.expected)) {
    const exp = { ...out.expected };
    const fixLesions = (list: unknown, path: Path) =>
      Array.isArray(list)
        ? list.map((l, j) =>
            isObj(l)
              ? fix(fix(l, [...path, j], "level", canonicalLesionLevel), [...path, j], "side", canonicalSide)
              : l,
          )
        : list;
    if (Array.isArray(exp.localization))
      exp.localization = fixLesions(exp.localization, ["expected", "localization"]);
    if (Array.isArray(exp.alsoAcceptable))
      exp.alsoAcceptable = exp.alsoAcceptable.map((set, a) =>
        fixLesions(set, ["expected", "alsoAcceptable", a]),
      );
    out = { ...out, expected: exp };
  }
  return { value: out, normalisations };
}

/** "pedal pulses absent" -> sign pulses, present false (unless the finding says present: true). */
function negatedSign(f: Obj, path: Path, normalisations: Normalisation[]): Obj {
  if (f.kind !== "sign" || typeof f.sign !== "string" || f.present === true) return f;
  const sign = own(NEGATED_SIGN_WORDS, fold(f.sign));
  if (!sign) return f;
  normalisations.push({ path: [...path, "sign"], from: f.sign, to: [sign] });
  if (f.present !== false) normalisations.push({ path: [...path, "present"], from: f.sign, to: ["false"] });
  return { ...f, sign, present: false };
}

// ---------------------------------------------------------------------------------------------
// Pass 2: atlas ids

export interface Resolution {
  from: string;
  ids: string[];
  /** The group word's id when the word stood for several muscles ("quadriceps"). */
  group?: string;
}

export interface IdCheck {
  errors: Issue[];
  warnings: Issue[];
  /** The atlas word of each input finding (its kind's id field, or a sign's muscle), by finding index. */
  findingIds: Map<number, Resolution>;
  /** The sites of the expected lesions, by pathKey of the site's input path. */
  siteIds: Map<string, Resolution>;
  /** Nerve sites read from place words (ncs segment, tinel target), by finding index. */
  places: Map<number, string[]>;
}

const KIND_WORDS: Record<AtlasKind, string> = {
  root: "a root",
  plexus: "a plexus element",
  nerve: "a nerve",
  site: "a nerve site",
  muscle: "a muscle",
  movement: "a movement",
  reflex: "a reflex",
  region: "a skin region",
  study: "a nerve conduction study",
};

const kindsWord = (kinds: readonly AtlasKind[]) => kinds.map((k) => KIND_WORDS[k]).join(" or ");

/** The atlas words each finding kind names, and what they may be. */
const FINDING_IDS: Partial<Record<Finding["kind"], { field: string; kinds: AtlasKind[] }>> = {
  strength: { field: "target", kinds: ["movement", "muscle"] },
  reflex: { field: "reflex", kinds: ["reflex"] },
  sensory: { field: "region", kinds: ["region"] },
  emg: { field: "muscle", kinds: ["muscle"] },
  ncs: { field: "study", kinds: ["study"] },
};

const LESION_KINDS: Partial<Record<Lesion["level"], AtlasKind[]>> = {
  root: ["root"],
  plexus: ["plexus"],
  nerve: ["nerve", "site"],
  muscle: ["muscle"],
};

/** Look one word up; an Issue when the atlas does not know it as one of `kinds`. */
export function resolveWord(
  word: string,
  kinds: readonly AtlasKind[],
  path: Path,
  suggest = true,
): Resolution | Issue {
  const atlas = getAtlas();
  const hit = atlas.resolve(word, kinds);
  if (hit) return resolution(word, hit);
  const expected = `${kindsWord(kinds)} id`;
  const other = atlas.resolve(word);
  const suggestions = suggest ? nearestIds(word, kinds) : [];
  const message = other
    ? `\`${word}\` is ${KIND_WORDS[other.kind]}${other.ids.length === 1 && other.ids[0] !== word ? ` (\`${other.ids[0]}\`)` : ""}, not ${kindsWord(kinds)}${didYouMean(suggestions)}`
    : `\`${word}\` is not ${kindsWord(kinds)}${didYouMean(suggestions)}`;
  return { path, message, expected, found: word, ...(suggestions.length ? { suggestions } : {}) };
}

/** What a word the atlas knows stands for. */
function resolution(word: string, hit: Resolved): Resolution {
  let ids = hit.ids;
  // A nerve site reports as the id FORMAT.md gives it (femoral@inguinal_ligament -> femoral).
  if (hit.kind === "site") ids = ids.map((id) => getAtlas().site(id)?.formatId ?? id);
  return { from: word, ids, ...(hit.group ? { group: hit.group } : {}) };
}

/** The known ids (or group words) nearest to a word, best first, near misses left out. */
export function nearestIds(word: string, kinds: readonly AtlasKind[], limit = 3): string[] {
  const near = getAtlas()
    .lexicon.nearest(word, kinds, 8)
    .map((n) => ({ ...n, d: n.distance }));
  return closeToBest(near)
    .map((n) => n.word)
    .slice(0, limit);
}

const isIssue = (r: Resolution | Issue): r is Issue => "message" in r;

/** How many words of one case get a nearest-word search (the case stage answers 100 issues). */
export const MAX_SUGGESTED = 100;

/** Check and resolve every atlas word in a case (of any shape: what is not a string is skipped). */
export function resolveAtlasIds(input: unknown): IdCheck {
  const errors: Issue[] = [];
  const warnings: Issue[] = [];
  const findingIds = new Map<number, Resolution>();
  const siteIds = new Map<string, Resolution>();
  const atlas = getAtlas();
  // The nearest-word search costs a pass over the lexicon: only the first words not understood get
  // suggestions, so that thousands of near misses cost no more than the issues answered.
  let searches = 0;
  const suggest = () => searches++ < MAX_SUGGESTED;
  const look = (
    word: unknown,
    kinds: readonly AtlasKind[],
    path: Path,
    others = false,
  ): Resolution | undefined => {
    if (typeof word !== "string" || word.length === 0) return undefined;
    if (others && word === OTHERS) return undefined;
    const hit = atlas.resolve(word, kinds);
    if (hit) return resolution(word, hit);
    const r = resolveWord(word, kinds, path, suggest());
    if (isIssue(r)) errors.push(others ? withOthers(r, word) : othersMisplaced(r, word));
    return undefined;
  };

  const findings = valueAt(input, ["findings"]);
  if (Array.isArray(findings)) {
    findings.forEach((f, i) => {
      if (!isObj(f) || typeof f.kind !== "string") return;
      const spec = own(FINDING_IDS, f.kind);
      if (spec) {
        const others = Object.hasOwn(OTHERS_FIELDS, f.kind);
        const r = look(f[spec.field], spec.kinds, ["findings", i, spec.field], others);
        if (r) findingIds.set(i, r);
        if (f.kind === "reflex" && r)
          checkReflexGrade(r.ids[0] ?? "", f.grade, ["findings", i, "grade"], errors);
      }
      const placeSign = f.kind === "sign" && (f.sign === "tinel" || f.sign === "sensory_level");
      if (f.kind === "sign" && typeof f.target === "string" && f.target && !placeSign) {
        const hit = atlas.resolve(f.target, ["muscle"]);
        if (hit) findingIds.set(i, resolution(f.target, hit));
        else if (/_/.test(f.target) && !atlas.resolve(f.target)) {
          const suggestions = suggest() ? nearestIds(f.target, ["muscle"]) : [];
          warnings.push({
            path: ["findings", i, "target"],
            message: `\`${f.target}\` looks like an id but is not a muscle the atlas knows; kept as a body part word${didYouMean(suggestions)}`,
            expected: "a muscle id or a body part word",
            found: f.target,
            ...(suggestions.length ? { suggestions } : {}),
          });
        }
      }
    });
  }

  const checkLesions = (list: unknown, path: Path) => {
    if (!Array.isArray(list)) return;
    list.forEach((l, j) => {
      if (!isObj(l) || !Array.isArray(l.sites) || typeof l.level !== "string") return;
      const level = l.level as Lesion["level"];
      const sitesPath: Path = [...path, j, "sites"];
      if ((DIFFUSE_LEVELS as readonly string[]).includes(level) && l.sites.length > 0) {
        errors.push({
          path: sitesPath,
          message: `a lesion at level "${level}" is a diffuse process and names no sites; found ${l.sites.length} (${l.sites.map(String).join(", ")})`,
          expected: "an empty list []",
          found: l.sites,
        });
        return;
      }
      const kinds = Object.hasOwn(LESION_KINDS, level) ? LESION_KINDS[level] : undefined;
      if (kinds)
        l.sites.forEach((s, k) => {
          const path = [...sitesPath, k];
          const r = look(s, kinds, path);
          if (r) siteIds.set(pathKey(path), r);
        });
    });
  };
  checkLesions(valueAt(input, ["expected", "localization"]), ["expected", "localization"]);
  const also = valueAt(input, ["expected", "alsoAcceptable"]);
  if (Array.isArray(also))
    also.forEach((set, a) => {
      checkLesions(set, ["expected", "alsoAcceptable", a]);
    });

  const places = checkPlaces(input);
  errors.push(...places.errors);
  warnings.push(...places.warnings);
  return { errors, warnings, findingIds, siteIds, places: places.sites };
}

/** A word for an item that was not understood, where `others` may also stand: name it if near. */
function withOthers(issue: Issue, word: string): Issue {
  if (nearestWords(word, [OTHERS]).length === 0) return issue;
  const suggestions = [OTHERS, ...(issue.suggestions ?? [])].slice(0, 3);
  const at = issue.message.indexOf("; did you mean");
  const head = at < 0 ? issue.message : issue.message.slice(0, at);
  return {
    ...issue,
    message: `${head}, nor "others"${didYouMean(suggestions)}`,
    expected: `${issue.expected ?? "an id"}, or "others"`,
    suggestions,
  };
}

/** `others` where a finding kind cannot take it (a needle EMG or a study names one muscle or study). */
function othersMisplaced(issue: Issue, word: string): Issue {
  if (!isOthersWord(word)) return issue;
  return {
    ...issue,
    message: `\`${word}\` (every item not named elsewhere) may stand only for a strength target, a reflex or a sensory region; name the ${issue.expected?.replace(/^an? /, "").replace(/ id$/, "") ?? "item"} itself`,
  };
}

function checkReflexGrade(reflex: string, grade: unknown, path: Path, errors: Issue[]): void {
  if (typeof grade !== "string" || !(REFLEX_GRADES as readonly string[]).includes(grade)) return;
  const plantar = getAtlas().data.reflexes.find((r) => r.id === reflex)?.umnSign === true;
  const allowed: readonly string[] = plantar ? PLANTAR_GRADES : TENDON_REFLEX_GRADES;
  if (allowed.includes(grade)) return;
  errors.push({
    path,
    message: plantar
      ? `the plantar response is "flexor" or "extensor"; found "${grade}"`
      : `"${grade}" grades the plantar response; the ${reflex} reflex is absent, reduced, normal or brisk`,
    expected: `one of ${allowed.join(", ")}`,
    found: grade,
  });
}

// ---------------------------------------------------------------------------------------------
// Building the canonical case

export interface Canonical {
  case: LocusCase;
  normalisations: Normalisation[];
  /** For each finding of the canonical case, the index of the input finding it came from. */
  origins: number[];
}

/** Replace every atlas word by its id, one finding per member of a group word. */
export function applyResolutions(
  c: LocusCase,
  ids: Pick<IdCheck, "findingIds" | "siteIds" | "places">,
): Canonical {
  const normalisations: Normalisation[] = [];
  const origins: number[] = [];
  const changed = (r: Resolution) => r.ids.length !== 1 || r.ids[0] !== r.from;
  const findings: Finding[] = [];
  c.findings.forEach((input, i) => {
    const f = withSites(input, i, ids.places, normalisations);
    const field = f.kind === "sign" ? "target" : FINDING_IDS[f.kind]?.field;
    const r = field ? ids.findingIds.get(i) : undefined;
    if (!field || !r) {
      findings.push(f);
      origins.push(i);
      return;
    }
    if (changed(r)) normalisations.push({ path: ["findings", i, field], from: r.from, to: r.ids });
    for (const id of r.ids) {
      // a finding that already names its id is kept as it is (most do): no copy to make
      const named: Readonly<Record<string, unknown>> = f;
      findings.push(named[field] === id ? f : ({ ...f, [field]: id } as Finding));
      origins.push(i);
    }
  });
  const lesions = (list: Lesion[], path: Path): Lesion[] =>
    list.map((l, j) => {
      const sites: string[] = [];
      l.sites.forEach((s, k) => {
        const p = [...path, j, "sites", k];
        const r = ids.siteIds.get(pathKey(p));
        if (r && changed(r)) normalisations.push({ path: p, from: r.from, to: r.ids });
        for (const id of r?.ids ?? [s]) if (!sites.includes(id)) sites.push(id);
      });
      return { ...l, sites };
    });
  const out: LocusCase = { ...c, findings };
  if (c.expected) {
    out.expected = {
      ...c.expected,
      localization: lesions(c.expected.localization, ["expected", "localization"]),
    };
    if (c.expected.alsoAcceptable)
      out.expected.alsoAcceptable = c.expected.alsoAcceptable.map((set, a) =>
        lesions(set, ["expected", "alsoAcceptable", a]),
      );
  }
  return { case: out, normalisations, origins };
}

/** Add the nerve sites read from a segment or a Tinel target, unless the finding gives its own. */
function withSites(f: Finding, i: number, places: Map<number, string[]>, out: Normalisation[]): Finding {
  const from =
    f.kind === "ncs" && f.segment !== undefined && f.segmentSites === undefined
      ? { words: f.segment, field: "segment", into: "segmentSites" }
      : f.kind === "sign" && f.target !== undefined && f.targetSites === undefined
        ? { words: f.target, field: "target", into: "targetSites" }
        : undefined;
  const ids = from ? places.get(i) : undefined;
  if (!from || !ids?.length) return f;
  out.push({ path: ["findings", i, from.field], from: from.words, to: ids });
  return { ...f, [from.into]: ids } as Finding;
}
