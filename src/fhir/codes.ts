/**
 * The code systems Locus reads and writes in FHIR, with their licence terms, and the small code
 * tables we use. Where LOINC or SNOMED CT has a code we use it; where none exists (or we could not
 * confirm one) the Locus code system carries the finding, and its codes are the LocusCase words.
 */

export const SYSTEMS = {
  loinc: "http://loinc.org",
  snomed: "http://snomed.info/sct",
  icd10cm: "http://hl7.org/fhir/sid/icd-10-cm",
  ucum: "http://unitsofmeasure.org",
  observationCategory: "http://terminology.hl7.org/CodeSystem/observation-category",
  interpretation: "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation",
  /** Locus's own code system: finding kinds, finding fields, context items and lesion levels. */
  locus: "urn:locus:fhir:CodeSystem:locus",
  /** The case id a Bundle was made from. */
  locusCaseId: "urn:locus:fhir:case-id",
} as const;

/** Extensions Locus defines (a URN each: Locus publishes no FHIR server of its own). */
export const EXTENSIONS = {
  atlasVersion: "urn:locus:fhir:StructureDefinition:atlas-version",
  caseField: "urn:locus:fhir:StructureDefinition:case-field",
  probability: "urn:locus:fhir:StructureDefinition:probability",
} as const;

export interface CodeSystemNote {
  system: string;
  name: string;
  licence: string;
}

export const CODE_SYSTEM_NOTES: CodeSystemNote[] = [
  {
    system: SYSTEMS.loinc,
    name: "LOINC",
    licence:
      "LOINC is copyright Regenstrief Institute, Inc. and the LOINC Committee, available at no cost under the licence at https://loinc.org/license; use requires attribution.",
  },
  {
    system: SYSTEMS.snomed,
    name: "SNOMED CT",
    licence:
      "SNOMED CT is owned by SNOMED International; production use needs a licence (an Affiliate licence, free in member countries).",
  },
  {
    system: SYSTEMS.icd10cm,
    name: "ICD-10-CM",
    licence: "ICD-10-CM (CDC National Center for Health Statistics) is in the public domain.",
  },
  {
    system: SYSTEMS.locus,
    name: "Locus",
    licence: "Locus's own codes: the words of the LocusCase format (FORMAT.md); free to use.",
  },
];

/** Laboratory tests with a LOINC code (checked against published FHIR value sets and lab tables). */
export const LAB_LOINC: Record<string, { code: string; display: string }> = {
  ck: { code: "2157-6", display: "Creatine kinase [Enzymatic activity/volume] in Serum or Plasma" },
  glucose: { code: "2345-7", display: "Glucose [Mass/volume] in Serum or Plasma" },
  hba1c: { code: "4548-4", display: "Hemoglobin A1c/Hemoglobin.total in Blood" },
  esr: { code: "4537-7", display: "Erythrocyte sedimentation rate by Westergren method" },
  crp: { code: "1988-5", display: "C reactive protein [Mass/volume] in Serum or Plasma" },
  vitamin_b12: { code: "2132-9", display: "Cobalamin (Vitamin B12) [Mass/volume] in Serum or Plasma" },
  wbc: { code: "6690-2", display: "Leukocytes [#/volume] in Blood by Automated count" },
  psa: { code: "2857-1", display: "Prostate specific Ag [Mass/volume] in Serum or Plasma" },
};

/** SNOMED CT laterality qualifiers (the codes FHIR's own examples use for left, right and both). */
export const LATERALITY_SNOMED: Record<"left" | "right" | "bilateral", { code: string; display: string }> = {
  left: { code: "7771000", display: "Left" },
  right: { code: "24028007", display: "Right" },
  bilateral: { code: "51440002", display: "Right and left" },
};

/** Observation categories (FHIR's observation-category code system) per finding kind. */
export const CATEGORY: Record<string, "exam" | "procedure" | "imaging" | "laboratory" | "social-history"> = {
  strength: "exam",
  reflex: "exam",
  sensory: "exam",
  sign: "exam",
  emg: "procedure",
  ncs: "procedure",
  imaging: "imaging",
  lab: "laboratory",
};

/** The field of each finding kind that is the Observation's value; the rest are components. */
export const VALUE_FIELD: Record<string, string> = {
  strength: "mrc",
  reflex: "grade",
  sensory: "change",
  emg: "spontaneous",
  ncs: "result",
  sign: "present",
  imaging: "tags",
  lab: "result",
};

/** The field that names what was examined, shown in Observation.code.text. */
export const SUBJECT_FIELD: Record<string, string> = {
  strength: "target",
  reflex: "reflex",
  sensory: "region",
  emg: "muscle",
  ncs: "study",
  sign: "sign",
  imaging: "modality",
  lab: "test",
};

/** Context items (history, symptoms, onset, duration) and the case metadata resource. */
export const CONTEXT_CODES = {
  age: "age",
  onset: "onset",
  durationDays: "duration-days",
  history: "history",
  symptom: "symptom",
  /** v1.1: a symptom the patient was asked about and denies. */
  denied: "denied-symptom",
  /** v1.1: improving, stable, worsening or fluctuating. */
  course: "course",
  caseMetadata: "case-metadata",
  localization: "localization",
  report: "localization-report",
} as const;

export const INTERPRETATION: Record<string, { code: string; display: string }> = {
  elevated: { code: "H", display: "High" },
  low: { code: "L", display: "Low" },
  normal: { code: "N", display: "Normal" },
};
