/**
 * Sensation: a change ("hypoaesthesia", "hypersensitivity", "diminished", "50% sensory loss")
 * with the skin it concerns ("medial aspect of the thigh and shin", "the right posterior and
 * medial leg", "along the right L5 and S1 dermatomes") and the modality ("pin pricking", "light
 * touch", "vibration", "joint position"). A dermatome is read as the skin regions whose supply
 * it dominates in the atlas. Pain alone is a symptom, not a sensory finding.
 */
import { getAtlas } from "../../atlas/index.js";
import type { SensoryFinding } from "../../case/schema.js";
import { OTHERS } from "../../case/schema.js";
import { type Doc, matches } from "../doc.js";
import { isNegated } from "../negation.js";
import { EXAM_LIST, othersSides, scopeSides, statementAround } from "../scope.js";
import type { Unit } from "../sentences.js";
import { ROUTINE_REGIONS } from "../sources.js";
import type { Mention } from "../vocabulary.js";

type Change = SensoryFinding["change"];

/** A modality named before its change: "vibration absent at the great toes", "JPS normal". */
const MODALITY_WORDS =
  "(?:vibration(?: sense)?|pin ?prick|light touch|proprioception|joint position(?: sense)?|JPS|temperature)";
const CHANGE: [RegExp, Change][] = [
  [
    new RegExp(
      `\\b(an(a)?esthesia|anesthetic|no sensation|absent sensation|sensation (was |is )?absent|complete sensory loss|${MODALITY_WORDS} (?:was |is |were )?(?:absent|lost)|absent ${MODALITY_WORDS})\\b`,
      "i",
    ),
    "absent",
  ],
  [/\b(hyper(a)?esthesia|hypersensitiv\w*|allodynia|hyperalgesia|hyperpathia)\b/i, "increased"],
  [
    /\b(hypo(a)?esthesia|hypoalgesia|numb(ness)?|sensory (loss|deficit|decrease|impairment)|loss of (sensation|sensibility|pin ?prick|light touch|vibration)|decreased|diminished|reduced|impaired|blunted|sensory (change|disturbance))\b/i,
    "reduced",
  ],
  [/\b(par(a)?esthesi\w*|tingling|pins and needles|dys(a)?esthesi\w*|burning sensation)\b/i, "paresthesia"],
  [
    new RegExp(
      `\\b(sensation|sensory (exam(ination)?|testing)|sensibility)\\b[^.;]{0,30}\\b(normal|intact|preserved)\\b|\\b${MODALITY_WORDS} (?:was |is |were )?(?:normal|intact|preserved)\\b`,
      "i",
    ),
    "normal",
  ],
];
/** Words for what the patient feels rather than what the examiner finds (Campbell, DeJong 2020). */
const SYMPTOM_WORD =
  /\b(numb(ness)?|tingl\w*|par(a)?esthesi\w*|pins and needles|dys(a)?esthesi\w*|burning)\b/i;
/** Words that make a sensation episodic ("intermittent numbness", "numbness at times"). */
const EPISODIC =
  /\b(intermittent(ly)?|episod\w*|occasional(ly)?|transient(ly)?|at times|from time to time|comes and goes|on and off|periodic(ally)?|nocturnal|at night)\b/i;
const PARAESTHESIA = /\b(tingl\w*|par(a)?esthesi\w*|pins and needles)\b/i;
const SENSORY_CUE =
  /\b(sensation|sensory|sensibility|hypo(a)?esthesi|hyper(a)?esthesi|an(a)?esthesi|allodynia|numb|par(a)?esthesi|tingling|dys(a)?esthesi|hypersensitiv|pin ?prick|light touch|vibration|proprioception|joint position)/i;
/** The examiner's shorthand, in capitals only ("lt" is also "left"): LT, PP, JPS (Campbell, DeJong 2020). */
const MODALITY_ABBREVIATION = /\b(LT|PP|JPS|Vib)\b/;
function abbreviatedModality(t: string): SensoryFinding["modality"] | undefined {
  const m = MODALITY_ABBREVIATION.exec(t)?.[1];
  return m === "LT"
    ? "light_touch"
    : m === "PP"
      ? "pinprick"
      : m === "JPS"
        ? "proprioception"
        : m
          ? "vibration"
          : undefined;
}
const MODALITY: [RegExp, NonNullable<SensoryFinding["modality"]>][] = [
  [/\bpin ?-?prick(ing)?|pain sensation|sharp\b/i, "pinprick"],
  [/\blight(ly)? touch(ing)?|touch\b/i, "light_touch"],
  [/\bvibrat\w*/i, "vibration"],
  [/\bproprioception|joint position\w*|position sense/i, "proprioception"],
];
const ADJ =
  "medial|lateral|anterior|posterior|anterolateral|anteromedial|posterolateral|inner|outer|dorsal|plantar|front|back";
/** Lay words for the sides of a limb, tried when the atlas has no phrase with the lay word. */
const ADJ_PLAIN: Record<string, string> = {
  outer: "lateral",
  inner: "medial",
  front: "anterior",
  back: "posterior",
};
const PART = "thighs?|legs?|shins?|calf|calves|knees?|feet|foot|soles?|heels?|ankles?|toes?|buttocks?|groin";
const CROSS = new RegExp(
  `\\b((?:${ADJ})(?:\\s*(?:,|and|or|&)\\s*(?:${ADJ}))*)\\s+(?:(?:aspect|side|border|surface|part)s?\\s+of\\s+)?(?:the\\s+)?(?:(?:left|right|both|Lt|Rt|L|R)\\s+)?((?:${PART})(?:\\s*(?:,|and|or|&)\\s*(?:the\\s+)?(?:${PART}))*)\\b`,
  "gi",
);
/** "Glove-and-stocking", "stocking distribution": the skin of both feet. */
const STOCKING = /\b(?:glove[- ](?:and[- ])?)?stocking(?:[- ](?:type|like|pattern|distribution))?\b/gi;
/**
 * A statement about the whole sensory examination: "sensation was normal", "sensory examination
 * unremarkable", "sensation intact to all modalities", "no sensory deficit", "no sensory loss was
 * found". Symptoms ("no numbness", "no sensory symptoms") are not examination findings.
 */
const GLOBAL_NORMAL =
  /\b(?:(?:sensation|sensory (?:exam(?:ination)?|testing|function)|sensory(?=:?\s+(?:intact|normal|unremarkable))|sensibility)\b(?:(?!\b(?:not|never|reduced|decreased|impaired|absent|except)\b)[^.;,]){0,30}?\b(?:normal|intact|preserved|unremarkable)|no (?:objective |focal |demonstrable )?sensory (?:deficits?|loss|abnormalit(?:y|ies)|impairment|changes?|disturbances?)(?! (?:symptoms|complaints))|sensory (?:deficits?|loss) (?:was|were) (?:not (?:found|detected|present|demonstrated)|absent)|(?:vibration|light touch|pin ?prick|proprioception|joint position(?: sense)?|temperature)(?:\s*(?:,|and|or)\s*(?:vibration|light touch|pin ?prick|proprioception|joint position(?: sense)?|temperature))*\s+(?:sensation\s+)?(?:(?:were|was|are|is)\s+)?(?:all\s+)?(?:intact|normal|preserved))/gi;
/**
 * "Decreased PP over the L dorsum of foot, otherwise intact", "LT otherwise intact", "legs otherwise
 * intact to pinprick": the rest of the sensory examination normal, when the nearest examination
 * words before it are sensory ones (not "power otherwise normal").
 */
const OTHERWISE = /\b(?:otherwise|elsewhere)\s+(?:intact|normal|preserved|unremarkable)\b/gi;
const LAST_EXAM_WORD =
  /\b(?:(power|strength|MRC|\d\/5|reflex\w*|jerks?|KJ|AJ|DTRs?)|(sensation|sensory|sensibility|dermatom\w*|LT|PP|JPS|pin ?prick|light touch|vibration|proprioception|numb\w*|an(?:a)?esthesia|hypo(?:a)?esthesia))\b/g;

/** Whether the examination words nearest before `at` in its unit are sensory ones. */
function afterSensoryWords(doc: Doc, u: Unit, at: number): boolean {
  let sensory = false;
  for (const m of doc.text.slice(u.start, at).matchAll(LAST_EXAM_WORD)) sensory = Boolean(m[2]);
  return sensory;
}
/** Parts of the body a sensory statement can be about that are not the legs. */
const NOT_LEGS =
  /\b(arms?|hands?|fingers?|upper (?:limbs?|extremit\w*)|face|facial|trunk|chest|abdomen|saddle|perine\w*|perianal|genital\w*|scrot\w*)\b/i;

const PLURAL_PART = /\b(feet|legs|thighs|calves|shins|knees|ankles|heels|soles|toes|buttocks)\b/i;

/** Skin regions on the midline (the atlas's `midline` flag). */
const MIDLINE_REGIONS = getAtlas().midlineRegions;

const ROOT_ORDER = ["L1", "L2", "L3", "L4", "L5", "S1", "S2", "S3", "S4"];

/** "L5 and S1" -> L5, S1; "L1-L4", "L4 to S1" -> every root between. */
function rootsIn(words: string): string[] {
  const out: string[] = [];
  const re = /([LS][1-5])(?:\s*(?:-|\u2013|to)\s*([LS][1-5]))?/gi;
  for (const m of words.matchAll(re)) {
    const a = ROOT_ORDER.indexOf((m[1] ?? "").toUpperCase());
    const b = m[2] ? ROOT_ORDER.indexOf(m[2].toUpperCase()) : a;
    if (a < 0 || b < 0) continue;
    for (let i = Math.min(a, b); i <= Math.max(a, b); i++) out.push(ROOT_ORDER[i] as string);
  }
  return [...new Set(out)];
}

const PAIN_AFTER = /^\s*(?:pain|ache|aching|discomfort|stiffness)\b/i;

const DERMATOME =
  /\b((?:L[1-5]|S[1-4])(?:\s*(?:,|and|or|&|\/|-)\s*(?:L[1-5]|S[1-4]))*)\s+(?:dermatom\w*|distribution|territor\w*|root distribution)/gi;

/**
 * The skin a dermatome phrase ("along the L5 dermatome") stands for: the regions where the root is
 * a major supply in the atlas and every dermatome map the atlas cites for the region names it,
 * keeping those on which at least three maps agree (fewer only when no region has three). Where the maps disagree (Lee, Keegan and Foerster
 * differ at the edges of every dermatome) the phrase is not taken to reach.
 */
export function dermatomeRegions(root: string): string[] {
  const candidates = getAtlas()
    .data.regions.filter((r) => !r.midline)
    .filter((r) => r.roots.some((s) => s.root === root && s.role === "major"))
    .filter(
      (r) => r.dermatomeViews.length > 0 && r.dermatomeViews.every((v) => v.roots.includes(root as never)),
    );
  for (const maps of [3, 2, 1]) {
    const agreed = candidates.filter((r) => r.dermatomeViews.length >= maps);
    if (agreed.length > 0) return agreed.map((r) => r.id);
  }
  return [];
}

type RegionMention = Mention & { expanded?: boolean; bothFeet?: boolean };

/**
 * Whole parts of the leg a sensory change covers, when the note says it is the whole
 * (ROUTINE_REGIONS): "both feet", "the whole R foot" are the foot's skin; "the distal third of the
 * leg" the leg below the knee all round; "below the knees" and "below mid-calf" both (a stocking
 * reaches up to the level written); "below the ankles" the foot; "at the knees" the front of the
 * knee, where vibration is tested. A bare "foot" ("numb foot", "lateral R foot") is not the whole.
 */
const WHOLE_PART =
  /\bbelow (?:the |both )?(?:knees?|mid[- ]?(?:calf|calves|shins?|legs?))\b|\bbelow (?:the |both )?(ankles?)\b|\b(?:(?:the\s+)?distal\s+(?:third|half)\s+of\s+(?:the\s+)?(?:(?:left|right|R|L)\s+)?(legs?)|(?:both|whole|entire)\s+(?:(?:left|right|R|L)\s+)?(foot|feet)|at\s+(?:the\s+|both\s+)?(knees))\b/gi;

function wholeParts(doc: Doc, u: { start: number; end: number }): RegionMention[] {
  const out: RegionMention[] = [];
  // Only in a sentence about the examined sensation: "numbness of both feet" is what the patient feels.
  const sentence = doc.unitAt(u.start);
  const stretch = sentence ? doc.text.slice(sentence.start, sentence.end) : "";
  if (
    !/\bsensation\b/i.test(stretch) &&
    !MODALITY.some(([re]) => re.test(stretch)) &&
    !abbreviatedModality(stretch)
  )
    return out;
  for (const m of matches(WHOLE_PART, doc.text, u)) {
    // "the dorsum of both feet", "the toes of both feet": the part named before is the skin.
    if (m[3] && /\b(?:of|on)\s+$/i.test(doc.text.slice(Math.max(u.start, m.index - 6), m.index))) continue;
    const ids = m[2]
      ? ROUTINE_REGIONS.leg
      : m[1] || m[3]
        ? ROUTINE_REGIONS.foot
        : m[4]
          ? ["knee_anterior"]
          : [...ROUTINE_REGIONS.leg, ...ROUTINE_REGIONS.foot];
    out.push({ start: m.index, end: m.index + m[0].length, ids: [...ids], kind: "region", expanded: true });
  }
  return out;
}

function regionMentions(doc: Doc, start: number, end: number): RegionMention[] {
  const out: RegionMention[] = [];
  const u = { start, end };
  for (const m of matches(CROSS, doc.text, u)) {
    const adjs = (m[1] ?? "").split(/\s*(?:,|\band\b|\bor\b|&)\s*/i).filter(Boolean);
    const parts = (m[2] ?? "").split(/\s*(?:,|\band\b|\bor\b|&)\s*(?:the\s+)?/i).filter(Boolean);
    const found: Mention[] = [];
    for (const p of parts)
      for (const a of adjs) {
        const single = p
          .replace(/(?<=[^s])s$/, "")
          .replace(/^calves$/, "calf")
          .replace(/^feet$/, "foot");
        const plain = ADJ_PLAIN[a.toLowerCase()] ?? a;
        const hit =
          doc.vocab.resolve(`${a} ${single}`, ["region"]) ??
          doc.vocab.resolve(`${a} aspect of the ${single}`, ["region"]) ??
          doc.vocab.resolve(`${plain} ${single}`, ["region"]) ??
          doc.vocab.resolve(`${plain} aspect of the ${single}`, ["region"]);
        if (hit) found.push({ ...hit, start: m.index, end: m.index + m[0].length });
        else {
          // "posterolateral thigh": the posterior and the lateral faces, when the atlas has no one region.
          const parts2 = /^(postero|antero)(lateral|medial)$/i.exec(a);
          if (parts2)
            for (const face of [
              parts2[1]?.toLowerCase() === "postero" ? "posterior" : "anterior",
              parts2[2] ?? "",
            ]) {
              const h = doc.vocab.resolve(`${face} ${single}`, ["region"]);
              if (h) found.push({ ...h, start: m.index, end: m.index + m[0].length });
            }
        }
      }
    if (found.length > 0) out.push(...found);
  }
  for (const m of matches(DERMATOME, doc.text, u)) {
    for (const root of rootsIn(m[1] ?? ""))
      for (const id of dermatomeRegions(root.toUpperCase()))
        out.push({ start: m.index, end: m.index + m[0].length, ids: [id], kind: "region", expanded: true });
  }
  for (const m of matches(STOCKING, doc.text, u))
    out.push({
      start: m.index,
      end: m.index + m[0].length,
      ids: [...ROUTINE_REGIONS.foot],
      kind: "region",
      expanded: true,
      bothFeet: true,
    });
  const all = doc.vocab.scan(doc.text, ["region"], start, end);
  // A whole part ("both feet", "below the knees") where no longer atlas phrase holds the place.
  for (const w of wholeParts(doc, u))
    if (!all.some((s) => s.start < w.end && w.start < s.end && s.end - s.start > w.end - w.start))
      out.push(w);
  const scanned = all.filter((s) => !out.some((c) => s.start < c.end && c.start < s.end));
  // "low back pain", "buttock ache", "groin pain": where a pain is, not skin that was examined.
  return [...out, ...scanned]
    .filter((r) => !PAIN_AFTER.test(doc.text.slice(r.end, Math.min(end, r.end + 14))))
    .sort((a, b) => a.start - b.start);
}

export function readSensory(doc: Doc): void {
  const pending: {
    span: [number, number];
    sides: ("left" | "right")[];
    inferred: boolean;
    modality?: SensoryFinding["modality"];
  }[] = [];
  for (const u of doc.patient) {
    if (u.row) continue;
    for (const m of [
      ...matches(GLOBAL_NORMAL, doc.text, u),
      ...[...matches(EXAM_LIST, doc.text, u)].filter((x) => /\bsens/i.test(x[0])),
      ...[...matches(OTHERWISE, doc.text, u)].filter((x) => afterSensoryWords(doc, u, x.index)),
    ]) {
      const end = m.index + m[0].length;
      if (pending.some((p) => p.span[0] < end && m.index < p.span[1])) continue;
      const s = statementAround(doc, u, m.index, end);
      const stretch = doc.text.slice(s.from, s.to);
      if (NOT_LEGS.test(stretch)) continue;
      if (regionMentions(doc, s.from, s.to).length > 0) continue;
      const modality = MODALITY.find(([re]) => re.test(stretch))?.[1];
      pending.push({
        span: [m.index, end],
        ...scopeSides(doc, u, m.index, end),
        ...(modality ? { modality } : {}),
      });
    }
  }
  for (const u of doc.patient) {
    if (u.row || !(SENSORY_CUE.test(u.text) || MODALITY_ABBREVIATION.test(u.text))) continue;
    // Each clause has its own change, skin and modality: "decreased LT over the foot; saddle
    // sensation intact" is a deficit of the foot and a normal saddle.
    let from = u.start;
    for (const m of matches(CLAUSE_END, doc.text, u)) {
      readClause(doc, u, from, m.index);
      from = m.index + m[0].length;
    }
    readClause(doc, u, from, u.end);
  }
  expandNormal(doc, pending);
}

/** Where a sensory statement ends inside a sentence (ConText's terminators that turn a sentence). */
const CLAUSE_END = /;|\b(?:but|however|whereas|while|except)\b/gi;

/**
 * "Sensation absent over the dorsum of the foot, reduced over the anterolateral leg": a list whose
 * items each carry their own change. An item starts at a comma or an "and" followed by a change
 * word and the skin it applies to ("absent at the toes and reduced at the knees"), or at a comma
 * followed by another modality and its change (", and joint position sense was impaired at ...").
 */
const LEADING_CHANGE =
  /^\s*(?:and\s+)?(absent|reduced|decreased|diminished|impaired|intact|normal|preserved|lost)\s+(?:to\s+\w+(?:\s+\w+)?\s+)?(?:over|in|at|on|along|below|above)\b/i;
const ITEM_START = new RegExp(
  `(?:,\\s*(?:and\\s+)?|\\s+and\\s+)(?=(?:absent|reduced|decreased|diminished|impaired|intact|normal|preserved|increased|lost)\\s+(?:to\\s+\\w+\\s+)?(?:over|in|at|on|along|below|above)\\b)|,\\s*(?:and\\s+)?(?=${MODALITY_WORDS}\\s+(?:(?:was|were|is|are)\\s+)?(?:absent|reduced|decreased|diminished|impaired|intact|normal|preserved|lost)\\b)`,
  "gi",
);

function readClause(doc: Doc, u: Unit, from: number, to: number): void {
  const text = doc.text.slice(from, to);
  // "...; intact over the medial leg": a clause of a sensory sentence that starts with its change.
  const continues = LEADING_CHANGE.test(text);
  if (!SENSORY_CUE.test(text) && !MODALITY_ABBREVIATION.test(text) && !continues) return;
  const items = [...matches(ITEM_START, doc.text, { start: from, end: to })];
  if (items.length === 0) {
    readItem(doc, u, from, to, undefined);
    return;
  }
  // The first item's modality holds for the items after it unless they name their own.
  const first = doc.text.slice(from, items[0]?.index ?? to);
  const modality = MODALITY.find(([re]) => re.test(first))?.[1] ?? abbreviatedModality(first);
  let start = from;
  for (const m of items) {
    readItem(doc, u, start, m.index, modality);
    start = m.index + m[0].length;
  }
  readItem(doc, u, start, to, modality);
}

function readItem(
  doc: Doc,
  u: Unit,
  from: number,
  to: number,
  inherited: SensoryFinding["modality"] | undefined,
): void {
  const text = doc.text.slice(from, to);
  let change: Change | undefined;
  let changeAt: [number, number] | undefined;
  const lead = LEADING_CHANGE.exec(text);
  if (lead && /^(intact|normal|preserved)$/i.test(lead[1] ?? "")) {
    change = "normal";
    const at = from + lead.index + lead[0].toLowerCase().indexOf((lead[1] ?? "").toLowerCase());
    changeAt = [at, at + (lead[1] ?? "").length];
  }
  for (const [re, c] of change ? [] : CHANGE) {
    const m = re.exec(text);
    if (m) {
      change = c;
      changeAt = [from + m.index, from + m.index + m[0].length];
      break;
    }
  }
  if (!change || !changeAt) return;
  const symptom = SYMPTOM_WORD.test(doc.text.slice(changeAt[0], changeAt[1]));
  // What the patient feels, told in the complaint, is a symptom (context), not an examination; so
  // is numbness that comes and goes: a deficit the examiner finds is there when examined.
  if (
    symptom &&
    (u.complaint || EPISODIC.test(doc.text.slice(Math.max(u.start, changeAt[0] - 30), changeAt[1])))
  )
    return;
  // "Numbness and tingling": the patient's paraesthesia, not a deficit found on examination.
  if (change === "reduced" && symptom && PARAESTHESIA.test(text)) change = "paresthesia";
  if (change !== "normal" && isNegated(doc.text, changeAt[0], changeAt[1], u.start, u.end)) {
    // "No numbness", "denies saddle numbness": a symptom denied (context), not a normal examination.
    if (symptom) return;
    change = "normal";
  }
  const modality = MODALITY.find(([re]) => re.test(text))?.[1] ?? abbreviatedModality(text) ?? inherited;
  const regions = regionMentions(doc, from, to);
  if (regions.length === 0) {
    if (change !== "normal") doc.leftover(changeAt[0], changeAt[1], "a sensory change without a skin region");
    return;
  }
  const head = regions[0]?.start ?? from;
  // "Symmetrical saddle anaesthesia": both sides, not the side the note is mostly about.
  const symmetric = /\bsymmetric\w*/i.test(text);
  for (const r of regions) {
    // The perineum, the genitals and the low back are midline: no side of their own to infer.
    const midline = r.ids.every((id) => MIDLINE_REGIONS.has(id));
    // "The dorsal feet", "the great toes", "the backs of the legs": a plural part is both legs.
    const plural = PLURAL_PART.test(doc.text.slice(r.start, r.end));
    const named = doc.side(u, r.start, r.end, {
      fallback: !r.bothFeet && !symmetric && !midline && !plural && change !== "normal",
      headStart: head,
    });
    // "Over the right thigh and in both feet": "both" in the region's own words is its side.
    const both = /^both\b/i.test(doc.text.slice(r.start, r.end));
    const { side, inferred } =
      both || ((r.bothFeet || symmetric || plural) && !named.side)
        ? { side: "bilateral" as const, inferred: false }
        : named;
    for (const id of r.ids) {
      const f: SensoryFinding = { kind: "sensory", region: id, change };
      if (side) f.side = side;
      if (modality) f.modality = modality;
      doc.add(f, [[r.start, r.end], changeAt], (r.expanded ? 0.6 : 0.85) - (inferred ? 0.25 : 0));
    }
  }
}

/**
 * "Sensation was normal", "sensation otherwise intact": a v1.1 `others` finding (every skin region
 * not named elsewhere in the case, on this side) on the sides the statement reaches (scope.ts);
 * regions the note describes itself keep their own reading.
 */
function expandNormal(
  doc: Doc,
  pending: {
    span: [number, number];
    sides: ("left" | "right")[];
    inferred: boolean;
    modality?: SensoryFinding["modality"];
  }[],
): void {
  for (const p of pending)
    for (const side of othersSides(p.sides)) {
      const f: SensoryFinding = { kind: "sensory", region: OTHERS, change: "normal", side };
      if (p.modality) f.modality = p.modality;
      doc.add(f, [p.span], p.inferred ? 0.4 : 0.5);
    }
}
