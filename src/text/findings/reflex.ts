/**
 * Reflexes: "knee jerk absent on the left", "ankle jerk on the right was decreased (1+/2+)", "the
 * Achilles tendon reflex was decreased", "Babinski sign not evident" (plantar flexor), "reflexes
 * were normal" (knee and ankle jerks). Numbers follow the NINDS scale; a pair "1+/2+" is read as
 * right/left unless the words of the sentence put the abnormal grade on the other side.
 */
import { OTHERS, type ReflexFinding } from "../../case/schema.js";
import { type Doc, matches } from "../doc.js";
import type { Side } from "../laterality.js";
import { REFLEX_WORD } from "../mrc.js";
import { isNegated } from "../negation.js";
import { statementAround } from "../scope.js";
import type { Unit } from "../sentences.js";
import { REFLEX_SCALE } from "../sources.js";

type Grade = ReflexFinding["grade"];

const GENERIC =
  /(?<!\bH[- ]?)\b(deep tendon reflexes|tendon reflexes|DTRs|muscle stretch reflexes|reflexes|areflexi[ac]|hyporeflexi[ac]|hyperreflexi[ac])\b/gi;
/** "Areflexic in the arms": a statement that names the arms and not the legs is not about the legs. */
const ARMS_ONLY =
  /^(?:(?!\b(?:legs?|lower|knees?|ankles?)\b)[^.;])*\b(?:arms?|upper (?:limbs?|extremit\w*))\b(?:(?!\b(?:legs?|lower)\b)[^.;])*$/i;
/** Reflex grades written as pluses, "KJ ++", "AJ +++": the NINDS grades 2+ and 3+ (Litvan 1996). */
const PLUSES = /(?<![+\w])(\+{2,4})(?![+\w])/;
/**
 * "Abdominal reflexes absent", "upper limb reflexes brisk": reflexes the words name that are not
 * the leg's tendon reflexes, so not the knee and ankle jerks a bare "reflexes" stands for.
 */
const NOT_LEG_REFLEXES =
  /\b(?:abdominal|superficial|cremasteric|primitive|arm|upper[- ](?:limb|extremity)|biceps|triceps|jaw|corneal|gag)\s+(?:tendon\s+)?$/i;
const BABINSKI =
  /\b(babinski(?:'s)?(?: sign| response| reflex)?|extensor plantar(?: response)?|up-?going (?:toes?|plantars?)|(?:down-?going|flexor) (?:great |big )?toes?|(?:great |big )?toes? (?:were |was |is |are )?(?:up-?going|down-?going|extensor|flexor)|plantars?(?: responses?| reflex(?:es)?)? (?:were |was |is |are )?(?:extensor|flexor|up-?going|down-?going)|(?:flexor|down-?going) plantars?(?: responses?| reflex(?:es)?)?)\b/gi;
const NUMBER = /(?<![A-Za-z0-9])([0-4])\s*\+?(?:\s*\/\s*([0-4])\s*\+?)?(?![0-9%])/;

function wordGrade(w: string): Grade | undefined {
  const s = w.toLowerCase();
  if (/absent|abolish|areflex|lost|not elicited|unobtainable|no response/.test(s)) return "absent";
  if (/decreas|diminish|reduc|depress|sluggish|hyporeflex|trace|weak/.test(s)) return "reduced";
  if (/brisk|exaggerat|increas|hyperreflex/.test(s)) return "brisk";
  if (/normal|preserv|intact|symmetric|present/.test(s)) return "normal";
  return undefined;
}

/** "Reflexes", "knee jerks", "ankle and knee reflexes", "plantar responses", "Babinski signs". */
const PLURAL = /^[\w\s,'-]{0,25}?\b(?:reflexes|jerks|responses|signs|plantars|toes|AJs|KJs|DTRs)\b/i;
/** Reflexes of the midline (anal wink, bulbocavernosus): no side of their own to infer. */
const MIDLINE_REFLEXES = new Set(["anal", "bulbocavernosus"]);

/**
 * The side of a reflex phrase. A plural phrase ("knee jerks were absent", "all reflexes were
 * normal", "Babinski signs were absent") speaks of both legs unless its own statement names a
 * side: a side written elsewhere in the sentence ("right ankle dorsiflexion was weak, and all
 * reflexes were normal") is not its side, nor is the side the note is mostly about.
 */
function reflexSide(
  doc: Doc,
  u: Unit,
  start: number,
  end: number,
  fallback: boolean,
): { side: Side | undefined; inferred: boolean } {
  if (!PLURAL.test(doc.text.slice(start, Math.min(u.end, end + 30))))
    return doc.side(u, start, end, { fallback });
  const s = statementAround(doc, u, start, end);
  const named = doc
    .sides(u)
    .filter((x) => !x.reference && x.side !== "other" && x.start >= s.from && x.end <= s.to);
  const sides = new Set(named.map((x) => x.side));
  if (sides.size === 1) return { side: [...sides][0] as Side, inferred: false };
  return { side: sides.size === 0 ? (doc.headerSide(u) ?? "bilateral") : "bilateral", inferred: false };
}

/**
 * "was 2+ on the right and absent on the left", "absent on the left but normal on the right": a
 * grade for each side, when every part names one side and one grade.
 */
function gradesBySide(after: string): [Side, Grade][] | undefined {
  const parts = after.split(/\s*(?:,|\band\b|\bbut\b|\bwhile\b|\bwhereas\b)\s*/i).filter((p) => p.trim());
  const out: [Side, Grade][] = [];
  for (const p of parts) {
    const letter = /\b(left|right)\b|(?<![A-Za-z0-9])\(?([LR])\)?(?![A-Za-z0-9])/.exec(p);
    const word = (letter?.[1] ?? letter?.[2] ?? "").toLowerCase();
    const side: Side | undefined = word.startsWith("l") ? "left" : word.startsWith("r") ? "right" : undefined;
    const w = REFLEX_WORD.exec(p);
    const n = NUMBER.exec(p);
    const grade = w ? wordGrade(w[0]) : n && n[2] === undefined ? numberGrade(n[1]) : undefined;
    if (!side || !grade) break;
    out.push([side, grade]);
  }
  const sides = new Set(out.map(([s]) => s));
  return out.length >= 2 && sides.size === out.length ? out : undefined;
}

/** The reflex word closest before a phrase. */
function lastWord(t: string): RegExpExecArray | null {
  const all = new RegExp(REFLEX_WORD.source, "gi");
  let last: RegExpExecArray | null = null;
  for (let m = all.exec(t); m; m = all.exec(t)) last = m;
  return last;
}

const numberGrade = (n: string | undefined): Grade => REFLEX_SCALE.grades[(n ?? "2") as "0"] as Grade;

export function readReflexes(doc: Doc): void {
  for (const u of doc.patient) {
    if (u.row) continue;
    const mentions = doc.vocab
      .scan(doc.text, ["reflex", "muscle", "movement", "region"], u.start, u.end)
      .filter((m) => m.kind === "reflex" && !m.ids.includes("plantar"));
    // Babinski and the plantar response.
    for (const m of matches(BABINSKI, doc.text, u)) {
      const t = m[0].toLowerCase();
      let grade: Grade = /flexor|down/.test(t) ? "flexor" : "extensor";
      if (grade === "extensor" && isNegated(doc.text, m.index, m.index + m[0].length, u.start, u.end))
        grade = "flexor";
      const { side, inferred } = reflexSide(doc, u, m.index, m.index + m[0].length, true);
      const f: ReflexFinding = { kind: "reflex", reflex: "plantar", grade };
      if (side) f.side = side;
      doc.add(f, [[m.index, m.index + m[0].length]], 0.85 - (inferred ? 0.25 : 0));
    }
    const before = doc.drafts.length;
    const list = mentions.length
      ? coordinated(
          doc,
          mentions.map((m) => ({ start: m.start, end: m.end, ids: m.ids, generic: false })),
        )
      : [...matches(GENERIC, doc.text, u)]
          .filter((m) => !NOT_LEG_REFLEXES.test(doc.text.slice(Math.max(u.start, m.index - 24), m.index)))
          .map((m) => ({
            start: m.index,
            end: m.index + m[0].length,
            ids: ["patellar", "achilles"],
            generic: true,
          }));
    list.forEach((m, i) => {
      const nextStart = list[i + 1]?.start ?? u.end;
      const prevEnd = list[i - 1]?.end ?? u.start;
      const after = doc.text.slice(m.end, nextStart).split(/[;]|\bbut\b|\bhowever\b/i)[0] ?? "";
      const before = doc.text.slice(prevEnd, m.start);
      const perSide = gradesBySide(doc.text.slice(m.end, nextStart).split(/;/)[0] ?? "");
      if (perSide) {
        for (const [side, g] of perSide)
          for (const id of m.ids)
            doc.add({ kind: "reflex", reflex: id, grade: g, side }, [[m.start, m.end]], 0.85);
        return;
      }
      // Before the reflex, only its own clause: "2+ throughout except absent left ankle jerk".
      const ownBefore = before.split(/\b(?:except|but|however|apart from|other than)\b|;|,/i).pop() ?? "";
      // "Areflexic", "hyperreflexia": the statement is its own grade.
      const self = m.generic ? REFLEX_WORD.exec(doc.text.slice(m.start, m.end)) : null;
      if (self && ARMS_ONLY.test(after.split(/[.;]/)[0] ?? "")) return;
      const w = self ?? REFLEX_WORD.exec(after) ?? lastWord(ownBefore.slice(-40));
      const plus = PLUSES.exec(after.slice(0, 12));
      const num = NUMBER.exec(after.slice(0, 40)) ?? (plus ? NUMBER.exec(String(plus[1]?.length)) : null);
      let grade = w ? wordGrade(w[0]) : undefined;
      if (w && /^(extensor|flexor|up|down)/i.test(w[0])) grade = undefined;
      const pair: [string, string] | undefined =
        num?.[2] !== undefined ? [num[1] as string, num[2] as string] : undefined;
      if (!grade && num && !pair) grade = numberGrade(num[1] as string);
      if (pair && pair[0] === pair[1]) {
        // "2+/2+": the same on both sides.
        for (const id of m.ids)
          doc.add(
            { kind: "reflex", reflex: id, grade: numberGrade(pair[0]), side: "bilateral" },
            [[m.start, m.end]],
            0.85,
          );
        return;
      }
      if (!grade && !pair) {
        doc.leftover(m.start, m.end, "a reflex without a grade");
        return;
      }
      if (w && isNegated(doc.text, m.start, m.end, u.start, u.end) && grade === "normal") grade = "absent";
      const spans: [number, number][] = [[m.start, m.end]];
      const conf = m.generic ? 0.5 : 0.9;
      const emit = (side: Side | undefined, g: Grade, c: number) => {
        for (const id of m.ids) {
          const f: ReflexFinding = { kind: "reflex", reflex: id, grade: g };
          if (side) f.side = side;
          doc.add(f, spans, c);
        }
      };
      if (pair && pair[0] !== pair[1]) {
        const named = doc.side(u, m.start, m.end).side;
        const a = numberGrade(pair[0]);
        const b = numberGrade(pair[1]);
        // Right/left by convention; the words decide when they name a side and a grade.
        let right = a;
        let left = b;
        if (named === "left" && grade && grade === a && grade !== b) [right, left] = [b, a];
        emit("right", right, conf - 0.1);
        emit("left", left, conf - 0.1);
        return;
      }
      if (!grade) return;
      const midline = m.ids.every((id) => MIDLINE_REFLEXES.has(id));
      const { side, inferred } = reflexSide(doc, u, m.start, m.end, grade !== "normal" && !midline);
      // "Reflexes were normal", "DTRs 2+ and symmetric": a whole-examination statement, written as
      // a v1.1 `others` finding. An abnormal one ("reflexes were absent") speaks of the knee and
      // ankle jerks, the reflexes of a leg examination.
      if (m.generic && grade === "normal") {
        const f: ReflexFinding = { kind: "reflex", reflex: OTHERS, grade };
        if (side) f.side = side;
        doc.add(f, spans, conf - (inferred ? 0.25 : 0));
        return;
      }
      emit(side, grade, conf - (inferred ? 0.25 : 0));
    });
    if (mentions.length > 0) readGenericBesides(doc, u, before);
  }
}

/**
 * "Reflexes were 2+ and symmetric except for a reduced left ankle jerk", "reflexes otherwise
 * normal": the general grade holds for every reflex the sentence does not single out, a v1.1
 * `others` finding on both sides. A general abnormal grade ("reflexes reduced except ...") holds
 * for the knee and ankle jerks not singled out, and for the other side of those that are.
 */
function readGenericBesides(doc: Doc, u: { start: number; end: number }, from: number): void {
  // "Patellar reflexes were 2+ and symmetric": the word of a named reflex is not the general one.
  const named = doc.drafts.slice(from).flatMap((d) => d.spans);
  const g = [...matches(GENERIC, doc.text, u)][0];
  if (!g || named.some(([a, b]) => a < g.index + g[0].length && g.index < b)) return;
  // "Reflexes: L knee jerk absent, ...": a label, whose words belong to the reflexes it lists;
  // unless a grade for all of them comes first ("Reflexes: absent throughout (biceps, ...)").
  const labelled = /^\s*[:\u2013-]/.test(doc.text.slice(g.index + g[0].length, g.index + g[0].length + 3));
  const all = THROUGHOUT.exec(doc.text.slice(g.index + g[0].length, u.end));
  if (labelled && !all) return;
  // The general grade is written before the first reflex singled out, or it is not there.
  const firstSingled = doc.drafts
    .slice(from)
    .flatMap((d) => d.spans.map(([s]) => s))
    .filter((s) => s > g.index)
    .sort((a, b) => a - b)[0];
  const rest =
    doc.text
      .slice(g.index + g[0].length, firstSingled ?? u.end)
      .split(/\b(?:except|but|however|apart from|other than)\b|;/i)[0] ?? "";
  const w = REFLEX_WORD.exec(rest);
  const num = NUMBER.exec(rest.slice(0, 30));
  const grade = w ? wordGrade(w[0]) : num && num[2] === undefined ? numberGrade(num[1]) : undefined;
  if (!grade) return;
  const span: [number, number] = [g.index, g.index + g[0].length];
  if (grade === "normal") {
    doc.add({ kind: "reflex", reflex: OTHERS, grade, side: "bilateral" }, [span], 0.5);
    return;
  }
  // "Absent throughout": every reflex, those of the examination not named here too.
  if (all) doc.add({ kind: "reflex", reflex: OTHERS, grade, side: "bilateral" }, [span], 0.5);
  const singled = doc.drafts.slice(from).map((d) => d.finding);
  for (const reflex of ["patellar", "achilles"]) {
    const sides = singled.flatMap((f) => (f.kind === "reflex" && f.reflex === reflex ? [f.side] : []));
    const add = (side: "left" | "right" | "bilateral") =>
      doc.add({ kind: "reflex", reflex, grade, side }, [span], 0.5);
    if (sides.length === 0) add("bilateral");
    else if (sides.length === 1 && (sides[0] === "left" || sides[0] === "right"))
      add(sides[0] === "left" ? "right" : "left");
  }
}

/** A general grade written first, for every reflex: "absent throughout", "brisk globally". */
const THROUGHOUT =
  /^\s*[:\u2013-]?\s*(?:\w+\s+)?(absent|reduced|diminished|depressed|brisk|increased|exaggerated)\s+(?:throughout|globally|everywhere|in all (?:four )?(?:limbs|extremities))\b/i;

/**
 * "KJ and AJ 2+ bilat", "left patellar and Achilles absent": reflexes joined by "and", "&", "/" or a
 * comma with nothing else between them share the grade written after the last one. A side written
 * between them keeps them apart ("the left ankle reflex and both knee reflexes").
 */
function coordinated<T extends { start: number; end: number; ids: string[] }>(doc: Doc, list: T[]): T[] {
  const out: T[] = [];
  for (const m of list) {
    const prev = out[out.length - 1];
    if (prev && /^\s*(?:,|and|&|\/|\+)\s*(?:the\s+)?$/i.test(doc.text.slice(prev.end, m.start))) {
      out[out.length - 1] = { ...prev, end: m.end, ids: [...prev.ids, ...m.ids] };
      continue;
    }
    out.push(m);
  }
  return out;
}
