/**
 * Words clinicians write for the format's closed values: "decreased" sensation is `reduced`,
 * "upgoing" toes are `extensor`, a reflex of "1+" is `reduced`. Matching ignores case, spaces,
 * hyphens and underscores ("Light touch" = `light_touch`), as the atlas lexicon does.
 *
 * Only equivalences are listed here: a word that could mean two values is left for the schema to
 * refuse, with the nearest values named.
 */
import { z } from "zod";
import { fold } from "../atlas/index.js";
import { COURSES, FINDING_SCHEMAS, type FindingKind, ONSETS, SEXES } from "./schema.js";

/** Sources for the value equivalences that are clinical facts rather than spelling. */
export const VALUE_SOURCES = {
  litvan1996: {
    title: "Reliability of the NINDS Myotatic Reflex Scale",
    authors: "Litvan I, Mangone CA, Werden W, et al.",
    year: 1996,
    published: "Neurology 47(4):969-972",
    url: "https://doi.org/10.1212/wnl.47.4.969",
    kind: "article",
  },
  reiman2013: {
    title: "Diagnostic accuracy of clinical tests of the hip: a systematic review with meta-analysis",
    authors: "Reiman MP, Goode AP, Hegedus EJ, Cook CE, Wright AA",
    year: 2013,
    published: "Br J Sports Med 47(14):893-902",
    kind: "article",
  },
  tinel1915: {
    title: "Le signe du fourmillement dans les lésions des nerfs périphériques",
    authors: "Tinel J",
    year: 1915,
    published: "La Presse Médicale, 1915 (Hoffmann described the same sign that year)",
    kind: "article",
  },
  preston2020: {
    title:
      "Electromyography and Neuromuscular Disorders: Clinical-Electrophysiologic-Ultrasound Correlations",
    authors: "Preston DC, Shapiro BE",
    year: 2020,
    published: "4th ed. Elsevier (ISBN 9780323661805)",
    kind: "textbook",
  },
} as const;

/**
 * Tendon reflex grades on the NINDS myotatic reflex scale (litvan1996): 0 absent, 1 a small
 * (low normal) response, 2 the middle of the normal range, 3 brisker than average, 4 very brisk,
 * often with clonus. The format's four grades read 1 as reduced and 3 and 4 as brisk.
 */
const NINDS_REFLEX_GRADES: Record<string, string> = {
  "0": "absent",
  "1": "reduced",
  "1+": "reduced",
  "2": "normal",
  "2+": "normal",
  "3": "brisk",
  "3+": "brisk",
  "4": "brisk",
  "4+": "brisk",
};

export const words = (table: Record<string, string[]>): Record<string, string> =>
  Object.fromEntries(Object.entries(table).flatMap(([value, ws]) => ws.map((w) => [fold(w), value])));

/** By finding kind and field: written word (folded) -> the format's value. */
const FINDING_VALUE_WORDS: Partial<Record<FindingKind, Record<string, Record<string, string>>>> = {
  reflex: {
    grade: {
      ...words({
        absent: ["areflexic", "not elicited", "not elicitable", "unobtainable", "nil", "lost"],
        reduced: ["hypoactive", "diminished", "decreased", "depressed", "trace", "sluggish", "hyporeflexic"],
        normal: ["present", "intact", "normoactive"],
        brisk: ["hyperactive", "exaggerated", "increased", "hyperreflexic", "pathologically brisk"],
        flexor: ["downgoing", "down going", "flexor plantar", "plantar flexor"],
        extensor: ["upgoing", "up going", "extensor plantar", "babinski", "babinski sign"],
      }),
      ...NINDS_REFLEX_GRADES,
    },
  },
  sensory: {
    change: words({
      absent: ["lost", "loss", "anaesthesia", "anesthesia", "analgesia", "anaesthetic", "anesthetic"],
      reduced: [
        "decreased",
        "diminished",
        "impaired",
        "hypoaesthesia",
        "hypoesthesia",
        "hypesthesia",
        "hypoalgesia",
        "hypalgesia",
      ],
      increased: ["hyperaesthesia", "hyperesthesia", "allodynia", "hyperalgesia", "hyperpathia"],
      paresthesia: ["paraesthesia", "paraesthesiae", "paresthesias", "tingling", "pins and needles"],
      pain: ["painful"],
      normal: ["intact"],
    }),
    modality: words({
      pinprick: ["pin prick", "pin", "sharp"],
      light_touch: ["touch", "LT", "light touch sensation"],
      vibration: ["vibration sense", "vibratory", "vibration perception"],
      proprioception: ["joint position", "joint position sense", "position sense", "JPS"],
    }),
  },
  emg: {
    spontaneous: words({
      fibrillations: [
        "fibs",
        "fibrillation",
        "fibrillation potentials",
        "PSW",
        "PSWs",
        "positive sharp waves",
        "fibs and PSWs",
        "fibs/PSWs",
      ],
      fasciculations: ["fasciculation", "fasciculation potentials", "fascics"],
      myokymia: ["myokymic discharges", "myokymic"],
      crd: ["CRDs", "complex repetitive discharges", "complex repetitive discharge"],
      none: ["absent", "nil", "no spontaneous activity"],
    }),
    recruitment: words({
      reduced: ["decreased", "diminished"],
      discrete: ["single unit", "single unit pattern"],
      none: ["absent", "no units", "no voluntary units"],
    }),
  },
  ncs: {
    result: words({
      reduced: ["low", "low amplitude", "decreased", "diminished"],
      absent: ["unobtainable", "not recordable", "unrecordable", "no response", "NR"],
      prolonged: ["delayed"],
      slowed: ["slow"],
      // FORMAT v1.1: block is conduction block or focal slowing across a segment (preston2020).
      block: [
        "conduction block",
        "CB",
        "partial conduction block",
        "focal conduction block",
        "focal slowing",
        "focal conduction slowing",
        "focal demyelination",
      ],
    }),
  },
  sign: {
    sign: words({
      straight_leg_raise: ["SLR", "Lasegue", "Lasègue", "Lasegue sign", "straight leg raising"],
      crossed_straight_leg_raise: ["crossed SLR", "XSLR", "contralateral SLR", "well leg raise"],
      femoral_stretch: [
        "femoral nerve stretch",
        "femoral stretch test",
        "reverse SLR",
        "reverse straight leg raise",
      ],
      atrophy: ["wasting", "muscle wasting", "atrophic"],
      hypertrophy: ["hypertrophic"],
      fasciculations: ["fasciculation"],
      babinski: ["Babinski sign", "extensor plantar response"],
      tenderness: ["tender"],
      // v1.1. Tinel (tinel1915): tingling on percussion over a nerve.
      tinel: [
        "Tinel's",
        "Tinel's sign",
        "Tinel sign",
        "Tinels",
        "positive Tinel",
        "positive Tinel's",
        "Tinel positive",
        "Hoffmann-Tinel",
        "Hoffmann-Tinel sign",
      ],
      pulses: [
        "pulse",
        "pedal pulses",
        "foot pulses",
        "peripheral pulses",
        "distal pulses",
        "dorsalis pedis pulse",
      ],
      cold_pale_limb: [
        "cold pale limb",
        "cold pale leg",
        "pale cold limb",
        "pale cold leg",
        "cold and pale limb",
        "cold and pale leg",
      ],
      pes_cavus: [
        "cavus foot",
        "cavus feet",
        "pes cavus",
        "high arched feet",
        "high arches",
        "high-arched foot",
      ],
      // FABER is Patrick's test; FADIR the flexion-adduction-internal rotation test (reiman2013).
      hip_pain_on_rotation: [
        "FABER",
        "positive FABER",
        "FABER test",
        "Patrick test",
        "Patrick's test",
        "Patrick's sign",
        "FADIR",
        "positive FADIR",
        "FADIR test",
        "pain on hip rotation",
        "painful hip rotation",
        "pain on passive hip rotation",
        "hip pain on internal rotation",
      ],
      sensory_level: ["sensory level", "truncal sensory level", "spinal sensory level"],
      arm_weakness: [
        "weak arm",
        "arm weak",
        "upper limb weakness",
        "upper extremity weakness",
        "arm paresis",
      ],
      facial_weakness: [
        "facial palsy",
        "facial paresis",
        "face weakness",
        "facial droop",
        "facial asymmetry",
      ],
    }),
  },
  lab: {
    result: words({ elevated: ["high", "raised", "increased"], low: ["decreased", "reduced"] }),
    test: words({
      wbc: [
        "white cell count",
        "white blood cell count",
        "WCC",
        "white blood cells",
        "leukocytes",
        "leucocytes",
        "leukocyte count",
      ],
      psa: ["prostate specific antigen", "prostate-specific antigen"],
      csf_cytology: ["CSF cytology", "cytology", "cerebrospinal fluid cytology"],
    }),
  },
  imaging: {
    tags: words({
      disc_herniation: [
        "disc prolapse",
        "disc protrusion",
        "disc extrusion",
        "herniated disc",
        "disc herniation",
        "HNP",
      ],
      canal_stenosis: ["spinal stenosis", "central stenosis", "central canal stenosis"],
      muscle_edema: ["muscle oedema", "denervation edema", "denervation oedema"],
      hematoma: ["haematoma"],
      // v1.1
      cord_signal_change: [
        "cord oedema",
        "cord edema",
        "cord signal",
        "cord signal abnormality",
        "myelopathic signal",
        "intramedullary signal change",
        "intramedullary T2 hyperintensity",
        "cord hyperintensity",
        "flow voids",
        "myelopathy",
      ],
      brain_lesion: [
        "infarct",
        "cerebral infarct",
        "stroke",
        "intracerebral haemorrhage",
        "intracerebral hemorrhage",
        "brain tumour",
        "brain tumor",
        "parasagittal lesion",
      ],
      joint_disease: [
        "osteoarthritis",
        "arthritis",
        "osteonecrosis",
        "avascular necrosis",
        "AVN",
        "joint effusion",
        "hip effusion",
        "knee effusion",
      ],
      fracture: ["fractured", "fx"],
      arterial_occlusion: [
        "occlusion",
        "arterial thrombosis",
        "arterial embolism",
        "occluded artery",
        "popliteal artery occlusion",
        "femoral artery occlusion",
      ],
    }),
    modality: words({
      mri_brain: ["MRI brain", "brain MRI", "MRI head", "head MRI", "cranial MRI", "MR brain"],
      ct_brain: ["CT brain", "brain CT", "CT head", "head CT", "cranial CT"],
      vascular: [
        "duplex",
        "arterial duplex",
        "duplex ultrasound",
        "CT angiography",
        "CTA",
        "MR angiography",
        "MRA",
        "angiography",
        "angiogram",
        "arterial doppler",
      ],
    }),
  },
};

const TOP_VALUE_WORDS: Record<string, Record<string, string>> = {
  sex: words({ male: ["M", "man"], female: ["F", "woman"] }),
  course: words({
    improving: ["improved", "better", "getting better", "resolving", "recovering"],
    stable: ["static", "unchanged", "stationary", "non-progressive", "nonprogressive", "plateaued"],
    worsening: ["worse", "getting worse", "deteriorating", "progressing", "progressive"],
    fluctuating: ["fluctuant", "waxing and waning", "relapsing", "relapsing-remitting", "intermittent"],
  }),
};

/**
 * A closed list of words and the words written for them, matched as the format matches them
 * (folded), made once: the first value with the word's fold, else the synonym for it. A word
 * already in its canonical form answers itself without being folded.
 */
export function closedWords(
  values: readonly string[],
  synonyms: Readonly<Record<string, string>> = {},
): (written: string) => string | undefined {
  const byFold = new Map(Object.entries(synonyms));
  for (let k = values.length - 1; k >= 0; k--) {
    const v = values[k] as string;
    byFold.set(fold(v), v);
  }
  const lookUp = (written: string) => byFold.get(fold(written));
  const itself = new Set([...values, ...byFold.values()].filter((w) => lookUp(w) === w));
  return (written) => (itself.has(written) ? written : lookUp(written));
}

type FieldEnum = Readonly<{ values: readonly string[]; list: boolean }>;
/** A closed field of a finding kind: its values, and the canonical value of a word written in it. */
export type ClosedField = { spec: FieldEnum; canonical: (written: string) => string | undefined };

/** By finding kind and field of the format, the closed fields: made once from the schema. */
const CLOSED_FIELDS = new Map<string, Map<string, ClosedField>>(
  Object.entries(FINDING_SCHEMAS).map(([kind, schema]) => [kind, closedFieldsOf(kind, schema.shape)]),
);

function closedFieldsOf(kind: string, shape: Record<string, z.ZodType>): Map<string, ClosedField> {
  const fields = new Map<string, ClosedField>();
  for (const [field, type] of Object.entries(shape)) {
    const spec = enumOf(type);
    if (!spec) continue;
    const synonyms = own(own(FINDING_VALUE_WORDS, kind as FindingKind), field) ?? {};
    const closed = closedWords(spec.values, synonyms);
    fields.set(field, { spec, canonical: (w) => closed(w) ?? own(synonyms, w.trim()) });
  }
  return fields;
}

/** The closed fields of a finding kind, by field; undefined for a word that is not a kind of the format. */
export const closedFields = (kind: string): ReadonlyMap<string, ClosedField> | undefined =>
  CLOSED_FIELDS.get(kind);

/** The enum values a field of a finding kind takes, or undefined when it is not a closed list. */
export function findingEnum(kind: string, field: string): FieldEnum | undefined {
  return closedFields(kind)?.get(field)?.spec;
}

function enumOf(field: z.ZodType | undefined): FieldEnum | undefined {
  let s = field;
  let list = false;
  for (;;) {
    if (s instanceof z.ZodOptional) s = s.unwrap() as z.ZodType;
    else if (s instanceof z.ZodArray) {
      s = s.element as z.ZodType;
      list = true;
    } else break;
  }
  return s instanceof z.ZodEnum ? Object.freeze({ values: s.options as string[], list }) : undefined;
}

/**
 * A table's own entry for a key written by the user, never one inherited from Object.prototype
 * ("constructor", "__proto__" and "toString" are ordinary unknown words).
 */
export function own<T>(table: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return table !== undefined && Object.hasOwn(table, key) ? table[key] : undefined;
}

/** The format's value for a word written in a finding's closed field, or undefined. */
export function canonicalFindingValue(kind: string, field: string, written: unknown): string | undefined {
  if (typeof written !== "string" && typeof written !== "number") return undefined;
  return closedFields(kind)?.get(field)?.canonical(String(written));
}

const TOP_VALUES = {
  sex: closedWords(SEXES, TOP_VALUE_WORDS.sex),
  onset: closedWords(ONSETS),
  course: closedWords(COURSES, TOP_VALUE_WORDS.course),
};

/** The format's value for a word written for `patient.sex`, `context.onset` or `context.course`. */
export function canonicalTopValue(field: "sex" | "onset" | "course", written: string): string | undefined {
  return TOP_VALUES[field](written);
}
