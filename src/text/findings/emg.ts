/**
 * Needle EMG: what a sentence says ("active denervation potentials", "fibrillations and positive
 * sharp waves", "no MUAP", "reduced recruitment", "increased insertional activity") applied to
 * the muscles it lists, with one side for the list; table rows read cell by cell; paraspinals by
 * level ("left paraspinalis around the L5 and S1 levels", "L4/5, L5/S1 PVMs"). A group word
 * ("adductor compartment") stands for the group's commonly needled muscles.
 */
import { getAtlas } from "../../atlas/index.js";
import type { EmgFinding } from "../../case/schema.js";
import { type Doc, matches } from "../doc.js";
import { PARASPINAL_NOUNS } from "../phrases.js";
import type { Unit } from "../sentences.js";
import { NORMAL_NEEDLE } from "../sources.js";
import type { Mention } from "../vocabulary.js";
import { labelledCells } from "./emg-table.js";
import { paraspinalIds, readRow } from "./tables.js";

const CUE =
  /\b(EMG|electromyograph\w*|needle|denervation|neurogenic changes|fibrillations?|fibs|positive sharp|PSWs?|MUAPs?|MUPs?|motor unit|recruitment|CRDs?|complex repetitive|myokymi\w*|fasciculation potentials|insertional)\b/i;

type Features = Omit<EmgFinding, "kind" | "muscle" | "side">;

/**
 * Denervation as the AANEM-IFCN glossary means it (Dengler 2020; Ginsberg 2020's glossary): active,
 * acute or ongoing denervation ("denervation potentials", "denervation changes", "acute neurogenic
 * changes") is fibrillation potentials and positive sharp waves; chronic denervation, chronic
 * neurogenic changes and reinnervation are changes of the motor units (large, long, polyphasic,
 * with reduced recruitment). "Acute-on-chronic" and "active and chronic" are both.
 */
const CHRONIC =
  /\bchronic\s+(?:partial\s+)?(?:denervation|neurogenic|reinnervation)(?:\s+(?:changes?|features|pattern))?/gi;
const ACTIVE =
  /\b(?:active|acute|ongoing|subacute)(?:[\s-]+(?:and|on|or|&|\/)[\s-]+chronic)?\s+(?:denervation|neurogenic\s+changes?)/gi;
const CHRONIC_ONE = new RegExp(CHRONIC.source, "i");
const ACTIVE_ONE = new RegExp(ACTIVE.source, "i");
const NO_SPONTANEOUS =
  /\b(?:no|without)\s+(?:(?:evidence|signs?)\s+of\s+)?(?:(?:abnormal|active|acute|ongoing|current)\s+)?(?:spontaneous|fibrillation|denervation)/i;

function features(t: string): Features {
  const f: Features = {};
  const chronic = CHRONIC_ONE.test(t);
  const active = ACTIVE_ONE.test(t);
  // What is left once the phrases of active and chronic denervation are read.
  const rest = chronic || active ? t.replace(ACTIVE, " ").replace(CHRONIC, " ") : t;
  if (NO_SPONTANEOUS.test(t)) f.spontaneous = "none";
  else if (
    active ||
    /denervation|fibrillat\w*|positive sharp|\bPSWs?\b|\bfibs\b|spontaneous activity|F&P/i.test(rest)
  )
    f.spontaneous = "fibrillations";
  else if (/\bCRDs?\b|complex repetitive/i.test(t)) f.spontaneous = "crd";
  else if (/myokymi/i.test(t) && !/\bno myokymi/i.test(t)) f.spontaneous = "myokymia";
  else if (/fasciculation potentials/i.test(t)) f.spontaneous = "fasciculations";
  const ins = /\b(increased|decreased|reduced|normal) insertional/i.exec(t);
  if (ins) {
    const w = (ins[1] ?? "").toLowerCase();
    f.insertional = w === "increased" ? "increased" : w === "normal" ? "normal" : "reduced";
  }
  if (/\bno (motor unit( action)? potentials?|MUAPs?|MUPs?|motor units?|voluntary)/i.test(t)) {
    f.muap = "none";
    f.recruitment = "none";
  } else if (
    // Short and small units are myopathic, polyphasic or not ("short-duration low-amplitude
    // polyphasic MUAPs"); polyphasia alone says neither (Preston & Shapiro 2020). "Units" alone
    // are motor units, as reports shorten them ("reduced recruitment of large units").
    /(short[- ]duration|small|low[- ]amplitude|myopathic)[\s,-]*(\w+[\s,-]+){0,3}(MUAPs?|MUPs?|(?:motor )?units?|potentials)/i.test(
      t,
    )
  )
    f.muap = "myopathic";
  else if (
    chronic ||
    /(large|long[- ]duration|polyphasic|high[- ]amplitude|neurogenic|reinnervat\w*)[\s,]*(\w+[\s,]+){0,3}(MUAPs?|MUPs?|(?:motor )?units?|potentials)|reinnervation/i.test(
      rest,
    )
  )
    f.muap = "neurogenic";
  else if (/\bneurogenic (?:changes?|pattern|features|findings)\b/i.test(rest)) f.muap = "neurogenic";
  else if (
    /(small|short[- ]duration|myopathic)\s*(\w+\s+){0,3}(MUAPs?|MUPs?|(?:motor )?units?|potentials)/i.test(t)
  )
    f.muap = "myopathic";
  else if (/normal (MUAPs?|MUPs?|motor units?)/i.test(t)) f.muap = "normal";
  if (!f.recruitment) {
    if (/(reduced|decreased|poor) recruitment|recruitment (was |is )?(reduced|decreased)/i.test(t))
      f.recruitment = "reduced";
    else if (/early recruitment/i.test(t)) f.recruitment = "early";
    else if (/discrete|single (unit|MUAP)/i.test(t)) f.recruitment = "discrete";
  }
  return f;
}

/** Group words in an EMG report stand for the muscles of the group that are needled. */
function needled(m: Mention): string[] {
  if (!m.group) return m.ids;
  const atlas = getAtlas();
  const common = m.ids.filter((id) => atlas.muscle(id)?.commonlyNeedled);
  return common.length > 0 ? common : m.ids;
}

function paraspinalMentions(doc: Doc, u: Unit): Mention[] {
  const out: Mention[] = [];
  const noun = new RegExp(PARASPINAL_NOUNS.source, "gi");
  for (const m of matches(noun, doc.text, u)) {
    const before = doc.text.slice(Math.max(u.start, m.index - 30), m.index);
    const after = doc.text.slice(m.index + m[0].length, Math.min(u.end, m.index + m[0].length + 40));
    const pre = /((?:(?:T1[0-2]|L[1-5]|S[1-4])(?:\s*[-/]\s*(?:L?[1-5]|S?[1-4]))?\s*(?:,|and|&)?\s*)+)$/i.exec(
      before,
    );
    const post =
      /^\s*(?:muscles?\s*)?(?:around|at|of|from)\s+(?:the\s+)?((?:(?:T1[0-2]|L[1-5]|S[1-4])\s*(?:,|and|&|to|-)?\s*)+)(?:levels?)?/i.exec(
        after,
      );
    const levels = pre?.[1] ?? post?.[1];
    if (!levels) {
      doc.leftover(m.index, m.index + m[0].length, "paraspinal muscles without a level");
      continue;
    }
    const { ids, unknown } = paraspinalIds(levels);
    const start = pre ? m.index - (pre[1] ?? "").length : m.index;
    const end = post ? m.index + m[0].length + post[0].length : m.index + m[0].length;
    for (const level of unknown) doc.leftover(start, end, `paraspinal level ${level} is not in the atlas`);
    if (ids.length) out.push({ start, end, ids, kind: "muscle" });
  }
  return out;
}

/** Needle EMG in prose and in tables without a header; `done` are rows a header table has read. */
export function readEmg(doc: Doc, done: ReadonlySet<Unit> = new Set()): void {
  let tableSide: "left" | "right" | undefined;
  // Where the last sentence of a needle examination ended (the next must follow it in its paragraph).
  let needleEnd = -2;
  for (const u of doc.patient) {
    if (done.has(u)) continue;
    if (!u.row) {
      const lone = /^(left|right)(?: side)?$/i.exec(u.text.trim());
      if (lone) tableSide = (lone[1] ?? "").toLowerCase() as "left" | "right";
      else if (u.caption && /\b(EMG|electromyograph)/i.test(u.text)) {
        const s = /\b(left|right)\b/i.exec(u.text);
        tableSide = s ? ((s[1] ?? "").toLowerCase() as "left" | "right") : undefined;
      } else if (/[.!?]$/.test(u.text) && !u.caption) tableSide = undefined;
    }
    if (u.row) {
      readEmgRow(doc, u, tableSide);
      continue;
    }
    const labelled = muscleLabel(doc, u);
    const carried =
      u.start - needleEnd <= 1 &&
      !NOT_NEEDLE.test(u.text) &&
      (labelled || ((CARRIED.test(u.text) || TERSE_NORMAL.test(u.text)) && !LABEL.test(u.text)));
    if (!CUE.test(u.text) && !carried) {
      needleEnd = -2;
      continue;
    }
    let needle = carried;
    // "Abductor hallucis: fibrillations (1+); large motor units, reduced recruitment": the muscle
    // that labels a line is the subject of the whole line, past its ";".
    for (const c of labelled ? [{ start: u.start, end: u.end }] : clauses(doc, u)) {
      needle ||= CUE.test(doc.text.slice(c.start, c.end));
      if (needle) readEmgClause(doc, u, c);
    }
    needleEnd = needle ? u.end : -2;
  }
}

/**
 * A sentence right after a needle examination's, in its paragraph (no blank line or label between), that calls a list of muscles
 * normal without naming the test again ("EMG (right): TA fibrillations 2+. Biceps femoris and the
 * S1 paraspinals were normal.") continues that examination; one about strength, tone, reflexes or
 * sensation does not.
 */
const CARRIED =
  /\b(?:(?:were|are|was|is)\s+(?:all\s+)?(?:also\s+)?(?:normal|unremarkable|spared)|as\s+(?:are|were)\b)/i;
const LABEL = /^\s*[A-Za-z][A-Za-z /&()]{1,30}:/;
/** A terse note drops the verb: "R TA and R med gastroc normal." */
const TERSE_NORMAL = /\b(?:normal|unremarkable)\s*\.?\s*$/i;

/**
 * A line labelled with a muscle, as needle reports list them ("Abductor hallucis: fibrillations
 * (1+); large motor units", "Extensor digitorum brevis: normal."): the label names one muscle,
 * with at most a side or a qualifier in brackets beside it.
 */
function muscleLabel(doc: Doc, u: Unit): boolean {
  const m = LABEL.exec(u.text);
  if (!m) return false;
  const label = m[0].slice(0, -1);
  const muscle = doc.vocab.leading(label, ["muscle"]);
  if (!muscle) return false;
  return /^[\s)]*(?:\([^)]*\))?[\s)]*$/.test(label.slice(muscle.end));
}
const NOT_NEEDLE =
  /\b(power|strength|MRC|\d\s*\/\s*5|tone|bulk|wast\w*|reflex\w*|jerks?|sensation|sensory|touch|pinprick|vibration|tender\w*|CMAPs?|SNAPs?|conduction|MRI|CT|X-?ray)\b/i;

/**
 * The clauses of a sentence, each with its own findings: "fibrillations in the TA; TP normal",
 * "denervation in the TA but not in the gastrocnemius". A clause is cut at ";" and at the words
 * that turn a sentence (ConText's terminators).
 */
function clauses(doc: Doc, u: Unit): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const cut = /;|\b(?:but|however|whereas|while|except)\b/gi;
  let s = u.start;
  for (const m of matches(cut, doc.text, u)) {
    out.push({ start: s, end: m.index });
    s = m.index + m[0].length;
  }
  out.push({ start: s, end: u.end });
  return out;
}

/**
 * A muscle called normal on needle examination is normal in each part of it: insertional activity,
 * no spontaneous activity at rest, normal motor unit potentials and recruitment (NORMAL_NEEDLE).
 */
const NORMAL_MUSCLE: Features = { ...NORMAL_NEEDLE.fields };

/** Paraspinal muscles are examined at rest only: no motor units or recruitment are read for them. */
function atRestOnly(id: string, f: Features): Features {
  if (!NORMAL_NEEDLE.restOnly.some((p) => id.startsWith(`${p}_`))) return f;
  const { muap: _m, recruitment: _r, ...rest } = f;
  return rest;
}

/** "Quiet", "normal", "silent": a muscle at rest without spontaneous activity. */
const AT_REST_NORMAL =
  /^\s*:?\s*(?:(?:was|were|is|are)\s+)?(?:normal|quiet|silent|unremarkable|spared|clean)\b/i;

/**
 * A muscle named as the recording site of a conduction study ("peroneal CMAP recording EDB",
 * "tibial motor (AH)", "Peroneal - EDB") is not a needled muscle.
 */
function recordingSite(doc: Doc, from: number, m: Mention): boolean {
  const before = doc.text.slice(Math.max(from, m.start - 40), m.start);
  const after = doc.text.slice(m.end, m.end + 12);
  return (
    /\b(?:record\w*|rec\.?|recording site)\s*(?:from|at|over|:)?\s*(?:the\s+)?$/i.test(before) ||
    /\b(?:peroneal|fibular|tibial|motor|CMAPs?)\s*(?:motor\s*)?(?:[-\u2013(:/]|to|at)\s*$/i.test(before) ||
    /^\s*(?:CMAPs?|\)\s*(?:CMAP|amplitude|latency|\d))/i.test(after) ||
    // "normal peroneal and tibial motor responses": a nerve, not the peroneus muscles.
    /^\s*(?:(?:and|or|&)\s+\w+\s+)?(?:motor|sensory|nerves?|CMAPs?|SNAPs?|F[- ]?waves?|H[- ]?reflex\w*|responses?|conductions?|studies)\b/i.test(
      doc.text.slice(m.end, m.end + 30),
    )
  );
}

/**
 * A table flattened into prose ("TA incr 2+ 2+ reduced, gastroc nl 0 0 full"): each muscle has
 * its own cells up to the next muscle. When at least two muscles carry their own findings, each
 * is read from its own stretch only; otherwise undefined and the clause's findings hold for all.
 */
function ownCells(doc: Doc, all: Mention[], end: number): (Features | undefined)[] | undefined {
  const own = all.map((m, i) => {
    const stretch = doc.text.slice(m.end, all[i + 1]?.start ?? end);
    const labelled = labelledCells(stretch);
    if (labelled) return labelled;
    const f = features(stretch);
    if (Object.keys(f).length > 0) return f;
    if (AT_REST_NORMAL.test(stretch) || /^\s*[:,-]?\s*(?:nl|normal|0)\b/i.test(stretch)) return NORMAL_MUSCLE;
    return undefined;
  });
  // One muscle with its own labelled cells ("TP: IA nl, Fibs 0, PSW 0") is read by them too.
  if (all.length === 1 && labelledCells(doc.text.slice(all[0]?.end ?? end, end))) return own;
  return own.filter(Boolean).length >= 2 ? own : undefined;
}

function readEmgClause(doc: Doc, u: Unit, c: { start: number; end: number }): void {
  const text = doc.text.slice(c.start, c.end);
  const f = features(text);
  const para = paraspinalMentions(doc, { ...u, start: c.start, end: c.end });
  const muscles = doc.vocab
    .scan(doc.text, ["muscle"], c.start, c.end)
    .filter((m) => !para.some((p) => m.start < p.end && p.start < m.end));
  const all = [...para, ...muscles]
    .filter((m) => !recordingSite(doc, c.start, m))
    .sort((a, b) => a.start - b.start);
  if (all.length === 0) return;
  const perMuscle = ownCells(doc, all, c.end);
  const quietAfter = AT_REST_NORMAL.test(doc.text.slice(all[all.length - 1]?.end ?? c.end, c.end));
  if (Object.keys(f).length === 0 && !quietAfter && !/\b(normal|quiet|silent)\b/i.test(text)) return;
  const head = all[0]?.start ?? c.start;
  if (!perMuscle) {
    // Items of the list that name no muscle Locus knows ("erector spinae") are reported, not lost.
    const lastEnd = all[all.length - 1]?.end ?? c.end;
    const tail = /^\s*(?:,|\band\b)[^.;:()]*/.exec(doc.text.slice(lastEnd, c.end))?.[0] ?? "";
    const bounds = [
      ...all.map((m) => [m.start, m.end] as const),
      [lastEnd + tail.length, lastEnd + tail.length] as const,
    ];
    for (let i = 1; i < bounds.length; i++) {
      const gapStart = (bounds[i - 1] as readonly [number, number])[1];
      const gap = doc.text
        .slice(gapStart, (bounds[i] as readonly [number, number])[0])
        .replace(/\s+muscles?\s*$/i, "");
      let offset = gapStart;
      for (const item of gap.split(/(,|\band\b)/)) {
        const words = item
          .trim()
          .split(/\s+/)
          .filter((w) => /^[A-Za-z]{3,}$/.test(w));
        const trimmed = item.trim();
        if (
          words.length >= 1 &&
          words.length <= 3 &&
          !/^(?:the|and|in|of|with|muscles?|left|right|both)$/i.test(trimmed)
        ) {
          const at = offset + item.indexOf(trimmed);
          doc.leftover(at, at + trimmed.length, "a muscle Locus does not know");
        }
        offset += item.length;
      }
    }
  }
  const normals = normalMuscles(doc, all, c, Object.keys(f).length === 0 && quietAfter);
  all.forEach((m, i) => {
    const trail = doc.text.slice(m.end, all[i + 1]?.start ?? c.end);
    const normal = normals[i];
    const cellsOf = perMuscle?.[i];
    let own: Features = { ...(cellsOf ?? (normal ? NORMAL_MUSCLE : f)) };
    if ((perMuscle && !cellsOf) || Object.keys(own).length === 0) return;
    // "Quiet", "silent": at rest only, nothing said of the motor units.
    if (/^\s*(?:(?:was|were|is|are)\s+)?(?:quiet|silent)\b/i.test(trail)) own = { spontaneous: "none" };
    // "the right TA, right medial gastrocnemius, left vastus lateralis": an item's own side first.
    const lead = doc.text.slice(all[i - 1]?.end ?? c.start, m.start);
    const mine = i > 0 ? ITEM_SIDE.exec(lead)?.[1]?.toLowerCase() : undefined;
    const { side, inferred } = mine
      ? { side: mine === "left" ? ("left" as const) : ("right" as const), inferred: false }
      : doc.side(u, m.start, m.end, { headStart: head, fallback: true });
    for (const id of needled(m)) {
      const e: EmgFinding = { kind: "emg", muscle: id, ...atRestOnly(id, own) };
      if (side) e.side = side;
      doc.add(e, [[m.start, m.end]], 0.85 - (inferred ? 0.25 : 0) - (m.group ? 0.15 : 0));
    }
  });
}

/**
 * Which muscles of a clause are called normal: "... with normal tibialis anterior", "TP normal",
 * "paraspinals quiet", every muscle of a list the clause calls normal at its end (`all`), the items
 * of a list joined by commas and "and" to a normal one ("gluteus maximus, TA and VL are normal"),
 * and those it adds with "as are" ("..., as are the L5 and S1 paraspinals").
 */
function normalMuscles(
  doc: Doc,
  all: Mention[],
  c: { start: number; end: number },
  whole: boolean,
): boolean[] {
  const lead = (i: number) => doc.text.slice(all[i - 1]?.end ?? c.start, all[i]?.start ?? c.end);
  const trail = (i: number) => doc.text.slice(all[i]?.end ?? c.end, all[i + 1]?.start ?? c.end);
  const out = all.map(
    (_, i) => whole || /\b(normal|spared|unremarkable)\s*$/i.test(lead(i)) || AT_REST_NORMAL.test(trail(i)),
  );
  for (let i = all.length - 2; i >= 0; i--)
    if (!out[i] && out[i + 1] && LIST_JOIN.test(trail(i))) out[i] = true;
  for (let i = 1; i < all.length; i++)
    if (
      !out[i] &&
      out[i - 1] &&
      /\bas\s+(?:are|is|were|was)\s+(?:the\s+)?(?:(?:left|right)\s+)?$/i.test(lead(i))
    )
      out[i] = true;
  return out;
}

/** A side that opens one item of a list of muscles: ", left vastus lateralis". */
const ITEM_SIDE = /(?:^|,|\band\b|&)\s*(?:the\s+)?(left|right)\s+$/i;

/** What joins the items of one list: a comma, "and", "&", or both. */
const LIST_JOIN = /^\s*(?:,\s*(?:and\s+|&\s+)?|and\s+|&\s+)(?:the\s+)?$/i;

function readEmgRow(doc: Doc, u: Unit, tableSide: "left" | "right" | undefined): void {
  const row = readRow(u.text, doc.vocab);
  if (row?.kind !== "emg") return;
  for (const level of row.unknown)
    doc.leftover(u.start, u.start + row.nameEnd, `paraspinal level ${level} is not in the atlas`);
  const f: Features = {};
  const cs = row.cells.map((c) => c.toLowerCase().replace(/\s+/g, " "));
  cs.forEach((c, i) => {
    const last = i === cs.length - 1 && i > 0;
    if (/^f ?& ?p|^fibs?|^fibrillation|^psw|^positive sharp/.test(c)) {
      f.spontaneous = "fibrillations";
      const plus = (c.match(/\+/g) ?? []).length;
      if (plus >= 1 && plus <= 4) f.grade = plus;
    } else if (/^crd/.test(c)) f.spontaneous = "crd";
    else if (/^myokym/.test(c)) f.spontaneous = "myokymia";
    else if (/^fasc/.test(c)) f.spontaneous = "fasciculations";
    else if (/^no (muap|mup|unit)/.test(c)) {
      f.muap = "none";
      f.recruitment = "none";
    } else if (/polys?|polyphasic|large|long|high|neurogenic/.test(c)) f.muap = "neurogenic";
    else if (/small|short|brief|myopathic/.test(c)) f.muap = "myopathic";
    else if (/^(single|discrete)$/.test(c)) f.recruitment = "discrete";
    else if (/^(complete|full)$/.test(c)) f.recruitment = "normal";
    else if (c === "early") f.recruitment = "early";
    else if (/^[-\u2013\u2014]$|^none$|^nil$|^0$/.test(c)) {
      if (f.spontaneous === undefined) f.spontaneous = "none";
    } else if (/^(normal|nl|increased|inc\.?|decreased|dec\.?|reduced|red\.?)$/.test(c)) {
      const v = /^n/.test(c) ? "normal" : /^inc/.test(c) ? "increased" : "reduced";
      if (i === 0) f.insertional = v;
      else if (last && f.recruitment === undefined)
        f.recruitment = v === "increased" ? "early" : v === "normal" ? "normal" : "reduced";
      else if (v === "normal" && f.muap === undefined) f.muap = "normal";
    }
  });
  const { side, inferred } = tableSide
    ? { side: tableSide, inferred: false }
    : doc.side(u, u.start, u.start + row.nameEnd, { fallback: true });
  for (const id of row.ids) {
    const e: EmgFinding = { kind: "emg", muscle: id, ...f };
    if (side) e.side = side;
    doc.add(e, [[u.start, u.end]], 0.85 - (inferred ? 0.2 : 0));
  }
}
