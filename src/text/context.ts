/**
 * The patient and the story: age, sex, onset and duration, history (cancer and its site,
 * chemotherapy, radiotherapy, diabetes, spine surgery, ...) and symptoms, with the spans they came
 * from. Negated mentions ("no history of trauma", "declined chemoradiation") are left out; plans
 * and offers ("discectomy was offered") are not history.
 */

import { contextWords } from "../differential/data/context-words.js";
import { historyPlaces, notNeuralHistory } from "../localize/data/priors.js";
import { assertion } from "./assertion.js";
import { type Doc, matches } from "./doc.js";
import type { Unit } from "./sentences.js";

export interface Context {
  age?: number;
  sex?: "male" | "female";
  onset?: "acute" | "subacute" | "chronic";
  durationDays?: number;
  history: string[];
  symptoms: string[];
  /** Symptoms asked about and denied (FORMAT v1.1 `context.denies`). */
  denies?: string[];
}

const PELVIC_SITES =
  /^(rectal|rectum|colorectal|cervical|cervix|prostate|prostatic|bladder|uterine|uterus|endometrial|ovarian|ovary|anal|vulvar|vaginal|pelvic)$/i;
const SITE =
  /\b(rectal|rectum|colon|colorectal|cervical|cervix|prostate|prostatic|breast|lung|bladder|uterine|endometrial|ovarian|renal|kidney|pancreatic|gastric|stomach|anal|testicular|thyroid|vulvar|vaginal|esophageal|liver|skin)\b/i;
const CANCER = /\b(cancer|carcinoma|adenocarcinoma|malignan(?:cy|t)|lymphoma|sarcoma|myeloma|neoplasm)\b/gi;
/** "Off warfarin", "stopped apixaban": a treatment the patient no longer takes is not current. */
const STOPPED =
  /\b(?:off|stopped|discontinued|ceased|no longer (?:on|taking)|held)\s+(?:(?:his|her|the|all)\s+)?$/i;

/** "Bladder/bowel normal", "bowel and bladder function intact": a symptom asked about and denied. */
const NORMAL_AFTER =
  /^(?:\s*(?:\/|and|&|,)\s*[a-z]+)?\s*(?:function|control|habits?|symptoms)?\s*(?:(?:is|are|was|were)\s+)?(?:normal|intact|unremarkable|fine|ok|preserved|unaffected|NAD)\b/i;

/** Whether a history or symptom word at [s, e) is the patient's own and not denied. */
function affirmed(doc: Doc, u: Unit, s: number, e: number): boolean {
  const a = assertion(doc.text, s, e, u.start, u.end);
  return !a.negated && !a.otherPerson && !a.hypothetical;
}

const FAMILY_NEUROPATHY =
  /\b(?:family history|FHx?|mother|father|brother|sister|sibling|son|daughter|aunt|uncle|cousin|grand(?:mother|father|parent))\b[^.;]{0,60}?\b(?:neuropath\w*|CMT|Charcot[- ]Marie[- ]Tooth|HNPP|hereditary neuropathy)\b/i;

const PLAN =
  /\b(offered|recommended|planned|will (?:be|undergo|receive)|was started|started|commenced|initiated|we performed|scheduled|advised)\b/i;

/**
 * FORMAT v1.1 history words the differential's word table (differential/data/context-words.ts)
 * already recognises in free text; a note's mention becomes the word.
 */
const V11_FROM_WORDS: ReadonlySet<string> = new Set([
  "knee_surgery",
  "bariatric_surgery",
  "autoimmune_disease",
  "neurotoxic_exposure",
  "injection_drug_use",
]);

const HISTORY: [RegExp, string][] = [
  [/\b(diabet(?:es|ic)(?! amyotrophy)|T[12]DM|IDDM|NIDDM)\b/gi, "diabetes"],
  [
    /\b(chemotherapy|chemo|chemoradiation|chemoradiotherapy|CCRT|capecitabine|cisplatin|oxaliplatin|5-fluorouracil|paclitaxel|vincristine)\b/gi,
    "chemotherapy",
  ],
  [
    /\b(radiotherapy|radiation therapy|irradiat\w*|chemoradiation|chemoradiotherapy|CCRT|brachytherapy)\b/gi,
    "radiation",
  ],
  [
    /\b(anticoagula\w*|warfarin|heparin|enoxaparin|lovenox|apixaban|rivaroxaban|dabigatran|DOAC)\b/gi,
    "anticoagulation",
  ],
  [
    /\b(hemi-?laminectomy|laminectomy|laminotomy|discectomy|microdiscectomy|spinal fusion|foraminotomy|spine surgery|spinal surgery|disc decompression|interspinous|inter-?spinal device)\b/gi,
    "spine_surgery",
  ],
  [/\b(hip (?:replacement|arthroplasty|surgery)|THA|THR)\b/g, "hip_surgery"],
  [/\b(hysterectomy|prostatectomy|pelvic surgery|abdominoperineal resection)\b/gi, "pelvic_surgery"],
  [/\b(trauma|accident|fracture)\b/gi, "trauma"],
  [/\b(pregnan\w*|postpartum|childbirth|vaginal delivery|caesarean|cesarean)\b/gi, "pregnancy_delivery"],
  [/\b(weight loss|lost weight|cachexia)\b/gi, "weight_loss"],
  [/\b(alcohol|ETOH|drinks \d+ units)\b/gi, "alcohol"],
  [/\b(smok(?:es|er|ing)|cigarettes?|pack-?years?|tobacco)\b/gi, "smoking"],
  [
    /\b(immobili[sz]\w*|bed-?ridden|prolonged (?:bed rest|kneeling|squatting|sitting))\b/gi,
    "prolonged_immobility",
  ],
  [/\b(intramuscular injection|IM injection|gluteal injection)\b/gi, "intramuscular_injection"],
  [/\b((?:habitual )?(?:leg|knee) crossing|crossing (?:his|her|the) legs|crossed legs)\b/gi, "leg_crossing"],
  [/\b(infection|sepsis|septic|HIV|herpes zoster|shingles|lyme)\b/gi, "infection"],
  [
    /\b(hypertension|hyperlipid(?:a)?emia|dyslipid(?:a)?emia|hypothyroidism|atrial fibrillation|chronic kidney disease|obesity)\b/gi,
    "free",
  ],
  // A place where nerves are pressed or torn ("Baker's cyst", "fibular neck fracture"), kept in
  // the note's own words: localization reads them (localize/data/priors.ts historyPlaces). The
  // patterns are read as they are written: matches() reads every one of them through the text.
  ...historyPlaces.map(({ pattern }): [RegExp, string] => [pattern, "place"]),
  // FORMAT v1.1 history words, as the differential's word table finds them in free text.
  ...contextWords.flatMap((w): [RegExp, string][] => {
    const word = w.clues.length === 1 ? w.clues[0] : undefined;
    return w.in !== "symptoms" && word && V11_FROM_WORDS.has(word) ? [[w.pattern, word]] : [];
  }),
  // Known hip joint or arterial disease (FORMAT v1.1 words; localize/data/priors.ts notNeuralHistory).
  ...Object.entries(notNeuralHistory.words).map(([word, pattern]): [RegExp, string] => [pattern, word]),
];

const SYMPTOMS: [RegExp, string][] = [
  [/\b(back ?ache|back pain|lumbago|lumbar pain|low back)\b/gi, "back_pain"],
  [/\b(radiat\w*|sciatica|radicular pain|shooting pain)\b/gi, "radicular_pain"],
  [/\b(burning|neuropathic pain|allodynia|dys(?:a)?esthe\w*|electric shock)\b/gi, "neuropathic_pain"],
  [/\b(weak(?:ness)?|paresis|foot drop|giving way)\b/gi, "weakness"],
  [/\b(numb(?:ness)?|hypo(?:a)?esthesia|loss of sensation)\b/gi, "numbness"],
  [/\b(urinary (?:retention|incontinence|urgency)|bladder|incontinence|urinary)\b/gi, "bladder_dysfunction"],
  [/\b(bowel|f(?:a)?ecal incontinence|constipation)\b/gi, "bowel_dysfunction"],
  [/\b(erectile|impotence|sexual dysfunction)\b/gi, "sexual_dysfunction"],
  [
    /\b(claudication|worse\w* (?:while|with|on) walking|unable to walk more than|alleviated (?:by|with) rest|relieved by (?:rest|sitting))\b/gi,
    "claudication",
  ],
  [/\b(cramps?)\b/gi, "cramps"],
  [/\b(progressive|progressively|progressed)\b/gi, "progressive"],
  [/\b(spread(?:ing)? to the (?:other|contralateral|opposite))\b/gi, "contralateral_spread"],
  [/\b(fever|febrile|pyrexia)\b/gi, "fever"],
  // FORMAT v1.1 symptoms.
  [
    /\b(night pain|pain at night|nocturnal pain|worse at night|wak(?:es|ing) (?:him|her|them) (?:up )?(?:at night|from sleep))\b/gi,
    "night_pain",
  ],
  [/\b(unsteady|unsteadiness|gait ataxia|ataxic gait|poor balance|worse in the dark)\b/gi, "unsteady_gait"],
  [
    /\b((?:urinary|bladder) retention|retention of urine|(?:cannot|could not|unable to) pass urine)\b/gi,
    "urinary_retention",
  ],
  [/\b(pain out of proportion|disproportionate pain)\b/gi, "pain_out_of_proportion"],
  [
    /\b(pain on passive (?:stretch|extension|flexion|movement)\w*|pain with passive (?:stretch|movement)\w*)\b/gi,
    "pain_on_passive_stretch",
  ],
];
const PAIN_FIRST =
  /\b(?:pain|ache)\b[^.]{0,120}?\b(?:followed by|before|then|preceded)\b[^.]{0,60}\bweakness|\bbefore the weakness\b|\bwhen the pain (?:decreased|subsided|improved|eased)\b[^.]{0,60}\bweakness|\bweakness (?:appeared|developed|followed) (?:after|when) the pain/gi;

const NUMBER_WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  a: 1,
  an: 1,
  several: 3,
  "a few": 3,
  few: 3,
  many: 5,
};
const UNIT_DAYS: Record<string, number> = { day: 1, week: 7, month: 30, year: 365 };
const DURATION =
  /\b(?:since|for|over|during|of|in the (?:past|last)|past|last)\s+(?:the\s+)?(?:past\s+|last\s+)?(?:approximately|about|around|nearly|almost|~)?\s*(\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|a few|few|many|an?)\s*-?\s*(day|week|month|year)s?\b|\b(\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|several|a few)\s*-?\s*(day|week|month|year)s?[- ](?:history|ago)\b/gi;
const SYMPTOM_WORDS =
  /\b(pain|weak|numb|complain\w*|suffer\w*|symptoms?|hypo(?:a)?esthesia|developed|history|progressive|worsening)\b/i;

export function readContext(doc: Doc): Context {
  const ctx: Context = { history: [], symptoms: [] };
  const units = doc.patient.filter((u) => !u.row);
  const use = (s: number, e: number) => doc.used.push([s, e]);

  for (const u of units) {
    if (ctx.age === undefined) {
      const m =
        /\b(\d{1,3})\s*-?\s*(?:years?|yrs?|y)\s*-?\s*old\b|\baged\s+(\d{1,3})\b|\b(\d{1,3})\s*(?:y\/o|yo)\b/i.exec(
          u.text,
        );
      if (m) {
        const age = Number(m[1] ?? m[2] ?? m[3]);
        if (age <= 120) {
          ctx.age = age;
          use(u.start + m.index, u.start + m.index + m[0].length);
        }
      }
    }
    if (ctx.sex === undefined) {
      const m = /\b(man|male|gentleman|boy|woman|female|lady|girl)\b/i.exec(u.text);
      if (m) {
        ctx.sex = /^(man|male|gentleman|boy)$/i.test(m[1] ?? "") ? "male" : "female";
        use(u.start + m.index, u.start + m.index + m[0].length);
      }
    }
  }
  if (ctx.sex === undefined) {
    let he = 0;
    let she = 0;
    for (const u of units) {
      he += (u.text.match(/\b(he|his|him)\b/gi) ?? []).length;
      she += (u.text.match(/\b(she|her|hers)\b/gi) ?? []).length;
    }
    if (he > 2 * she && he >= 2) ctx.sex = "male";
    else if (she > 2 * he && she >= 2) ctx.sex = "female";
  }

  // Duration: the first one told of the complaint.
  for (const u of units) {
    if (ctx.durationDays !== undefined) break;
    if (!SYMPTOM_WORDS.test(u.text)) continue;
    for (const m of matches(DURATION, doc.text, u)) {
      const n = (m[1] ?? m[3] ?? "").toLowerCase();
      const unit = (m[2] ?? m[4] ?? "").toLowerCase();
      const count = NUMBER_WORDS[n] ?? Number(n);
      if (!Number.isFinite(count) || !UNIT_DAYS[unit]) continue;
      ctx.durationDays = Math.round(count * (UNIT_DAYS[unit] as number));
      use(m.index, m.index + m[0].length);
      break;
    }
  }
  if (ctx.durationDays !== undefined)
    ctx.onset = ctx.durationDays <= 28 ? "acute" : ctx.durationDays <= 84 ? "subacute" : "chronic";
  else
    for (const u of units) {
      const m = /\b(subacute|acute(?:ly)?|sudden(?:ly)?|chronic|insidious)\b/i.exec(u.text);
      if (!m) continue;
      const w = (m[1] ?? "").toLowerCase();
      ctx.onset = w === "subacute" ? "subacute" : /acute|sudden/.test(w) ? "acute" : "chronic";
      use(u.start + m.index, u.start + m.index + m[0].length);
      break;
    }

  readHistory(doc, units, ctx, use);
  readSymptoms(doc, units, ctx, use);
  return ctx;
}

function readHistory(doc: Doc, units: Unit[], ctx: Context, use: (s: number, e: number) => void): void {
  const add = (word: string) => {
    if (!ctx.history.includes(word) && !ctx.history.some((h) => h.startsWith(`${word}:`)))
      ctx.history.push(word);
  };
  let cancerSite: string | undefined;
  for (const u of units) {
    for (const m of matches(CANCER, doc.text, u)) {
      if (!affirmed(doc, u, m.index, m.index + m[0].length)) continue;
      const before = doc.text.slice(Math.max(u.start, m.index - 50), m.index);
      const after = doc.text.slice(m.index + m[0].length, Math.min(u.end, m.index + m[0].length + 30));
      const near = [...(before.split(/[,;.]/).pop() ?? "").matchAll(new RegExp(SITE.source, "gi"))].pop();
      const site = near?.[1] ?? /^\s+of the (\w+)/i.exec(after)?.[1];
      const s = site
        ?.toLowerCase()
        .replace(/^rectum$/, "rectal")
        .replace(/^cervix$/, "cervical");
      if (s && SITE.test(s)) {
        cancerSite ??= s;
        add(`cancer:${s}`);
      } else add("cancer");
      use(m.index, m.index + m[0].length);
    }
  }
  if (cancerSite && ctx.history.includes("cancer")) ctx.history.splice(ctx.history.indexOf("cancer"), 1);
  // "His father had a neuropathy", "family history of CMT": v1.1 family_history_neuropathy.
  for (const u of units) {
    const m = FAMILY_NEUROPATHY.exec(u.text);
    if (!m) continue;
    const at = u.start + m.index;
    if (assertion(doc.text, at, at + m[0].length, u.start, u.end).negated) continue;
    add("family_history_neuropathy");
    use(at, at + m[0].length);
  }
  const anyHistory = new RegExp(HISTORY.map(([re]) => `(?:${re.source})`).join("|"), "i");
  for (const u of units) {
    if (!anyHistory.test(u.text)) continue;
    const plan = PLAN.test(u.text);
    for (const [re, word] of HISTORY) {
      for (const m of matches(re, doc.text, u)) {
        if (!affirmed(doc, u, m.index, m.index + m[0].length)) continue;
        if (
          word === "anticoagulation" &&
          STOPPED.test(doc.text.slice(Math.max(u.start, m.index - 30), m.index))
        )
          continue;
        if (
          plan &&
          [
            "chemotherapy",
            "radiation",
            "spine_surgery",
            "hip_surgery",
            "pelvic_surgery",
            "anticoagulation",
            "knee_surgery",
            "bariatric_surgery",
          ].includes(word)
        )
          continue;
        let w = word;
        if (word === "radiation")
          w =
            (cancerSite && PELVIC_SITES.test(cancerSite)) || /pelvi/i.test(u.text)
              ? "pelvic_radiation"
              : "radiotherapy";
        if (word === "free") w = (m[1] ?? m[0]).toLowerCase();
        if (word === "place") w = m[0].toLowerCase();
        if (word === "spine_surgery") w = `spine_surgery:${(m[1] ?? m[0]).toLowerCase()}`;
        if (w.startsWith("spine_surgery:") && ctx.history.some((h) => h.startsWith("spine_surgery")))
          continue;
        add(w);
        use(m.index, m.index + m[0].length);
      }
    }
  }
}

function readSymptoms(doc: Doc, units: Unit[], ctx: Context, use: (s: number, e: number) => void): void {
  const add = (w: string) => {
    if (!ctx.symptoms.includes(w)) ctx.symptoms.push(w);
  };
  const anySymptom = new RegExp(
    [...SYMPTOMS.map(([re]) => re.source), PAIN_FIRST.source].map((x) => `(?:${x})`).join("|"),
    "i",
  );
  const denied = new Set<string>();
  for (const u of units) {
    if (!anySymptom.test(u.text)) continue;
    for (const [re, word] of SYMPTOMS)
      for (const m of matches(re, doc.text, u)) {
        const a = assertion(doc.text, m.index, m.index + m[0].length, u.start, u.end);
        // "No bladder or bowel symptoms", "denies fever", "bladder/bowel normal": asked about and
        // denied (v1.1 denies).
        const normalAfter = NORMAL_AFTER.test(
          doc.text.slice(m.index + m[0].length, Math.min(u.end, m.index + m[0].length + 30)),
        );
        if ((a.negated || normalAfter) && !a.otherPerson && !a.hypothetical) {
          denied.add(word);
          use(m.index, m.index + m[0].length);
        }
        if (normalAfter || !affirmed(doc, u, m.index, m.index + m[0].length)) continue;
        if (word === "radicular_pain" && !/pain|ache|sciatica|radiat\w* to|radiating/i.test(u.text)) continue;
        if (word === "neuropathic_pain" && !/pain|sensation|burning/i.test(u.text)) continue;
        add(word);
        use(m.index, m.index + m[0].length);
      }
    for (const m of matches(PAIN_FIRST, doc.text, u)) {
      add("pain_before_weakness");
      use(m.index, m.index + m[0].length);
    }
  }
  // A symptom both denied and told of is the patient's; "progressive" is a course, not a symptom asked about.
  ctx.denies = [...denied].filter((w) => !ctx.symptoms.includes(w) && w !== "progressive");
}
