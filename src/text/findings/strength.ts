/**
 * Strength: MRC grades paired with the movements or muscles they grade, in prose ("weakness with
 * left hip flexion (MRC Grade 4)", "0 in both flexors and extensors of the right ankle and toes
 * and poor in the knee flexors") and in tables ("Hip abductor 2 2+"); "weakness of X" without a
 * grade is "weak"; "strength was normal" and "power normal throughout" are read as grade 5 for the
 * routine movements, "power otherwise normal" for the key movements and "normal in the other limbs"
 * for the movements graded on the other side, leaving out what the note grades itself.
 */
import { getAtlas } from "../../atlas/index.js";
import { OTHERS, type StrengthFinding } from "../../case/schema.js";
import { type Doc, matches } from "../doc.js";
import { clauseAround, opposite, type Side } from "../laterality.js";
import { gradesIn } from "../mrc.js";
import { isNegated } from "../negation.js";
import { EXAM_LIST, othersSides, scopeSides } from "../scope.js";
import type { Unit } from "../sentences.js";
import { JOINT_MOVEMENTS } from "../sources.js";
import type { Mention } from "../vocabulary.js";
import { readRow } from "./tables.js";

const CUE =
  /\b(weak(ness)?|power|strength|MRC|Medical Research Council|grade|paresis|plegia|paralys[ie]s|motor (function|strength|power|exam|deficits?)|[0-5][+-]?\/5)\b/i;
const STRONG =
  /\b(normal (strength|power)|(strength|power) (was |were |is )?(normal|full|preserved|intact)|full strength|full power|(were|was) strong|5\/5)\b/i;
const WEAK =
  /\b(weak(ness|ened)?|paresis|paretic|(?:strength|power) (?:was |were |is |are )?(?:reduced|decreased|diminished|impaired))\b/i;
const ACTIONS = "flexors?|extensors?|flexion|extension|dorsiflexors?|plantar ?flexors?|abductors?|adductors?";
const JOINTS = "ankles?|toes?|knees?|hips?|great toes?|big toes?|foot|feet";
const CROSS = new RegExp(
  `\\b((?:${ACTIONS})(?:\\s*(?:,|and|or|&)\\s*(?:the\\s+)?(?:${ACTIONS}))*)\\s+of\\s+(?:the\\s+)?(?:(?:left|right|both)\\s+)?((?:${JOINTS})(?:\\s*(?:,|and|or|&)\\s*(?:the\\s+)?(?:${JOINTS}))*)`,
  "gi",
);
/** "toe and foot dorsiflexors": two joints, one action. */
const COMPOUND = new RegExp(
  `\\b((?:${JOINTS})(?:\\s*(?:,|and|or|&)\\s*(?:the\\s+)?(?:${JOINTS}))+)\\s+(${ACTIONS})\\b`,
  "gi",
);
const NORMAL_ALL =
  /\b(power|strength|motor (?:strength|power|function|exam(?:ination)?)|muscle strength)\b[^.;]{0,50}?\b(normal|full|intact|preserved|5\/5)\b[^.;]{0,40}?\b(throughout|in all (?:four )?(?:limbs|extremities)|in both (?:lower )?(?:limbs|legs|lower extremities)|bilaterally|in all (?:major )?(?:leg |lower[- ]limb |lower[- ]extremity )?(?:muscle groups|muscles|myotomes)|in the (?:other|opposite|contralateral) (?:limbs?|legs?|lower limb|side|lower extremity)|on the (?:other|opposite|contralateral) side|elsewhere)/gi;

/** "Strength was normal.", "no muscle weakness could be demonstrated": normal throughout. */
const PLAIN_NORMAL =
  /\b(?:(power|strength|motor (?:strength|power|exam(?:ination)?)|muscle strength)\s+(?:was|is|were)\s+(normal|full|intact|5\/5)(?=\s*(?:[.;]|$|and\b|throughout|,|apart from\b|except\b|other than\b|save for\b|aside from\b))|no (?:muscle |motor |focal |objective )?weakness (?:could be|was|were|is|on examination)\s*(?:demonstrated|found|detected|elicited|present)?|no (?:focal |objective )?motor deficits?|(?:examination|exam) (?:found|showed|revealed|demonstrated) no (?:muscle |motor |focal )?weakness|full (?:strength|power)(?= throughout| in (?:all|both)| bilaterally|\s*[.;])|(?<![0-9/.])5\/5 (?:throughout|globally|in all (?:muscle )?groups|all groups))()/gi;

/** "power otherwise normal", "strength was otherwise full". */
const OTHERWISE_NORMAL =
  /\b(power|strength|motor (?:strength|power|exam(?:ination)?)|muscle strength)\b\s+(?:(?:was|is|were)\s+)?otherwise\s+(normal|full|intact|5\/5)()/gi;

interface Pending {
  sides: Side[];
  mirror: boolean;
  otherwise: boolean;
  /** A statement about the whole motor examination, with no exception: the routine movements. */
  routine?: { sides: ("left" | "right")[]; inferred: boolean };
  span: [number, number];
}

/** A strength label: "Right leg strength:", "Power (MRC):", "MRC -". */
const LABELLED = /\b(?:strength|power|MRC|motor(?: exam(?:ination)?)?)\b[^:.;]{0,12}[:\u2013-]/i;

/** After a statement: "..., except for", "apart from", "other than", "but": an exception follows. */
const EXCEPTION_AFTER = /^\s*,?\s*(?:except|apart from|other than|but|save|aside from)\b/i;

function movementMentions(doc: Doc, u: Unit): Mention[] {
  const crossed: Mention[] = [];
  for (const m of matches(CROSS, doc.text, u)) {
    const actions = (m[1] ?? "").split(/\s*(?:,|\band\b|\bor\b|&)\s*(?:the\s+)?/i).filter(Boolean);
    const joints = (m[2] ?? "").split(/\s*(?:,|\band\b|\bor\b|&)\s*(?:the\s+)?/i).filter(Boolean);
    for (const j of joints)
      for (const a of actions) {
        const hit =
          doc.vocab.resolve(`${j.replace(/s$/, "")} ${a}`, ["movement"]) ??
          doc.vocab.resolve(`${a} of the ${j.replace(/s$/, "")}`, ["movement"]);
        if (hit) crossed.push({ ...hit, start: m.index, end: m.index + m[0].length });
      }
  }
  for (const m of matches(COMPOUND, doc.text, u)) {
    const joints = (m[1] ?? "").split(/\s*(?:,|\band\b|\bor\b|&)\s*(?:the\s+)?/i).filter(Boolean);
    for (const j of joints) {
      const joint = j.replace(/^feet$/i, "foot").replace(/(?<=[^s])s$/, "");
      const hit = doc.vocab.resolve(`${joint} ${m[2] ?? ""}`, ["movement"]);
      if (hit) crossed.push({ ...hit, start: m.index, end: m.index + m[0].length });
    }
  }
  const scanned = doc.vocab
    .scan(doc.text, ["movement", "muscle"], u.start, u.end)
    .filter((s) => !crossed.some((c) => s.start < c.end && c.start < s.end));
  const found = [...crossed, ...scanned];
  // "hip 3/5, knee 3/5", "4-/5 at the left knee": a joint graded as a whole.
  for (const m of matches(JOINT, doc.text, u)) {
    const start = m.index;
    const end = start + m[0].length;
    if (found.some((f) => start < f.end && f.start < end)) continue;
    const after = doc.text.slice(end, Math.min(u.end, end + 10));
    const before = doc.text.slice(Math.max(u.start, start - 40), start);
    if (
      !/^\s*[:=]?\s*[0-5][+-]?(?:\s*\/\s*5)?(?![0-9])/.test(after) &&
      !/[0-5][+-]?\s*\/\s*5\s+at\s+(?:the\s+)?(?:(?:left|right)\s+)?(?:(?:hip|knee|ankle)\s*(?:,|and)\s*(?:the\s+)?)*$/i.test(
        before,
      )
    )
      continue;
    const ids = JOINT_MOVEMENTS.joints[(m[1] ?? "").toLowerCase() as keyof typeof JOINT_MOVEMENTS.joints];
    if (ids) found.push({ start, end, ids: [...ids], kind: "movement" });
  }
  return found.sort((a, b) => a.start - b.start);
}

const JOINT =
  /\b(hip|knee|ankle)\b(?!\s*(?:flex|ext|dorsi|plantar|abd|add|inv|ev|jerk|reflex|joint|pain|replacement|surgery|arthro))/gi;

export function readStrength(doc: Doc): void {
  const pending: Pending[] = [];
  for (const u of doc.patient) {
    if (u.row) {
      readStrengthRow(doc, u);
      continue;
    }
    if (!CUE.test(u.text) && !/\bweakness\b/i.test(u.text)) continue;
    for (const m of [
      ...matches(NORMAL_ALL, doc.text, u),
      ...matches(OTHERWISE_NORMAL, doc.text, u),
      ...matches(PLAIN_NORMAL, doc.text, u),
      ...[...matches(EXAM_LIST, doc.text, u)].filter((m) => /\b(strength|power)\b/i.test(m[0])),
    ]) {
      if (pending.some((p) => p.span[0] < m.index + m[0].length && m.index < p.span[1])) continue;
      // "Arm strength was 5/5" speaks of the arms.
      if (
        /\b(arms?|upper (limbs?|extremit\w*)|hands?|grip|fingers?|neck)\s*$/i.test(
          doc.text.slice(Math.max(u.start, m.index - 20), m.index),
        )
      )
        continue;
      const where = (m[3] ?? "").toLowerCase();
      const other = /other|opposite|contralateral/.test(where);
      // Only a side written in its own clause: "power otherwise normal" after left-sided grades means both legs.
      const clause = clauseAround(doc.text, m.index, u.start, u.end);
      // The exception's side ("normal apart from weakness of right ankle plantarflexion") is not the statement's.
      const exception = EXCEPTION_AFTER.exec(doc.text.slice(m.index + m[0].length, u.end));
      const to = exception ? Math.min(clause.to, m.index + m[0].length + exception.index) : clause.to;
      const inClause = doc.sides(u).filter((x) => !x.reference && x.start >= clause.from && x.end <= to);
      const named = inClause.length === 1 ? inClause[0]?.side : undefined;
      const sides: Side[] = other ? [] : named === "left" || named === "right" ? [named] : ["left", "right"];
      const end = m.index + m[0].length;
      const otherwise =
        /otherwise|elsewhere/i.test(u.text) || EXCEPTION_AFTER.test(doc.text.slice(end, u.end));
      pending.push({
        sides,
        mirror: other,
        otherwise,
        ...(other || otherwise ? {} : { routine: scopeSides(doc, u, m.index, end) }),
        span: [m.index, end],
      });
    }
    const mentions = movementMentions(doc, u).filter(
      (m) => !pending.some((p) => m.start >= p.span[0] && m.end <= p.span[1]),
    );
    if (mentions.length === 0) {
      for (const g of gradesIn(doc.text, u.start, u.end))
        if (/\b(MRC|grade|power|strength)\b/i.test(doc.text.slice(g.start, g.end)))
          doc.leftover(g.start, g.end, "an MRC grade without a movement or muscle");
      continue;
    }
    const grades = gradesIn(doc.text, u.start, u.end).filter(
      (g) => !mentions.some((m) => g.start >= m.start && g.end <= m.end),
    );
    const assigned = new Map<Mention, { mrc: string; at: [number, number] }>();
    grades.forEach((g, gi) => {
      if (g.forward) {
        const next = grades[gi + 1]?.start ?? u.end;
        for (const m of mentions)
          if (m.start >= g.end && m.start < next && !assigned.has(m))
            assigned.set(m, { mrc: g.mrc, at: [g.start, g.end] });
      } else {
        const prev = grades[gi - 1]?.end ?? u.start;
        for (const m of mentions)
          if (m.end <= g.start && m.start >= prev && !assigned.has(m))
            assigned.set(m, { mrc: g.mrc, at: [g.start, g.end] });
      }
    });
    // "Right leg strength: tibialis anterior 1, extensor hallucis longus 2, eversion 2": under a
    // strength label, a bare number right after a muscle or movement is its grade.
    if (LABELLED.test(u.text))
      for (const m of mentions) {
        if (assigned.has(m)) continue;
        const bare = /^\s*[:=-]?\s*([0-5][+-]?)(?=\s*(?:[,;.)]|$|and\b))/.exec(
          doc.text.slice(m.end, Math.min(u.end, m.end + 8)),
        );
        if (bare) {
          const at = m.end + bare.index + bare[0].length;
          assigned.set(m, { mrc: bare[1] as string, at: [at - (bare[1] as string).length, at] });
        }
      }
    const pairs = PAIRS.exec(u.text);
    for (const m0 of mentions) {
      // "MMT (R/L): hip flex 3/3; knee ext 4+/4": the two grades of a right/left pair.
      if (pairs && readPair(doc, u, groupAsMovement(m0), /^\(?(?:L|left)/i.test(pairs[1] ?? ""))) continue;
      const grade = assigned.get(m0);
      const m = groupAsMovement(m0);
      let mrc: string | undefined = grade?.mrc;
      let confidence = 0.9;
      if (!mrc) {
        // A weak leg in the complaint is what the patient notices, not an examined grade.
        if (u.complaint) continue;
        // Without a grade, the clause says weak or normal ("... were weak, while the iliopsoas had
        // normal strength").
        const c = clauseAround(doc.text, m.start, u.start, u.end);
        const clause = doc.text.slice(c.from, c.to);
        if (STRONG.test(clause)) mrc = "5";
        else {
          const w = WEAK.exec(clause);
          if (!w) continue;
          const at = c.from + w.index;
          mrc = isNegated(doc.text, at, at + w[0].length, u.start, u.end) ? "5" : "weak";
        }
        confidence = 0.7;
      }
      // "Dorsiflexion was 2/5 on the left and 3/5 on the right": a grade for each side named.
      if (grade && readSidePair(doc, m, grade)) continue;
      const abnormal = mrc !== "5";
      const { side, inferred } = doc.side(u, m.start, m.end, { fallback: abnormal });
      for (const id of m.ids) {
        const f: StrengthFinding = {
          kind: "strength",
          target: id,
          mrc: /^[0-5]$/.test(mrc) ? Number(mrc) : mrc,
        };
        if (side) f.side = side;
        const spans: [number, number][] = [[m.start, m.end]];
        if (grade) spans.push(grade.at);
        doc.add(f, spans, confidence - (inferred ? 0.25 : 0) - (m.ids.length > 1 ? 0.1 : 0));
      }
    }
  }
  expandNormal(doc, pending);
}

/** "2/5 on the left and 3/5 on the right": after a grade, its side, then a second grade and side. */
const SIDE_PAIR =
  /^\s*(?:on|in)\s+the\s+(left|right)(?:\s+(?:side|leg))?\s*,?\s*(?:and|but|while|whereas)\s+(?:(?:was|is)\s+)?([0-5][+-]?)\s*\/\s*5\s+(?:on|in)\s+the\s+(left|right)\b/i;

function readSidePair(doc: Doc, m: Mention, grade: { mrc: string; at: [number, number] }): boolean {
  const p = SIDE_PAIR.exec(doc.text.slice(grade.at[1], grade.at[1] + 80));
  const [first, second, mrc2] = [p?.[1] ?? "", p?.[3] ?? "", p?.[2] ?? ""];
  if (!p || first.toLowerCase() === second.toLowerCase()) return false;
  const at = grade.at[1] + p.index + p[0].indexOf(mrc2, p[0].indexOf(first) + first.length);
  const sideOf = (w: string): "left" | "right" => (/^l/i.test(w) ? "left" : "right");
  const each: { side: "left" | "right"; mrc: string; span: [number, number] }[] = [
    { side: sideOf(first), mrc: grade.mrc, span: grade.at },
    { side: sideOf(second), mrc: mrc2, span: [at, at + mrc2.length] },
  ];
  for (const { side, mrc, span } of each)
    for (const id of m.ids) {
      const f: StrengthFinding = {
        kind: "strength",
        target: id,
        mrc: /^[0-5]$/.test(mrc) ? Number(mrc) : mrc,
        side,
      };
      doc.add(f, [[m.start, m.end], span], 0.9 - (m.ids.length > 1 ? 0.1 : 0));
    }
  return true;
}

/**
 * A muscle group graded as one is the movement its muscles drive: "quadriceps 4/5" is knee
 * extension, when the atlas makes every muscle of the group a prime mover of one movement only.
 */
function groupAsMovement(m: Mention): Mention {
  if (!m.group || m.kind !== "muscle") return m;
  const moves = getAtlas().data.movements.filter((mv) => m.ids.every((id) => mv.primeMovers.includes(id)));
  const only = moves[0];
  return moves.length === 1 && only ? { ...m, ids: [only.id], kind: "movement" } : m;
}

function readStrengthRow(doc: Doc, u: Unit): void {
  const row = readRow(u.text, doc.vocab);
  if (row?.kind !== "strength") return;
  const first = row.cells[0] ?? "";
  const mrc = first.replace("/5", "");
  const { side, inferred } = doc.side(u, u.start, u.start + row.nameEnd, { fallback: true });
  for (const id of row.ids) {
    const f: StrengthFinding = { kind: "strength", target: id, mrc: /^[0-5]$/.test(mrc) ? Number(mrc) : mrc };
    if (side) f.side = side;
    doc.add(f, [[u.start, u.end]], 0.85 - (inferred ? 0.2 : 0));
  }
}

/**
 * "Power normal throughout", "power otherwise 5/5", "no motor deficit": a v1.1 `others` finding of
 * grade 5 (every movement or muscle not graded elsewhere in the case, on this side), on the sides
 * the statement reaches (scope.ts); "normal in the other limbs": on the side opposite the graded one.
 */
function expandNormal(doc: Doc, pending: Pending[]): void {
  if (pending.length === 0) return;
  const graded = doc.drafts.filter((d) => d.finding.kind === "strength" && d.finding.side !== undefined);
  for (const p of pending) {
    let sides: Side[] = p.routine ? othersSides(p.routine.sides) : p.sides;
    if (p.mirror) {
      const affected = (graded[0]?.finding.side as Side | undefined) ?? doc.dominant;
      const other = opposite(affected);
      if (!other) continue;
      sides = [other];
    } else if (!p.routine && sides.length === 2) sides = ["bilateral"];
    const conf = p.routine?.inferred ? 0.4 : 0.5;
    for (const side of sides) doc.add({ kind: "strength", side, target: OTHERS, mrc: 5 }, [p.span], conf);
  }
}

/** A label declaring right/left pairs of grades: "MMT (R/L):", "Power R/L", "(L/R)". */
const PAIRS = /\(?\b(R\s*\/\s*L|L\s*\/\s*R|right\s*\/\s*left|left\s*\/\s*right)\b\)?/i;

/** The pair of grades right after a mention, written for the two sides; false when there is none. */
function readPair(doc: Doc, u: Unit, m: Mention, leftFirst: boolean): boolean {
  const g = /^\s*[:=]?\s*([0-5][+-]?)\s*\/\s*([0-5][+-]?)(?![0-9/])/.exec(
    doc.text.slice(m.end, Math.min(u.end, m.end + 12)),
  );
  if (!g) return false;
  const [a, b] = [g[1] as string, g[2] as string];
  const [right, left] = leftFirst ? [b, a] : [a, b];
  const at: [number, number] = [m.end + g.index, m.end + g.index + g[0].length];
  const grade = (x: string) => (/^[0-5]$/.test(x) ? Number(x) : x);
  const sides: [Side, string][] =
    right === left
      ? [["bilateral", right]]
      : [
          ["right", right],
          ["left", left],
        ];
  for (const [side, mrc] of sides)
    for (const id of m.ids)
      doc.add(
        { kind: "strength", target: id, mrc: grade(mrc), side } as StrengthFinding,
        [[m.start, m.end], at],
        0.85,
      );
  return true;
}
