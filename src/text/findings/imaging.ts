/**
 * Imaging: the study (MRI of the spine, plexus or limb, CT, ultrasound, PET-CT, X-ray) and what it
 * showed, as FORMAT.md tags, with the spinal level and the side of the finding (not of the scan:
 * "MRI of both thighs ... oedema of the left"). A sentence that names no study continues the
 * study of the sentence before. Statements of a diagnosis ("diagnosed with a disc herniation based
 * on MRI") are history, not an imaging finding. One finding per study and side; tags merge.
 */
import { IMAGING_TAGS, type ImagingFinding, type ImagingTag } from "../../case/schema.js";
import { type Doc, LABEL, matches } from "../doc.js";
import { isNegated } from "../negation.js";
import type { Unit } from "../sentences.js";

type Modality = ImagingFinding["modality"];

const MODALITY =
  /\b(PET\s*[-/]?\s*CT|PET|positron emission|FDG|CTA|MRA|CT angiogra\w*|MR angiogra\w*|angiogra\w*|arterial duplex|duplex|ultraso\w+|sonograph\w*|USG|doppler|CT|computed tomography|x-?rays?|XR|radiograph\w*|MRI?|magnetic resonance|MR imaging|MR neurography|STIR|T[12]-?weighted|gadolinium)\b/gi;
const MUSCLE_WORDS =
  /\b(muscles?|multifidus|erector|quadratus|compartment|vastus|adductor|tibialis|gastrocnemius|soleus|gluteus|hamstring|quadriceps|myositis)\b/i;
/**
 * The zones of a stenosis (lumbar disc nomenclature 2.0: central canal, subarticular or lateral
 * recess, foraminal; Fardon 2014). Zones joined before one noun share it: "central and bilateral
 * lateral recess stenosis" is central canal and lateral recess stenosis. `TEXT_SOURCES.fardon2014`.
 */
const ZONE = "(?:central|foraminal|lateral recess|subarticular)";
const ZONE_MODIFIER = "(?:(?:bilateral|left|right|mild|moderate|severe|marked|L|R)\\s+)*";
/** A zone written before the next zone of a list whose last zone carries the noun. */
const zoneBefore = (zone: string) =>
  new RegExp(
    `\\b${zone}(?=(?:\\s*(?:,|and|or|&|\\/)\\s*${ZONE_MODIFIER}${ZONE})+\\s+(?:canal\\s+)?(?:stenosis|narrowing)\\b)`,
    "gi",
  );
/** A level written in a spine report: "at L3-4", "L4/5". */
const AT_LEVEL = "(?:L[1-5]|S1|T1[0-2])\\s*[-/]\\s*(?:L?[1-5]|S1)";

const TAGS: [RegExp, ImagingTag, ((t: string) => boolean)?][] = [
  [zoneBefore("central"), "canal_stenosis"],
  [zoneBefore("foraminal"), "foraminal_stenosis"],
  [zoneBefore("(?:lateral recess|subarticular)"), "lateral_recess_stenosis"],
  // "Mild stenosis at L3-4": a stenosis at a disc level with no zone named is the spinal (central
  // canal) stenosis; the other zones are always named (Fardon 2014).
  [
    new RegExp(
      `(?<!(?:foraminal|recess|subarticular|canal|spinal|central|lumbar|arterial|artery)\\s)\\bstenosis(?=\\s+(?:at|of)\\s+(?:the\\s+)?${AT_LEVEL}\\b)`,
      "gi",
    ),
    "canal_stenosis",
  ],
  [
    /\b(disc (herniation|prolapse|protrusion|extrusion|sequestration)|herniated (disc|nucleus)|prolapsed (intervertebral )?disc|HNP)/gi,
    "disc_herniation",
  ],
  [/\b(foraminal (stenosis|narrowing)|narrowing of the (neural )?foramin\w*)/gi, "foraminal_stenosis"],
  [
    /\b(lateral recess (stenosis|narrowing)|lateral canal (stenosis|narrowing)|subarticular (stenosis|narrowing))/gi,
    "lateral_recess_stenosis",
  ],
  [
    /\b((central|spinal|lumbar)( canal)? (stenosis|narrowing)|canal (stenosis|narrowing)|spinal stenosis)/gi,
    "canal_stenosis",
  ],
  [/\bspondylolisthesis\b/gi, "spondylolisthesis"],
  [/\b(synovial|facet) cyst/gi, "synovial_cyst"],
  [
    /\b(enhanc\w*|increased (signal )?intensit\w*|hyperintens\w*)[^.;]{0,60}\b(nerve roots?|roots?|cauda)\b/gi,
    "root_enhancement",
    (t) => /gadolinium|enhanc|contrast/i.test(t),
  ],
  [
    /\b(enlarg\w*|swelling|swollen|thicken\w*)[^.;]{0,40}\b(plexus|lumbosacral)\b|\b(plexus)\b[^.;]{0,40}\b(enlarg\w*|swelling|swollen|thicken\w*)/gi,
    "plexus_enlargement",
  ],
  [/\benhanc\w*[^.;]{0,40}\bplexus\b/gi, "plexus_enhancement"],
  [
    /\b(enlarg\w*|swelling|swollen|thicken\w*|larger)[^.;]{0,40}\bnerves?\b|\bnerves?\b[^.;]{0,40}\b(enlarg\w*|swollen|thicken\w*|larger)/gi,
    "nerve_enlargement",
  ],
  [
    /\b(mass|tumou?r|metasta\w*|hypermetabolic|FDG[- ](avid|uptake)|increased (FDG )?uptake|infiltrat\w*|ganglion cyst|(?<!(?:synovial|facet) )cyst|cystic lesion)\b/gi,
    "mass",
  ],
  [/\b(ha?ematoma|haemorrhage|hemorrhage)\b/gi, "hematoma"],
  [
    /\b(o?edema|increased (signal )?intensit\w*|hyperintens\w*|(?:high|increased) (?:T2 |STIR )?signal|STIR (signal|hyperintens\w*|uptake)|myositis|denervation change\w*)\b/gi,
    "muscle_edema",
    (t) => MUSCLE_WORDS.test(t),
  ],
  [/\b(fatty (change|infiltration|replacement|atrophy)|fat(ty)? infiltration)\b/gi, "muscle_fatty_change"],
  [
    /\bhypertroph\w*/gi,
    "muscle_hypertrophy",
    (t) => MUSCLE_WORDS.test(t) || /calf|thigh|soleus|gastroc/i.test(t),
  ],
  // FORMAT v1.1 tags, in the words radiology reports use for them (RadLex terms).
  [
    /\b(?:T2 )?(?:signal (?:change|abnormality)|hyperintens\w*|o?edema|high signal)\b(?=[^.;]{0,40}\b(?:cord|conus|dorsal columns?|myelopath\w*)\b)|\b(?:cord|conus|dorsal columns?)\b[^.;]{0,25}\b(?:signal change|hyperintens\w*|o?edema)\b|\bflow voids?\b/gi,
    "cord_signal_change",
  ],
  [
    /\b(osteoarthritis|arthritis|arthropathy|joint space narrowing|femoroacetabular degenerat\w*|osteonecrosis|avascular necrosis|subchondral (?:sclerosis|collapse)|osteophytes?|joint effusion|effusion)\b/gi,
    "joint_disease",
    (t) => /\b(hip|knee|joint|femoral head|acetabul\w*)\b/i.test(t),
  ],
  [/\b(fractures?|fractured|dislocation|dislocated)\b/gi, "fracture"],
  [
    /\b(occlu\w*|thrombos\w*|thrombus|embol\w*)\b(?=[^.;]{0,40}\b(?:arter\w*|popliteal|femoral|iliac|tibial vessels|aort\w*)\b)|\b(?:arter\w*|aort\w*)\b[^.;]{0,30}\b(?:occlu\w*|thrombos\w*)/gi,
    "arterial_occlusion",
    (t) => !BRAIN.test(t),
  ],
  [
    /\b(infarct\w*|isch(?:a)?emi\w*|penumbra|intracerebral (?:ha?emorrhage|ha?ematoma)|(?:A[1-3]|M[1-3]|ACA|MCA|PCA) occlusion|paracentral lobule|extra-axial|meningioma|glioma)\b/gi,
    "brain_lesion",
    (t) => BRAIN.test(t),
  ],
  [
    /\b(no abnormal(ity|ities| findings?)|unremarkable|normal (study|MRI|scan|findings)|within normal limits|(?:excluded|ruled out|showed no|revealed no) (?:a |any )?(?:structural|compressive) (?:cause|lesion)|no (?:structural|compressive) (?:cause|lesion))\b/gi,
    "normal",
  ],
];
/** Words that put a study or its finding in the head. */
const BRAIN =
  /\b(brain|head|cranial|intracranial|cerebr\w*|frontal|parietal|temporal lobe|occipital|lobule|vertex|ventric\w*|ACA|MCA|PCA|A[12]|ASPECTS|penumbra|midline shift|extra-axial)\b/i;
/**
 * A named peripheral nerve's lesion on imaging ("entrapment of the sural nerve above the lateral
 * malleolus"): no tag of the format fits, so the study is kept untagged with the report's words,
 * which localization reads for the nerve, its site and the abnormality (context.ts). A root is not
 * a peripheral nerve here ("compressing the L5 nerve root" is the spine's).
 */
const NERVE_LESION =
  /\b(entrap\w*|compress\w*|imping\w*|tether\w*|constrict\w*|transect\w*|lacerat\w*|neuroma|locali[sz]\w*)\b/gi;
/** A peripheral nerve, or a site where one is entrapped (Stewart 2010), named in the report. */
const NERVE_NAMED =
  /\bnerves?\b|\b(fibular|peroneal)[- ](head|neck)\b|\btarsal tunnel\b|\binguinal ligament\b|\bpopliteal fossa\b/i;
/** What an imaging segment reports: a format tag, or a named nerve's lesion kept in words (NERVE_LESION). */
/**
 * A disc bulge is not a herniation: it is disc tissue beyond the ring over more than a quarter of
 * its circumference, a herniation a displacement over less (lumbar disc nomenclature 2.0, Fardon
 * 2014). No tag fits it; alone in a report it is kept untagged with the report's words.
 */
const BULGE = /\b(?:disc\s+)?bulg(?:e|es|ing)\b/gi;
type Reported = ImagingTag | "nerve" | "bulge";
const NO_ROOT_COMPRESSION =
  /\b(?:no|without)\s+(?:evidence\s+of\s+)?(?:(?:nerve\s+)?root|neural|thecal sac)\s+(?:compression|impingement)\b/i;

const REPORT_VERB =
  /\b(revealed|showed|shows|demonstrated|reported|confirmed|identified|found|noted|observed|as|with|was|were|is)\b/gi;

function modalityOf(written: string, around: string, tags: ImagingTag[], sentence: string): Modality {
  const w = written.toLowerCase();
  if (/pet|positron|fdg/.test(w)) return "pet_ct";
  const brain = BRAIN.test(around) || tags.includes("brain_lesion");
  if (/^(cta|mra)$|angiogra|duplex/.test(w)) return brain ? "ct_brain" : "vascular";
  if (brain && /^ct$|computed/.test(w)) return "ct_brain";
  if (brain && /^mri?$|magnetic|^mr /.test(w) && !/spine|spinal|cord/i.test(around)) return "mri_brain";
  if (/ultraso|sonograph|usg|doppler/.test(w)) return "ultrasound";
  if (/^ct$|computed/.test(w)) return "ct";
  if (/x-?ray|radiograph|^xr$/.test(w)) return "xray";
  if (/pelvi|plexus|neurography/i.test(around)) return "mri_plexus";
  if (/spine|spinal|lumbar|lumbosacral|\bLS\b|sacrum|cauda|vertebra/i.test(around)) return "mri_spine";
  if (
    /thigh|leg|calf|limb|extremit|muscle|gluteal|buttock|knee|foot|fibula|fibular|tibia|popliteal|ankle|hip|sciatic notch|peroneal|sural|saphenous/i.test(
      around,
    )
  )
    return "mri_limb";
  if (tags.some((t) => ["plexus_enlargement", "plexus_enhancement"].includes(t))) return "mri_plexus";
  if (
    tags.some((t) =>
      ["muscle_edema", "muscle_fatty_change", "muscle_hypertrophy", "nerve_enlargement"].includes(t),
    )
  )
    return "mri_limb";
  if (/pelvi|plexus/i.test(sentence)) return "mri_plexus";
  if (
    /thigh|calf|limb|extremit|muscle|fibula|fibular|popliteal|knee|ankle|peroneal|tibial nerve|sural|saphenous|sciatic nerve/i.test(
      sentence,
    ) &&
    !/spine|spinal|lumbar|root/i.test(sentence)
  )
    return "mri_limb";
  return "mri_spine";
}

/**
 * The study a sentence without one continues: the last one named, within two sentences in its
 * heading's block. `chain`: every sentence since the study's own has continued its report (no
 * blank line, no new labelled line, nothing else said between), so a sentence of imaging words
 * alone ("Mild stenosis at L3-4.") is still its report.
 */
interface Carried {
  written: string;
  around: string;
  block: number;
  age: number;
  chain: boolean;
}

export function readImaging(doc: Doc): void {
  let carried: Carried | undefined;
  for (const u of doc.patient) {
    if (u.row) continue;
    const mods = [...matches(MODALITY, doc.text, u)];
    const mod = mods[mods.length - 1];
    if (mod)
      carried = {
        written: mod[0],
        around: doc.text.slice(
          Math.max(u.start, mod.index - 30),
          Math.min(u.end, mod.index + mod[0].length + 40),
        ),
        block: u.block,
        age: 0,
        chain: true,
      };
    else if (carried) {
      carried.age++;
      if (u.afterBlank || (u.opensLine && LABEL.test(u.text))) carried.chain = false;
    }
    if (carried && (carried.block !== u.block || carried.age > 2)) carried = undefined;
    if (!mod && !carried) continue;
    if (/\bdiagnos\w*/i.test(u.text)) {
      if (carried && !mod) carried.chain = false;
      continue;
    }
    // "Ultrasound showed ..., and MRI showed ...": each study owns the words up to the next one.
    // A new study starts a new segment only after the previous one has reported something
    // ("T1-weighted gadolinium-enhanced lumbar MRI" is one study).
    const starts: RegExpExecArray[] = [];
    for (const m of mods) {
      const prev = starts[starts.length - 1];
      if (
        !prev ||
        /\b(showed|shows|revealed|demonstrated|confirmed|identified|found|noted|observed)\b/i.test(
          doc.text.slice(prev.index, m.index),
        )
      )
        starts.push(m);
    }
    const firstMod = starts[0];
    const segments =
      starts.length > 1
        ? starts.map((m, i) => ({
            start: i === 0 ? u.start : m.index,
            end: starts[i + 1]?.index ?? u.end,
            mod: m,
          }))
        : [{ start: u.start, end: u.end, mod: firstMod }];
    let continued = false;
    for (const seg of segments) {
      if (readSegment(doc, u, seg, seg.mod ?? undefined, seg.mod ? undefined : carried)) continued = true;
      // "MRI and ultrasonography showed ...": studies joined before one report each report it.
      for (const other of seg.mod ? joinedStudies(doc.text, mods, seg.mod) : [])
        readSegment(doc, u, seg, other, undefined);
    }
    if (!mod && carried && !continued) carried.chain = false;
  }
}

/** The studies named straight after `first`, joined to it by "and", "or", "/" or a comma. */
function joinedStudies(
  text: string,
  mods: readonly RegExpExecArray[],
  first: RegExpExecArray,
): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  let prev = first;
  for (const m of mods) {
    if (m.index <= prev.index) continue;
    if (!/^\s*(?:,|and|or|\/|&)\s*$/i.test(text.slice(prev.index + prev[0].length, m.index))) break;
    out.push(m);
    prev = m;
  }
  return out;
}

function readSegment(
  doc: Doc,
  u: Unit,
  seg: { start: number; end: number },
  mod: RegExpExecArray | undefined,
  carried: Carried | undefined,
): boolean {
  {
    const segText = doc.text.slice(seg.start, seg.end);
    const found: { tag: Reported; start: number; end: number }[] = [];
    let negated = 0;
    for (const [re, tag, needs] of TAGS) {
      if (needs && !needs(segText)) continue;
      for (const m of matches(re, doc.text, seg)) {
        if (tag !== "normal" && isNegated(doc.text, m.index, m.index + m[0].length, u.start, u.end)) {
          negated++;
          continue;
        }
        found.push({ tag, start: m.index, end: m.index + m[0].length });
      }
    }
    if (mod && found.length === 0 && NERVE_NAMED.test(segText) && !/\broots?\b/i.test(segText))
      for (const m of matches(NERVE_LESION, doc.text, seg))
        if (!isNegated(doc.text, m.index, m.index + m[0].length, u.start, u.end))
          found.push({ tag: "nerve", start: m.index, end: m.index + m[0].length });
    if (mod && found.length === 0)
      for (const m of matches(BULGE, doc.text, seg))
        if (!isNegated(doc.text, m.index, m.index + m[0].length, u.start, u.end))
          found.push({ tag: "bulge", start: m.index, end: m.index + m[0].length });
    if (mod) {
      // "Knee radiographs were normal", "MRI ... showed no mass or disc disease".
      const plain = /\b(?:was|were|is|are)\s+(?:entirely\s+|completely\s+)?(?:normal|unremarkable)\b/i.exec(
        doc.text.slice(mod.index, seg.end),
      );
      if (plain && found.length === 0)
        found.push({
          tag: "normal",
          start: mod.index + plain.index,
          end: mod.index + plain.index + plain[0].length,
        });
      // "MRI lumbar spine: no root compression", "mild spondylosis without root compression": a
      // spine study that reports nothing but that no root is compressed answers the question no.
      const spared = found.length === 0 ? NO_ROOT_COMPRESSION.exec(segText) : null;
      if ((found.length === 0 && negated > 0) || spared)
        found.push({ tag: "normal", start: mod.index, end: mod.index + mod[0].length });
    }
    found.sort((a, b) => a.start - b.start);
    if (found.length === 0) return false;
    const study = mod
      ? {
          written: mod[0],
          around: doc.text.slice(
            Math.max(seg.start, mod.index - 30),
            Math.min(seg.end, mod.index + mod[0].length + 40),
          ),
        }
      : carried;
    if (!study) return false;
    if (!mod && !continues(u, found, carried)) return false;
    if (studyIsSpine(study, segText)) {
      const groups = byLevel(doc.text, seg, found);
      if (groups) {
        for (const g of groups) {
          const i = found.indexOf(g.found[0] as (typeof found)[number]);
          const j = found.indexOf(g.found[g.found.length - 1] as (typeof found)[number]);
          const nextStart = groups
            .map((h) => h.found[0]?.start ?? seg.end)
            .filter((x) => x > (found[j]?.end ?? 0));
          addImaging(
            doc,
            u,
            seg,
            study,
            g.found,
            g.level,
            found[i - 1]?.end ?? seg.start,
            Math.min(seg.end, ...nextStart),
          );
        }
        return true;
      }
    }
    addImaging(doc, u, seg, study, found, undefined);
    return true;
  }
}

/**
 * Tags that only a report of imaging uses: the spine's structures, roots, plexus and nerves, the
 * cord's and the muscles' signal. A sentence of these alone, straight after a study's report in its
 * paragraph, goes on with that report ("MRI L-spine: ... stenosis at L4-5. Mild stenosis at
 * L3-4."). A normal, a mass, a haematoma or a fracture may be a clinical word too, and "normal"
 * may speak of another organ ("Cervical cord and brain normal"): those need the study named.
 */
const IMAGING_ONLY: ReadonlySet<Reported> = new Set(
  IMAGING_TAGS.filter(
    (t) =>
      ![
        "normal",
        "mass",
        "hematoma",
        "muscle_hypertrophy",
        "brain_lesion",
        "joint_disease",
        "fracture",
        "arterial_occlusion",
      ].includes(t),
  ),
);

/**
 * Whether a sentence that names no study reports a finding of the study before it: as the subject
 * of a verb of finding ("Increased signal was observed in ..."), or, straight after the study's
 * report, as a sentence of imaging words only, the first of them opening it.
 */
function continues(
  u: Unit,
  found: { tag: Reported; start: number }[],
  carried: Carried | undefined,
): boolean {
  const first = (found[0]?.start ?? 0) - u.start;
  const verb =
    /\b(was|were|is|are)\s+(\w+\s+)?(revealed|observed|noted|seen|found|identified|shown|demonstrated|present)\b|\b(suggested|showed|revealed)\b/i.exec(
      u.text,
    );
  if (verb && verb.index >= first) return true;
  return (
    carried?.chain === true &&
    first <= 30 &&
    found.every((f) => IMAGING_ONLY.has(f.tag)) &&
    !CLINICAL_VERB.test(u.text)
  );
}

/** Verbs of a clinical course, not a report: "the stenosis was decompressed", "he had surgery". */
const CLINICAL_VERB =
  /\b(?:decompress\w*|operat\w*|surgery|treated|underwent|had|resected|excised|injected|improved|resolved|discectomy|laminectomy|fusion)\b/i;

/** Whether a study is of the spine (where a report lists its findings level by level). */
function studyIsSpine(study: { written: string; around: string }, segText: string): boolean {
  return (
    modalityOf(study.written, study.around, [], segText) === "mri_spine" ||
    /\b(?:lumbar|spine|L-spine)\b/i.test(study.around)
  );
}

const LEVEL = /\b(L[1-5]|S1|T1[0-2])\s*[-/]\s*(L?[1-5]|S1)\b/gi;

function levelText(m: RegExpExecArray): string {
  const a = (m[1] ?? "").toUpperCase();
  let b = (m[2] ?? "").toUpperCase();
  if (/^[1-5]$/.test(b)) b = `${a[0]}${b}`;
  return `${a}-${b}`;
}

/**
 * A spine report that names two levels or more is read level by level ("stenosis at L3-4 and
 * right subarticular stenosis at L4-5" is two findings): each finding word takes the levels written
 * after it before the next finding word in its clause, else the last level before it in the clause.
 * Undefined when the segment names fewer than two levels.
 */
function byLevel(
  text: string,
  seg: { start: number; end: number },
  found: { tag: Reported; start: number; end: number }[],
): { level: string; found: typeof found }[] | undefined {
  const levels = [...matches(LEVEL, text, seg)].map((m) => ({ at: m.index, level: levelText(m) }));
  if (new Set(levels.map((l) => l.level)).size < 2) return undefined;
  const clauseOf = (at: number) => text.slice(seg.start, at).split(";").length;
  const groups = new Map<string, typeof found>();
  found.forEach((f, i) => {
    const next = found[i + 1]?.start ?? seg.end;
    const clause = clauseOf(f.start);
    let mine = levels.filter((l) => l.at >= f.end && l.at < next && clauseOf(l.at) === clause);
    if (mine.length === 0) mine = levels.filter((l) => l.at < f.start && clauseOf(l.at) === clause).slice(-1);
    for (const l of mine.length ? mine : [{ level: "", at: 0 }])
      groups.set(l.level, [...(groups.get(l.level) ?? []), f]);
  });
  return [...groups].map(([level, f]) => ({ level, found: f }));
}

function addImaging(
  doc: Doc,
  u: Unit,
  seg: { start: number; end: number },
  study: { written: string; around: string },
  found: { tag: Reported; start: number; end: number }[],
  levelWritten: string | undefined,
  /** Level by level: where the finding word before this group ends, and where the next group starts. */
  after?: number,
  upTo?: number,
): void {
  {
    const segText = doc.text.slice(seg.start, seg.end);
    const tags0 = [...new Set(found.flatMap((f) => (f.tag === "nerve" || f.tag === "bulge" ? [] : [f.tag])))];
    // In the brain a haemorrhage or a mass is a brain lesion too (FORMAT v1.1).
    const brainStudy = BRAIN.test(study.around) && !/spine|spinal|cord/i.test(study.around);
    if (brainStudy && tags0.some((t) => t === "hematoma" || t === "mass") && !tags0.includes("brain_lesion"))
      tags0.push("brain_lesion");
    const tags = tags0.length > 1 ? tags0.filter((t) => t !== "normal") : tags0;
    const modality = modalityOf(study.written, study.around, tags, segText);
    const level =
      levelWritten === undefined ? /\b(L[1-5]|S1|T1[0-2])\s*[-/]\s*(L?[1-5]|S1)\b/i.exec(segText) : null;
    const first = found[0] as (typeof found)[number];
    // The side of the finding: a side named after the reporting verb, or after the finding.
    const verbs = [...matches(REPORT_VERB, doc.text, seg)].filter((v) => v.index < first.start);
    const lastVerb = verbs[verbs.length - 1];
    const sides = doc
      .sides(u)
      .filter((s) => !s.reference && s.end <= seg.end && (!lastVerb || s.start > lastVerb.index));
    const limb = modality !== "mri_spine" && modality !== "ct" && modality !== "xray";
    let side: "left" | "right" | "bilateral" | undefined;
    // Level by level, a group's side is the one written just before its first finding word, after
    // the finding word before it ("bilateral stenosis at L3-4 and right subarticular stenosis at L4-5").
    const last = found[found.length - 1] as (typeof found)[number];
    const near =
      after === undefined
        ? sides.find((s) => s.start >= (lastVerb?.index ?? seg.start))
        : (sides.filter((s) => s.start >= after && s.end <= first.start).pop() ??
          sides.find((s) => s.start >= last.end && s.end <= (upTo ?? seg.end)));
    if (near && near.side !== "other") side = near.side;
    // "Repeat left hip radiographs showed ...": no side after the verb, the study's own side.
    const own = doc
      .sides(u)
      .filter((x) => !x.reference && x.start >= seg.start && lastVerb && x.end <= lastVerb.index)
      .pop();
    if (!side && after === undefined && own && own.side !== "other") side = own.side;
    let inferred = false;
    if (!side && limb && doc.dominant) {
      side = doc.dominant;
      inferred = true;
    }
    const f: ImagingFinding = {
      kind: "imaging",
      modality,
      tags: tags.filter((t) => t !== "normal" || tags.length === 1),
    };
    if (levelWritten) f.level = levelWritten;
    else if (level) f.level = levelText(level);
    if (side) f.side = side;
    f.text = segText
      .replace(/\s+/g, " ")
      .replace(/^[,;\s]*(and\s+)?/i, "")
      .slice(0, 240);
    doc.add(
      f,
      found.map((x) => [x.start, x.end] as [number, number]),
      0.8 - (inferred ? 0.25 : 0),
    );
  }
}
