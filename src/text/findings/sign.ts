/**
 * Examination signs: straight leg raise (crossed), femoral stretch, atrophy and hypertrophy of a
 * named part, foot drop, Trendelenburg, clonus, tenderness. "Negative", "no" or "not" make
 * `present: false`. Atrophy or hypertrophy with no part named ("atrophy in the muscles") is left
 * as unrecognised rather than guessed.
 */
import type { SignFinding } from "../../case/schema.js";
import { type Doc, matches } from "../doc.js";
import { isNegated } from "../negation.js";
import type { Unit } from "../sentences.js";
import { SLR_POSITIVE_BELOW_DEGREES } from "../sources.js";

/** "SLR 90 degrees", "SLR to 80°", "SLR limited at 30 deg": the angle a leg was raised to. */
const ANGLE = /^[^.;]{0,25}?\b(\d{2,3})\s*(?:°|º|deg\b|degrees?\b)/i;
const NO_PAIN =
  /\b(?:without|no|not)\s+(?:\w+\s+)?(?:pain|reproduc\w*|radiat\w*|sciatica)|\bpain[- ]?free\b|\bpainless\b/gi;
const PAIN = /\b(positive|pain|painful|reproduc\w*|limited|restricted|tight|sciatica|radiat\w*)\b/i;

/**
 * A leg raise without pain to SLR_POSITIVE_BELOW_DEGREES or more is a negative test; one stopped
 * by pain below it is positive. Undefined when the text gives no angle.
 */
function raisedFreely(after: string): boolean | undefined {
  const m = ANGLE.exec(after);
  if (!m) return undefined;
  const deg = Number(m[1]);
  // "without pain", "no pain", "pain-free": the absence of pain is not pain.
  const within = after.slice(0, m.index + m[0].length + 25).replace(NO_PAIN, " ");
  if (deg >= SLR_POSITIVE_BELOW_DEGREES.degrees && !PAIN.test(within)) return true;
  if (deg < SLR_POSITIVE_BELOW_DEGREES.degrees) return false;
  return undefined;
}

/** "+ve", "-ve", "neg", "positive": a test's result written as a word. */
function resultWord(t: string): boolean | undefined {
  if (/(?:^|\s|\()(?:-ve|neg(?:ative)?)\b/i.test(t)) return false;
  if (/(?:^|\s|\()(?:\+ve|\+|pos(?:itive)?)(?=\s|\)|,|$)/i.test(t)) return true;
  return undefined;
}

/** An item after ";" that opens with a leg: "R 85° (-ve)", "on the left it was full to 80 degrees". */
const SIDE_ITEM = /^\s*(?:(?:on|in) the\s+)?(left|right|L|R|Lt|Rt)\b(?!-)/;

/**
 * "SLR: L 45° (+ve); R 85° (-ve)", "limited to 35 degrees on the right; on the left it was full to
 * 80 degrees": the items after a leg raise's first reading that each open with the other leg and
 * give an angle or a result are readings of the same test on that leg. The list ends at the first
 * item that does not, or that names another sign.
 */
function furtherLegRaises(doc: Doc, u: Unit, end: number): void {
  const rest = doc.text.slice(end, u.end);
  const items = rest.split(";").slice(1);
  let at = end + (rest.indexOf(";") + 1);
  for (const item of items) {
    const side = SIDE_ITEM.exec(item);
    if (!side || ANY_SIGN.test(item)) return;
    const told = item.slice((side.index ?? 0) + side[0].length);
    const freely = raisedFreely(told);
    const positive = freely === undefined ? resultWord(told) : !freely;
    if (positive === undefined) return;
    const f: SignFinding = { kind: "sign", sign: "straight_leg_raise" };
    f.side = /^(?:left|L|Lt)$/i.test(side[1] ?? "") ? "left" : "right";
    if (!positive) f.present = false;
    const s = at + (side.index ?? 0) + side[0].length - (side[1]?.length ?? 0);
    doc.add(f, [[s, s + (side[1]?.length ?? 0)]], 0.7);
    at += item.length + 1;
  }
}

type Sign = SignFinding["sign"];

/** A Tinel sign described in words: the percussion, the verb of setting off, and what it set off. */
const PERCUSSED = "percussion|percussing|percussed|tapping|tapped";
const SET_OFF = "(?:reproduc|produc|elicit|caus|gave|provok|evok)\\w*";
const SET_OFF_TINGLING = `[^.;]{0,120}\\b${SET_OFF}\\b[^.;]{0,40}\\b(?:tingl|pa?raesth|paresth|dysa?esth|electric|shooting|shock)\\w*`;

const SIGNS: [RegExp, Sign][] = [
  [
    /\b(crossed|contralateral) (straight[- ]leg[- ]rais\w*|SLR|Las[eè]gue|(?:leg )?pain)/gi,
    "crossed_straight_leg_raise",
  ],
  [
    /\b(straight[- ]leg[- ]rais\w*(?: test)?|SLR|SLRT|Las[eè]gue(?:'s)?(?: sign| test)?)\b/gi,
    "straight_leg_raise",
  ],
  [
    /\b(fem(?:oral)? (?:nerve )?stretch(?: test)?|FST|reverse (?:straight[- ]leg[- ]rais\w*|SLR|Las[eè]gue)|prone knee bend(?:ing)?)\b/gi,
    "femoral_stretch",
  ],
  [/\b(atroph(?:y|ic|ied)|wasting|wasted)\b/gi, "atrophy"],
  // "The left calf was enlarged", "his right calf had been noticed to be larger than the left".
  [
    /\b((?:pseudo)?hypertroph(?:y|ic|ied)|enlarged calf|calf enlargement|(?:calf|calves|thigh)\b[^.;,]{0,30}?\b(?:enlarged|larger|bigger))\b/gi,
    "hypertrophy",
  ],
  // Seen at the bedside; "fasciculation potentials" on the needle are EMG (emg.ts).
  [/\b(fasciculations?|fasciculating)\b(?!\s+potentials)/gi, "fasciculations"],
  [/\b(foot[- ]?drop|drop[- ]?foot)\b/gi, "foot_drop"],
  [/\b(trendelenburg(?:'s)?(?: sign| gait)?)\b/gi, "trendelenburg"],
  [/\b((?:ankle |sustained |unsustained )?clonus)\b/gi, "clonus"],
  [/\b(tender(?:ness)?)\b/gi, "tenderness"],
  // FORMAT v1.1 signs.
  [/\b(tinel(?:'s)?(?: sign| test)?)\b/gi, "tinel"],
  // A Tinel sign described without its name: percussion over a place that set off tingling.
  [new RegExp(`\\b(${PERCUSSED})\\b(?=${SET_OFF_TINGLING})`, "gi"), "tinel"],
  [
    /\b((?:foot |pedal |distal |peripheral )?pulses|dorsalis pedis(?: pulse)?|posterior tibial pulse)\b/gi,
    "pulses",
  ],
  [/\b(pes cavus|cavus foot|high[- ]arched feet|hammer toes)\b/gi, "pes_cavus"],
  [/\b(sensory level)\b/gi, "sensory_level"],
  [
    /\b(FABER|FADIR|Patrick(?:'s)? test|pain on (?:passive )?(?:internal |external )?(?:hip )?rotation(?: of the hip)?)\b/gi,
    "hip_pain_on_rotation",
  ],
  // A cold, cool, pale or mottled foot or leg, the word before the part or after it: "R foot cold,
  // pale and mottled", "the right foot is cooler than the left" (not "pale and clammy": no part).
  [
    /\b((?:cold|cool(?:er)?|pale|white|mottled)(?:,?\s*(?:and\s+)?(?:cold|cool|pale|white|mottled))*\s+(?:foot|feet|leg|limb|toes)|(?:foot|feet|leg|limb|toes)\s+(?:(?:is|was|were|are|felt)\s+)?(?:cold|cool(?:er)?|pale|white|mottled)|cold pale)\b/gi,
    "cold_pale_limb",
  ],
];

/** A sentence that describes a Tinel sign without its name (the SIGNS entry above). */
const TINEL_DESCRIBED = new RegExp(`\\b(?:${PERCUSSED})\\b${SET_OFF_TINGLING}`, "i");

/**
 * A Tinel sign that set nothing off, in its own clause: "tapping over ... did not produce
 * tingling" (not "Tinel positive ... and the ankle jerk was not elicited").
 */
const TINEL_NOT = new RegExp(
  `^(?:(?!\\b(?:and|but|while|whereas)\\b)[^.;,]){0,120}\\b(?:not|no|never|without|failed to)\\b[^.;,]{0,12}\\b${SET_OFF}`,
  "i",
);

/** Where a Tinel sign was elicited: the site words after "at", "over" or "on". */
const TINEL_SITE =
  /^[^.;]{0,25}?\b(?:at|over|on|behind|below|above)\s+(?:the\s+)?((?:left |right )?(?:fibular head|fibular neck|peroneal head|tarsal tunnel|medial malleolus|inguinal ligament|popliteal fossa|knee|ankle|groin|sciatic notch|anterior superior iliac spine|ASIS))/i;
/** Pulses that are absent or much reduced: `present: false`. */
const PULSES_ABSENT =
  /\b(absent|diminished|reduced|weak|faint|not palpable|impalpable|non-?palpable|not felt|could not be felt|no (?:foot |pedal |distal )?pulses)\b/i;
const PART_WORDS =
  "lumbar spine|lumbosacral spine|spine|spinal|(?:lumbar )?paraspinals?(?: muscles)?|spinous processes|low back|lower back|back|sacroiliac joint|sciatic notch|buttocks?|gluteal|thighs?|calf|calves|legs?|shins?|feet|foot|quadriceps|hamstrings?|gastrocnemius|glutei|peronei|fibular head|fibular neck|popliteal fossa|inguinal ligament|groin|hip|iliac fossa|(?:medial )?malleolus|tarsal tunnel";
const PART = new RegExp(`\\b(${PART_WORDS})\\b`, "i");
const PARTS = new RegExp(`\\b(${PART_WORDS})\\b`, "gi");
/** The spine and the back have no side; the paraspinal muscles have one each side. */
const MIDLINE = /^(?!.*paraspinal).*(?:spine|spinal|spinous|back|lumbar|sacrum|sacral)/i;

/** A part written straight after the sign, its side letter between: "Tender L iliac fossa". */
const PART_NEXT = new RegExp(`^\\s+(?:the\\s+)?(?:(?:left|right|L|R|Lt|Rt)\\s+)?(${PART_WORDS})\\b`, "i");

/**
 * The part named last before a sign in its clause: "The right thigh was oedematous, indurated and
 * tender", "Lumbar spine: full range of motion, no tenderness". The clause ends at ";" or a full
 * stop, and at most 80 characters are looked at.
 */
function partBefore(text: string): string | undefined {
  const clause =
    text
      .slice(-80)
      .split(/;|\.\s/)
      .pop() ?? "";
  return [...clause.matchAll(PARTS)].pop()?.[1];
}
const NEEDLE = /\b(EMG|needle|fibrillations?|MUAPs?|MUPs?|potentials)\b/i;
const SKIP_CONTEXT = /\b(MRI|magnetic resonance|ultraso\w+|imaging|scan|STIR|T2)\b/i;

/** Any of the sign words, to pass over sentences without one quickly. */
const ANY_SIGN = new RegExp(SIGNS.map(([re]) => `(?:${re.source})`).join("|"), "i");

/** Foot pulses: present unless the text says they are absent or much reduced. */
function readPulses(doc: Doc, u: Unit, start: number, end: number): void {
  const around = doc.text.slice(Math.max(u.start, start - 30), Math.min(u.end, end + 40));
  const clause = around.split(/[;]|\bbut\b/i).find((c) => c.includes(doc.text.slice(start, end))) ?? around;
  const absent = PULSES_ABSENT.test(clause);
  const present = !absent && /\b(?:palpable|present|normal|intact|felt|strong|good)\b|\b2\+/i.test(clause);
  if (!absent && !present) return;
  const { side } = doc.side(u, start, end);
  const f: SignFinding = { kind: "sign", sign: "pulses" };
  if (side) f.side = side;
  if (absent) f.present = false;
  doc.add(f, [[start, end]], 0.75);
}

export function readSigns(doc: Doc): void {
  for (const u of doc.patient) {
    if (u.row || !ANY_SIGN.test(u.text)) continue;
    for (const [re, sign] of SIGNS) {
      for (const m of matches(re, doc.text, u)) {
        const start = m.index;
        const end = m.index + m[0].length;
        if (
          sign === "straight_leg_raise" &&
          /(crossed|contralateral)\s*$/i.test(doc.text.slice(u.start, start))
        )
          continue;
        if (
          sign === "clonus" &&
          /\b(no|without)\b/i.test(doc.text.slice(Math.max(u.start, start - 10), start)) === false &&
          /myoclonus/i.test(m[0])
        )
          continue;
        // A foot drop in the complaint is the patient's weakness (a symptom); the sign is the examiner's.
        if ((sign === "foot_drop" || sign === "cold_pale_limb") && u.complaint) continue;
        if (sign === "pulses") {
          readPulses(doc, u, start, end);
          continue;
        }
        let target: string | undefined;
        if (sign === "tinel")
          target = TINEL_SITE.exec(doc.text.slice(end, Math.min(u.end, end + 60)))?.[1]?.replace(
            /^(?:left|right) /i,
            "",
          );
        if (sign === "sensory_level")
          target = /^\s*(?:at|of|to|below)?\s*(?:the\s+)?(T\d{1,2}|L\d|C\d)\b/i
            .exec(doc.text.slice(end, Math.min(u.end, end + 20)))?.[1]
            ?.toUpperCase();
        if (sign === "fasciculations" && NEEDLE.test(u.text)) continue;
        // Tender to the percussion of a Tinel sign described in the sentence: the Tinel sign says it.
        if (sign === "tenderness" && TINEL_DESCRIBED.test(u.text)) continue;
        if (
          sign === "atrophy" ||
          sign === "hypertrophy" ||
          sign === "tenderness" ||
          sign === "fasciculations"
        ) {
          if ((sign === "atrophy" || sign === "hypertrophy") && SKIP_CONTEXT.test(u.text)) continue;
          const after = doc.text.slice(end, Math.min(u.end, end + 50));
          const before = doc.text.slice(Math.max(u.start, start - 80), start);
          const window = doc.vocab.scan(
            doc.text,
            ["muscle"],
            Math.max(u.start, start - 40),
            Math.min(u.end, end + 50),
          );
          const muscle = window.find((x) => x.start >= end) ?? window.filter((x) => x.end <= start).pop();
          const post =
            /^\s*(?:of|in|over|overlying|on|at|involving|affecting)\s+(?:the\s+)?(?:(?:left|right|both)\s+)?([a-z ]+)/i.exec(
              after,
            );
          const pre = partBefore(before);
          const postPart = post ? PART.exec(post[1] ?? "") : null;
          target =
            postPart?.[1] ??
            (muscle ? doc.text.slice(muscle.start, muscle.end) : undefined) ??
            pre ??
            PART_NEXT.exec(after)?.[1] ??
            PART.exec(m[0])?.[1];
          if (muscle?.ids.length === 1 && !postPart) target = muscle.ids[0];
          // "No wasting or fasciculations": none anywhere in the legs, no part to name.
          const none = sign !== "tenderness" && isNegated(doc.text, start, end, u.start, u.end);
          if (!target && !none && sign !== "fasciculations") {
            doc.leftover(start, end, `${sign} without the part it concerns`);
            continue;
          }
        }
        const freely =
          sign === "straight_leg_raise" || sign === "crossed_straight_leg_raise"
            ? raisedFreely(doc.text.slice(end, Math.min(u.end, end + 60)))
            : undefined;
        const negated =
          freely === true ||
          isNegated(doc.text, start, end, u.start, u.end) ||
          (sign === "tinel" && TINEL_NOT.test(doc.text.slice(end, Math.min(u.end, end + 160)))) ||
          /^\s*(?:test\s+)?(?:was|is|were)?\s*(negative|absent|normal|painless|pain-free)\b/i.test(
            doc.text.slice(end, Math.min(u.end, end + 30)),
          );
        const midline =
          (sign === "tenderness" && target !== undefined && MIDLINE.test(target)) || sign === "sensory_level";
        // The crossed (well-leg) raise tests the painful leg: its side is the leg the note is about.
        const { side, inferred } = midline
          ? { side: undefined, inferred: false }
          : sign === "crossed_straight_leg_raise" && doc.dominant
            ? { side: doc.dominant, inferred: false }
            : doc.side(u, start, end, {
                fallback: !negated && (sign !== "tenderness" || target !== undefined),
              });
        const f: SignFinding = { kind: "sign", sign };
        if (side) f.side = side;
        if (target)
          f.target =
            sign === "sensory_level" || target.toLowerCase() === target ? target : target.toLowerCase();
        if (negated) f.present = false;
        doc.add(f, [[start, end]], 0.8 - (inferred ? 0.25 : 0));
        if (sign === "straight_leg_raise") furtherLegRaises(doc, u, end);
      }
    }
  }
}
