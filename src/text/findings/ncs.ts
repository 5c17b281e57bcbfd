/**
 * Nerve conduction: a nerve named in a conduction sentence becomes the study that tests it (motor
 * or sensory from "CMAP", "SNAP", "motor response", "sensory response"; otherwise the nerve's
 * usual study), with its result ("no response", "absence of a motor response", "decreased",
 * "axonal neuropathy", "prolonged latency", "slowed"), amplitude ("6 uV") and percentage of the
 * other side ("4.1 % of the right"). A nerve named only as the comparison ("of the right peroneal
 * nerve") is not a finding.
 */
import { getAtlas } from "../../atlas/index.js";
import type { Study } from "../../atlas/types.js";
import type { NcsFinding } from "../../case/schema.js";
import { type Doc, LABEL, matches } from "../doc.js";
import { covers, type Side } from "../laterality.js";
import type { Unit } from "../sentences.js";
import { ROUTINE_STUDIES } from "../sources.js";
import { velocityVerdict } from "./ncs-table.js";

/** "SNAPs normal bilaterally", "CMAPs were reduced": responses of no named nerve. */
const GENERIC_RESPONSES =
  /\b(?:(?:lower[- ]limb|lower[- ]extremity|leg|all|the)\s+)?(SNAPs|sensory (?:nerve action potentials|responses)|CMAPs|motor (?:responses|amplitudes)|compound (?:muscle|motor) action potentials)\b/gi;

/** The routine studies a plural response word with no nerve named stands for. */
function readGenericResponses(doc: Doc, u: Unit): void {
  for (const m of matches(GENERIC_RESPONSES, doc.text, u)) {
    const end = m.index + m[0].length;
    const after = doc.text.slice(end, Math.min(u.end, end + 60)).split(/[;.]/)[0] ?? "";
    const result = resultIn(after);
    if (!result) continue;
    const ids = /SNAP|sensory/i.test(m[1] ?? "") ? ROUTINE_STUDIES.sensory : ROUTINE_STUDIES.motor;
    const { side } = doc.side(u, m.index, end);
    for (const study of ids) {
      const f: NcsFinding = { kind: "ncs", study, result };
      if (side) f.side = side;
      doc.add(f, [[m.index, end]], 0.6);
    }
  }
}

const CUE =
  /\b(nerve conduction|NCS|NCV|CMAPs?|SNAPs?|conduction block|focal slowing|motor stud(?:y|ies)|compound (muscle|motor) action potentials?|sensory nerve action potentials?|motor responses?|sensory responses?|F[- ]waves?|H[- ]reflex(es)?|conduction velocit\w*|distal latenc\w*|amplitudes?|axonal|neuropathy|polyneuropathy|(?:motor|sensory|CMAP|SNAP)\s*\((?:EDB|AH|AHB|TA)\)|\d+(?:\.\d+)?\s*(?:mV|uV|µV|m\/s))\b/i;
const NERVE =
  /\b(superficial (?:peroneal|fibular)|deep (?:peroneal|fibular)|(?:common )?(?:peroneal|fibular)|posterior tibial|tibial|sural|saphenous|femoral|medial plantar|lateral femoral cutaneous)(?:\s+nerves?)?\b(?!\s*(?:motor|CMAP|SNAP|F|H)\b)/gi;
const STUDY_BY_NERVE: Record<string, { motor?: string; sensory?: string; f_wave?: string }> = {
  peroneal: {
    motor: "peroneal_motor_edb",
    sensory: "superficial_peroneal_sensory",
    f_wave: "peroneal_f_wave",
  },
  "deep peroneal": { motor: "peroneal_motor_edb" },
  "superficial peroneal": { sensory: "superficial_peroneal_sensory" },
  tibial: { motor: "tibial_motor_ah", sensory: "medial_plantar_sensory", f_wave: "tibial_f_wave" },
  sural: { sensory: "sural_sensory" },
  saphenous: { sensory: "saphenous_sensory" },
  femoral: { motor: "femoral_motor", sensory: "saphenous_sensory" },
  "medial plantar": { sensory: "medial_plantar_sensory" },
  "lateral femoral cutaneous": { sensory: "lateral_femoral_cutaneous_sensory" },
};

type Result = NcsFinding["result"];
type Type = "motor" | "sensory" | "f_wave";

function nerveKey(written: string): string {
  const w = written
    .toLowerCase()
    .replace(/\s+nerves?$/, "")
    .replace(/fibular/g, "peroneal")
    .replace(/^(common|posterior) /, "");
  return w;
}

function typeIn(t: string): Type | undefined {
  if (/\bF[- ]?waves?\b/i.test(t)) return "f_wave";
  const motor = /\b(CMAPs?|motor|compound (muscle|motor))\b/gi;
  const sensory = /\b(SNAPs?|sensory)\b/gi;
  let last: { at: number; type: Type } | undefined;
  for (const m of t.matchAll(motor)) if (!last || m.index > last.at) last = { at: m.index, type: "motor" };
  for (const m of t.matchAll(sensory))
    if (!last || m.index > last.at) last = { at: m.index, type: "sensory" };
  if (/sensorimotor/i.test(t) && !last) return "motor";
  return last?.type;
}

/**
 * Where a result's words end and an interpretation begins: "normal, arguing against a
 * neuropathy", "absent, consistent with an axonal neuropathy". The interpretation's words
 * ("neuropathy") are not the result.
 */
const INTERPRETATION =
  /,?\s*\b(?:arguing|argues|argue|speaking|which (?:argues?|speaks?|suggests?|makes?)|suggest\w*|consistent with|in keeping with|compatible with|indicat\w*|excluding|against|making|favou?ring|to exclude|ruling out|no evidence of|without evidence of|not (?:consistent with|suggestive of|in keeping with))\b.*$/is;

/** "Conduction block across the fibular head", "focal slowing at the knee" (FORMAT v1.1 `block`). */
const BLOCK = /\b(?:(?:partial |definite |probable )?conduction block|focal (?:conduction )?slowing)\b/i;
/** The stretch a block is across: "across the fibular head", "at the knee", "below the inguinal ligament". */
const SEGMENT =
  /\b(?:conduction block|focal (?:conduction )?slowing)\b[^.;]{0,30}?\b(?:across|at|around|over|through|between|below|above|proximal to|distal to)\s+(?:the\s+)?((?:left |right )?(?:fibular|peroneal) (?:head|neck)|knee|popliteal fossa|inguinal ligament|tarsal tunnel|ankle|thigh|hip|sciatic notch|[a-z]+ and (?:the )?[a-z]+)/i;

const LATENCY_PROLONGED = /\blatenc(?:y|ies) (?:was|were|is|are) (?:\w+ )?prolonged/i;
const OTHER_RESULT = /decreas|reduc|\blow\b|diminish|small|absent|slow|normal|preserved/i;

function resultIn(raw: string): Result | undefined {
  const t = raw.replace(INTERPRETATION, "");
  const block = BLOCK.exec(t);
  if (block) {
    const lead = t.slice(Math.max(0, block.index - 30), block.index);
    // "no conduction block", "without focal slowing": a block denied says nothing of the result.
    if (
      !/\b(?:no|without|not|absence of|nor)\s+(?:(?:evidence|signs?) of\s+|definite\s+|any\s+)?$/i.test(lead)
    )
      return "block";
    return resultIn(t.slice(block.index + block[0].length));
  }
  if (
    /\bno (motor |sensory )?response|absen(ce|t)|not (obtain|record|elicit)\w*|unobtainable|unrecordable|non-?recordable|could not be (obtained|recorded|elicited)/i.test(
      t,
    )
  )
    return "absent";
  if (/prolonged (distal )?(motor |sensory )?latenc/i.test(t)) return "prolonged";
  // The other order, "the distal motor latency was prolonged", when no other result comes first
  // ("low (4 uV), and the median latencies were prolonged" is low).
  const late = LATENCY_PROLONGED.exec(t);
  if (late && !OTHER_RESULT.test(t.slice(0, late.index))) return "prolonged";
  if (/slow(ed|ing)|(reduced|decreased) (conduction )?velocit/i.test(t)) return "slowed";
  if (/decreas|reduc|\blow\b|diminish|small|attenuat|axonal|neuropathy|disturbance|impair/i.test(t))
    return "reduced";
  if (/\bnormal|within normal limits|preserved|unremarkable/i.test(t)) return "normal";
  return undefined;
}

interface Hit {
  start: number;
  end: number;
  key: string;
  study?: string;
}

function studyMentions(doc: Doc, u: Unit): Hit[] {
  const hits: Hit[] = doc.vocab
    .scan(doc.text, ["study"], u.start, u.end)
    .map((m) => ({ start: m.start, end: m.end, key: "", study: m.ids[0] as string }));
  for (const m of matches(NERVE, doc.text, u)) {
    const start = m.index;
    const end = m.index + m[0].length;
    if (hits.some((h) => start < h.end && h.start < end)) continue;
    // "peroneal nerve palsy", "tibial neuropathy": a diagnosis or a territory, not a study; "the
    // fibular head", "the fibular neck": a stimulation site, not the nerve.
    if (
      /^\s*(palsy|palsies|lesion|injury|entrapment|compression|neuropathy|mononeuropathy|territory|distribution|muscles?|innervated|head|neck)\b/i.test(
        doc.text.slice(end, end + 20),
      )
    )
      continue;
    hits.push({ start, end, key: nerveKey(m[1] ?? "") });
  }
  // "The 'sural sparing' pattern": the name of a pattern, not a study.
  return hits
    .filter((h) => !/^["'\u2019\u201d]?\s*sparing\b/i.test(doc.text.slice(h.end, h.end + 12)))
    .sort((a, b) => a.start - b.start);
}

type Normal = NonNullable<Study["normal"]>;

/**
 * A finding's amplitude given without a verdict, against the atlas's lower limit: below it
 * reduced, far enough above it normal, and within the retest margin above it borderline (kept
 * aside for `settleBorderline`).
 */
function judgeAmplitude(f: NcsFinding, normal: Normal | undefined, borderline: Set<NcsFinding>): void {
  if (f.amplitude === undefined || normal?.amplitudeLln === undefined || normal.unit !== f.unit) return;
  const lln = normal.amplitudeLln;
  if (f.amplitude < lln) f.result = "reduced";
  else if (f.amplitude < lln * (1 + (normal.amplitudeRetest ?? 0))) borderline.add(f);
  else f.result = "normal";
}

/**
 * A borderline amplitude is read with the rest of the study: reduced when another study of the
 * same kind on that side is reduced or absent (the abnormalities agree), normal otherwise. Either
 * way the reading is less sure than a value clearly on one side of the limit.
 */
function settleBorderline(doc: Doc, borderline: Set<NcsFinding>): void {
  const typeOf = (id: string) => getAtlas().data.studies.find((x) => x.id === id)?.type;
  const abnormal = doc.drafts.flatMap((d) =>
    d.finding.kind === "ncs" && (d.finding.result === "reduced" || d.finding.result === "absent")
      ? [d.finding]
      : [],
  );
  for (const d of doc.drafts) {
    const f = d.finding;
    if (f.kind !== "ncs" || !borderline.has(f)) continue;
    const agrees = abnormal.some(
      (g) =>
        g !== f &&
        !borderline.has(g) &&
        typeOf(g.study) === typeOf(f.study) &&
        (covers(g.side, f.side) || covers(f.side, g.side)),
    );
    f.result = agrees ? "reduced" : "normal";
    d.confidence = Math.min(d.confidence, 0.6);
  }
}

/** Where a result's clause ends: "preserved (right 9 uV) while the median responses were absent". */
const CLAUSE_END = /;|\b(?:but|however|whereas|while)\b/i;

const VALUE_UNIT = "(\\d+(?:\\.\\d+)?)\\s*(ms|mV|uV|µV|m\\/s)";
/** A side and then its value: "left 1.2 mV", "R 1.1 mV", "right: 9 uV". */
const SIDE_FIRST = new RegExp(
  `(?<![A-Za-z])(?:on the\\s+)?([Ll]eft|[Rr]ight|LEFT|RIGHT|Lt|Rt|L|R)\\b\\s*[:=]?\\s*${VALUE_UNIT}`,
  "g",
);
/** A value and then its side: "3 uV right", "40 m/s (left)", "32.6 ms on the right". */
const VALUE_FIRST = new RegExp(
  `${VALUE_UNIT}\\s*(?:\\(\\s*(left|right|L|R)\\s*\\)|(?:on the\\s+|in the\\s+)?(left|right)\\b)`,
  "gi",
);

/** Two values sharing one unit: "19 and 21 m/s", "3.2/3.4 ms". */
const PAIR =
  /(?<![\d.])(\d+(?:\.\d+)?)\s*(?:and|&|,|\/)\s*(\d+(?:\.\d+)?)\s*(ms|mV|uV|µV|m\/s)(?![A-Za-z])/gi;

interface SideValues {
  values: { value: number; unit: string }[];
  spans: [number, number][];
}

/**
 * The values a stretch gives each side, written side first or value first, each number read once;
 * a map with two sides when the stretch speaks of both, one finding per side.
 */
function sideValues(t: string, leading?: string): Map<"left" | "right", SideValues> {
  const out = new Map<"left" | "right", SideValues>();
  const used: [number, number][] = [];
  // The value right after a study named with its side ("R H reflex 30.8 ms, L 30.5 ms").
  const first = leading ? new RegExp(`^[\\s:]*${VALUE_UNIT}`, "i").exec(t) : null;
  const take = (m: RegExpMatchArray, sideWord: string, value: string, unit: string) => {
    const at = m.index ?? 0;
    const end = at + m[0].length;
    if (used.some(([a, b]) => at < b && a < end)) return;
    used.push([at, end]);
    const side = /^l/i.test(sideWord) ? "left" : "right";
    const entry = out.get(side) ?? { values: [], spans: [] };
    entry.values.push({ value: Number(value), unit: unit.toLowerCase().replace("µ", "u") });
    entry.spans.push([at, end]);
    out.set(side, entry);
  };
  for (const m of t.matchAll(SIDE_FIRST)) take(m, m[1] ?? "", m[2] ?? "", m[3] ?? "");
  for (const m of t.matchAll(VALUE_FIRST)) take(m, m[3] ?? m[4] ?? "", m[1] ?? "", m[2] ?? "");
  const side = leading && /^l/i.test(leading) ? "left" : "right";
  if (first && out.size === 1 && !out.has(side)) take(first, side, first[1] ?? "", first[2] ?? "");
  // "R 0.9 mV, L 1.1 mV, CV 19 and 21 m/s": once both sides are named, a pair of values with no
  // side of its own follows their order (the first side named, then the other).
  if (out.size === 2) {
    const order = [...out.keys()];
    for (const m of t.matchAll(PAIR)) {
      const at = m.index ?? 0;
      if (used.some(([a, b]) => at < b && a < at + m[0].length)) continue;
      const unit = (m[3] ?? "").toLowerCase().replace("µ", "u");
      order.forEach((side, k) => {
        const entry = out.get(side) as SideValues;
        entry.values.push({ value: Number(k === 0 ? m[1] : m[2]), unit });
        entry.spans.push([at, at + m[0].length]);
      });
    }
  }
  return out;
}

/**
 * A line labelled with a late response ("F-waves: L peroneal absent. L tibial 49.2 ms (normal).",
 * "F waves:" alone on its line above the nerves): the label names what every sentence under it
 * reports, as a report's section of F waves does (the F wave is a late response of a motor nerve,
 * AANEM-IFCN glossary, Dengler 2020).
 */
const LATE_LABEL =
  /^\s*(?:[\u2022*-]\s*)?(?:(?:R|L|left|right|bilateral)\s+)?F[- ]?(?:waves?|responses?)\s*(?:\([^)]*\))?\s*:/i;

interface LateLabel {
  alone: boolean;
}

/** The late-response label a unit is under: its line's, or one alone on a line above it. */
function lateLabel(u: Unit, was: LateLabel | undefined): LateLabel | undefined {
  const open = u.afterBlank ? undefined : was;
  if (!u.opensLine) return open;
  const m = LATE_LABEL.exec(u.text);
  if (m) return { alone: m[0].trim().length === u.text.trim().length };
  return open?.alone && !LABEL.test(u.text) ? open : undefined;
}

export function readNcs(doc: Doc): void {
  const atlas = getAtlas();
  const borderline = new Set<NcsFinding>();
  let carried: { side: Side; block: number } | undefined;
  let late: LateLabel | undefined;
  for (const u of doc.patient) {
    late = lateLabel(u, late);
    if (u.row || !(CUE.test(u.text) || late)) continue;
    const hits = studyMentions(doc, u);
    if (hits.length === 0) {
      readGenericResponses(doc, u);
      continue;
    }
    const sides = doc.sides(u);
    let prev: { type?: Type; result?: Result } = {};
    const sentenceType = typeIn(u.text) ?? (late ? "f_wave" : undefined);
    const sentenceResult = resultIn(u.text);
    hits.forEach((h, i) => {
      // A nerve named as the comparison ("4.1 % of the right peroneal nerve") is not a finding.
      const refSide = sides.find((s) => s.reference && s.end <= h.start && h.start - s.end <= 3);
      if (refSide) return;
      const beforeAll = doc.text.slice(hits[i - 1]?.end ?? u.start, h.start);
      // After the previous nerve, only what follows its clause speaks of this one.
      const before = i > 0 ? (beforeAll.split(/[,;]|\band\b/).pop() ?? "") : beforeAll;
      // Reference ranges "(normal > 2 mV)" are not results.
      const after = doc.text
        .slice(h.end, hits[i + 1]?.start ?? u.end)
        .replace(/\((?:normal|nl|ref\w*|N|LLN|ULN|lower limit)\b[^)]*\)/gi, (x) => " ".repeat(x.length))
        .replace(
          /\b(?:upper|lower) limits?(?: of normal)?\s*[:=]?\s*\d+(?:\.\d+)?(?:\s*(?:ms|mV|uV|m\/s))?/gi,
          (x) => " ".repeat(x.length),
        );
      const type = typeIn(before) ?? prev.type ?? sentenceType;
      // A result word just before the nerve is its own ("absent sural responses, normal peroneal ...").
      const justBefore = BLOCK.test(before) ? before : before.slice(-25);
      const own =
        (/\S/.test(justBefore) ? resultIn(justBefore) : undefined) ??
        resultIn(after.split(CLAUSE_END)[0] ?? "") ??
        resultIn(before);
      const hasAmplitude = /\d\s*(uV|mV|microvolts?|millivolts?)\b/i.test(after);
      // A study with a velocity or latency of its own was recorded: never absent by another
      // study's word ("tibial motor CV 22 m/s ...; sural SNAPs absent bilaterally").
      const measured = /\d\s*(?:m\/s|ms)\b/i.test(after.split(CLAUSE_END)[0] ?? "");
      const borrowed = hasAmplitude ? undefined : (prev.result ?? sentenceResult);
      const result = own ?? (measured && borrowed === "absent" ? undefined : borrowed);
      prev = { ...(type ? { type } : {}), ...(result ? { result } : {}) };
      let study = h.study;
      if (!study) {
        const table = STUDY_BY_NERVE[h.key];
        study = type ? table?.[type] : (table?.motor ?? table?.sensory);
        study ??= table?.motor ?? table?.sensory;
      }
      if (!study) {
        doc.leftover(h.start, h.end, "a nerve without a conduction study Locus knows");
        return;
      }
      const f: NcsFinding = { kind: "ncs", study, result: result ?? "normal" };
      if (f.result === "block") {
        const seg = SEGMENT.exec(u.text)?.[1];
        if (seg)
          f.segment = seg
            .toLowerCase()
            .replace(/^(?:left|right) /, "")
            .replace(/^peroneal/, "fibular");
      }
      const limits = /\b(upper|lower) limits?(?: of normal)?\s*[:=]?\s*(\d+(?:\.\d+)?)/i.exec(u.text);
      const normal = atlas.data.studies.find((x) => x.id === study)?.normal;
      const uln = limits?.[1]?.toLowerCase() === "upper" ? Number(limits[2]) : normal?.latencyUln;
      const amp = /(\d+(?:\.\d+)?)\s*(uV|mV|microvolts?|millivolts?)\b/i.exec(after);
      if (amp) {
        f.amplitude = Number(amp[1]);
        f.unit = /^u|^micro/i.test(amp[2] ?? "") ? "uV" : "mV";
      }
      const pct = /(\d+(?:\.\d+)?)\s*%/.exec(after);
      if (
        pct &&
        /%\s*(of|compared|relative)|contralateral|other side|right|left/i.test(after.slice(pct.index))
      ) {
        f.percentOfContralateral = Number(pct[1]);
        if (!result) f.result = f.percentOfContralateral < 50 ? "reduced" : "normal";
      } else if (pct && /(was|were|is)\s*$/.test(after.slice(0, pct.index))) {
        f.percentOfContralateral = Number(pct[1]);
      }
      const vel = /(\d+(?:\.\d+)?)\s*m\/s/i.exec(after);
      if (vel) f.velocity = Number(vel[1]);
      const lat = /(\d+(?:\.\d+)?)\s*ms\b/i.exec(after);
      if (lat) f.latency = Number(lat[1]);
      if (!result) judgeAmplitude(f, normal, borderline);
      if (!result && f.result !== "reduced" && f.result !== "normal" && f.velocity !== undefined)
        f.result = velocityVerdict(study, "normal", f.velocity);
      else if (!result && (f.result === "reduced" || f.result === "normal"))
        f.result = velocityVerdict(study, f.result, f.velocity);
      if (!result && f.latency !== undefined && uln !== undefined && /f_wave|h_reflex/.test(study))
        f.result = f.latency > uln ? "prolonged" : "normal";
      // "32.6 ms on the right and 34.3 ms on the left", "left 1.2 mV, right 2.8 mV", "(R 1.1 mV, L
      // 0.9 mV)", "3 uV right, 4 uV left": one finding per side, each with its own values.
      // "R H reflex 30.8 ms, L 30.5 ms": a side written just before the study is its first value's.
      const lead = /(?<![A-Za-z0-9])(left|right|L|R)\s*$/i.exec(
        doc.text.slice(Math.max(u.start, h.start - 8), h.start),
      );
      const perSide = sideValues(after, lead?.[1]);
      if (perSide.size >= 2) {
        for (const [side, values] of perSide) {
          const g: NcsFinding = { kind: "ncs", study, result: own ?? "normal", side };
          for (const { value: v, unit } of values.values) {
            if (unit === "ms") {
              g.latency = v;
              if (!own && uln !== undefined && /f_wave|h_reflex/.test(study))
                g.result = v > uln ? "prolonged" : "normal";
            } else if (unit === "m/s") g.velocity = v;
            else {
              g.amplitude = v;
              g.unit = unit === "mv" ? "mV" : "uV";
              if (!own) judgeAmplitude(g, normal, borderline);
            }
          }
          if (!own && (g.result === "normal" || g.result === "reduced"))
            g.result = velocityVerdict(study, g.result, g.velocity);
          const spans: [number, number][] = [
            [h.start, h.end],
            ...values.spans.map(([a, b]): [number, number] => [h.end + a, h.end + b]),
          ];
          doc.add(g, spans, 0.85);
        }
        return;
      }
      // A side written after this nerve and before the next one is its own ("sural 8 uV bilaterally").
      // Without a side, studies are taken as done on the side the note is about.
      const nextStart = hits[i + 1]?.start ?? u.end;
      // Not the side that heads the next nerve ("R sural absent, L sural 9 uV"), nor one across a
      // ";" or inside brackets ("L sural 4 uV (R 12 uV)": the other side, given for comparison).
      const ownSide = sides.find(
        (s) =>
          !s.reference &&
          s.start >= h.end &&
          s.end <= nextStart &&
          !(i + 1 < hits.length && /^[\s(]*$/.test(doc.text.slice(s.end, nextStart))) &&
          !/[;(]/.test(doc.text.slice(h.end, s.start)),
      );
      const named =
        ownSide && ownSide.side !== "other"
          ? { side: ownSide.side, inferred: false }
          : doc.side(u, h.start, h.end, { fallback: true });
      // A study written without a side in the paragraph of studies of one named side ("right
      // peroneal motor ...; right tibial motor ... . F-wave latencies were normal") was done there.
      const { side, inferred } =
        named.inferred && carried?.block === u.block ? { side: carried.side, inferred: false } : named;
      if (!named.inferred && named.side) carried = { side: named.side, block: u.block };
      if (side) f.side = side;
      const conf = (result || f.amplitude !== undefined ? 0.85 : 0.6) - (inferred ? 0.25 : 0);
      doc.add(f, [[h.start, h.end]], conf);
    });
  }
  settleBorderline(doc, borderline);
}
