/**
 * A LocusCase as a FHIR R4 Bundle (type collection): a Patient, one Observation per finding and per
 * context item, and a Basic resource with what FHIR has no place for (source, narrative, notes,
 * meta, expected). `bundleToCase` reads it back to the same case.
 */
import { randomUUID } from "node:crypto";
import type {
  Basic,
  Bundle,
  BundleEntry,
  CodeableConcept,
  Extension,
  Observation,
  ObservationComponent,
  Patient,
  Resource,
} from "@medplum/fhirtypes";
import type { Finding, LocusCase } from "../case/schema.js";
import {
  CATEGORY,
  CONTEXT_CODES,
  EXTENSIONS,
  INTERPRETATION,
  LAB_LOINC,
  LATERALITY_SNOMED,
  SUBJECT_FIELD,
  SYSTEMS,
  VALUE_FIELD,
} from "./codes.js";

/** Fields whose strings are free text (valueString); other strings are codes (valueCodeableConcept). */
export const FREE_TEXT_FIELDS = new Set(["text", "unit"]);
/** Fields that are free text for one kind only. */
export const FREE_TEXT_BY_KIND: Record<string, string[]> = {
  sign: ["target"],
  strength: ["mrc"],
  ncs: ["segment"],
};
/** Units for numeric fields (UCUM). */
export const UNITS: Record<string, { unit: string; code: string }> = {
  velocity: { unit: "m/s", code: "m/s" },
  latency: { unit: "ms", code: "ms" },
  percentOfContralateral: { unit: "%", code: "%" },
  durationDays: { unit: "d", code: "d" },
  age: { unit: "a", code: "a" },
};

export const locusConcept = (code: string, text?: string): CodeableConcept => ({
  coding: [{ system: SYSTEMS.locus, code }],
  text: text ?? code,
});

type Value = Pick<
  Observation,
  "valueString" | "valueBoolean" | "valueInteger" | "valueQuantity" | "valueCodeableConcept"
>;

/** A case field value as an Observation or component value[x]; the type is kept so it reads back the same. */
export function encodeValue(kind: string, field: string, value: unknown): Value {
  if (typeof value === "boolean") return { valueBoolean: value };
  if (typeof value === "number") {
    const unit = UNITS[field];
    if (unit) return { valueQuantity: { value, unit: unit.unit, system: SYSTEMS.ucum, code: unit.code } };
    return Number.isInteger(value) && Math.abs(value) < 2 ** 31
      ? { valueInteger: value }
      : { valueQuantity: { value } };
  }
  if (Array.isArray(value) && value.length === 0) return {};
  if (Array.isArray(value))
    return {
      valueCodeableConcept: {
        coding: value.map((v) => ({ system: SYSTEMS.locus, code: String(v) })),
        text: value.join(", "),
      },
    };
  const s = String(value);
  if (FREE_TEXT_FIELDS.has(field) || FREE_TEXT_BY_KIND[kind]?.includes(field)) return { valueString: s };
  return { valueCodeableConcept: locusConcept(s) };
}

function component(kind: string, field: string, value: unknown): ObservationComponent {
  return { code: locusConcept(field), ...encodeValue(kind, field, value) } as ObservationComponent;
}

function category(code: string): CodeableConcept[] {
  return [{ coding: [{ system: SYSTEMS.observationCategory, code }] }];
}

function findingObservation(f: Finding, subject: Observation["subject"]): Observation {
  const record = f as Record<string, unknown>;
  const kind = f.kind;
  const valueField = VALUE_FIELD[kind] ?? "";
  const what = String(record[SUBJECT_FIELD[kind] ?? ""] ?? "");
  const coding: NonNullable<CodeableConcept["coding"]> = [{ system: SYSTEMS.locus, code: kind }];
  const loinc = kind === "lab" ? LAB_LOINC[what] : undefined;
  if (loinc) coding.unshift({ system: SYSTEMS.loinc, code: loinc.code, display: loinc.display });
  const obs: Observation = {
    resourceType: "Observation",
    status: "final",
    category: category(CATEGORY[kind] ?? "exam"),
    code: { coding, text: `${kind}: ${what.replace(/_/g, " ")}` },
    ...(subject ? { subject } : {}),
  };
  if (f.side) {
    const lat = LATERALITY_SNOMED[f.side];
    obs.bodySite = {
      coding: [{ system: SYSTEMS.snomed, code: lat.code, display: lat.display }],
      text: f.side,
    };
  }
  if (record[valueField] !== undefined) Object.assign(obs, encodeValue(kind, valueField, record[valueField]));
  if (kind === "lab") {
    const interp = INTERPRETATION[String(record.result)];
    if (interp) obs.interpretation = [{ coding: [{ system: SYSTEMS.interpretation, ...interp }] }];
  }
  const components = Object.entries(record)
    .filter(([k, v]) => k !== "kind" && k !== "side" && k !== valueField && v !== undefined)
    .map(([k, v]) => component(kind, k, v));
  if (components.length) obs.component = components;
  return obs;
}

function contextObservation(
  code: string,
  value: Value,
  subject: Observation["subject"],
  cat: "social-history" | "exam" = "social-history",
): Observation {
  return {
    resourceType: "Observation",
    status: "final",
    category: category(cat),
    code: locusConcept(code),
    ...(subject ? { subject } : {}),
    ...value,
  };
}

const fieldExtension = (name: string, value: string): Extension => ({
  url: EXTENSIONS.caseField,
  extension: [
    { url: "name", valueString: name },
    { url: "value", valueString: value },
  ],
});

export function caseToBundle(c: LocusCase): Bundle {
  const entries: BundleEntry[] = [];
  const add = (resource: Resource) => {
    const fullUrl = `urn:uuid:${randomUUID()}`;
    entries.push({ fullUrl, resource });
    return fullUrl;
  };
  let subject: Observation["subject"];
  if (c.patient) {
    const patient: Patient = { resourceType: "Patient", ...(c.patient.sex ? { gender: c.patient.sex } : {}) };
    subject = { reference: add(patient) };
    if (c.patient.age !== undefined)
      add(contextObservation(CONTEXT_CODES.age, encodeValue("", "age", c.patient.age), subject, "exam"));
  }
  const ctx = c.context;
  if (ctx?.onset)
    add(contextObservation(CONTEXT_CODES.onset, { valueCodeableConcept: locusConcept(ctx.onset) }, subject));
  if (ctx?.course)
    add(
      contextObservation(CONTEXT_CODES.course, { valueCodeableConcept: locusConcept(ctx.course) }, subject),
    );
  if (ctx?.durationDays !== undefined)
    add(
      contextObservation(
        CONTEXT_CODES.durationDays,
        encodeValue("", "durationDays", ctx.durationDays),
        subject,
      ),
    );
  for (const h of ctx?.history ?? [])
    add(contextObservation(CONTEXT_CODES.history, { valueString: h }, subject));
  for (const s of ctx?.symptoms ?? [])
    add(contextObservation(CONTEXT_CODES.symptom, { valueString: s }, subject));
  for (const s of ctx?.denies ?? [])
    add(contextObservation(CONTEXT_CODES.denied, { valueString: s }, subject));
  for (const f of c.findings) add(findingObservation(f, subject));

  const extension: Extension[] = [];
  for (const key of ["source", "narrative", "notes"] as const) {
    const v = c[key];
    if (v !== undefined) extension.push(fieldExtension(key, v));
  }
  if (c.meta !== undefined) extension.push(fieldExtension("meta", JSON.stringify(c.meta)));
  if (c.expected !== undefined) extension.push(fieldExtension("expected", JSON.stringify(c.expected)));
  const empty: string[] = [];
  if (c.context && Object.keys(c.context).length === 0) empty.push("context");
  if (ctx?.history && ctx.history.length === 0) empty.push("context.history");
  if (ctx?.symptoms && ctx.symptoms.length === 0) empty.push("context.symptoms");
  if (ctx?.denies && ctx.denies.length === 0) empty.push("context.denies");
  if (empty.length) extension.push(fieldExtension("empty", JSON.stringify(empty)));
  if (extension.length) {
    const basic: Basic = { resourceType: "Basic", code: locusConcept(CONTEXT_CODES.caseMetadata), extension };
    add(basic);
  }
  return {
    resourceType: "Bundle",
    type: "collection",
    ...(c.id ? { identifier: { system: SYSTEMS.locusCaseId, value: c.id } } : {}),
    timestamp: new Date().toISOString(),
    entry: entries,
  };
}
