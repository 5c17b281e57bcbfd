/**
 * A FHIR R4 Bundle of Observations to a LocusCase. Reads Locus-coded Observations exactly (so a
 * case round-trips), laboratory Observations by LOINC code with their interpretation, and the
 * Patient's gender and birth date. Whatever it cannot read is reported as a warning with the
 * entry's path, never dropped silently.
 */
import { randomUUID } from "node:crypto";
import type { CodeableConcept, Observation } from "@medplum/fhirtypes";
import { z } from "zod";
import type { Issue } from "../case/index.js";
import { CONTEXT_CODES, EXTENSIONS, LAB_LOINC, LATERALITY_SNOMED, SYSTEMS, VALUE_FIELD } from "./codes.js";

const coding = z.object({
  system: z.string().optional(),
  code: z.string().optional(),
  display: z.string().optional(),
});
const concept = z.object({ coding: z.array(coding).optional(), text: z.string().optional() });
const quantity = z.object({ value: z.number().optional(), unit: z.string().optional() });
const valueFields = {
  valueString: z.string().optional(),
  valueBoolean: z.boolean().optional(),
  valueInteger: z.number().int().optional(),
  valueQuantity: quantity.optional(),
  valueCodeableConcept: concept.optional(),
};

const resource = z.object({ resourceType: z.string().min(1) }).passthrough();
export const bundleSchema = z.object({
  resourceType: z.literal("Bundle"),
  type: z.string().optional(),
  identifier: z.object({ system: z.string().optional(), value: z.string().optional() }).optional(),
  entry: z
    .array(z.object({ fullUrl: z.string().optional(), resource: resource.optional() }).passthrough())
    .optional(),
});

const observationSchema = z
  .object({
    resourceType: z.literal("Observation"),
    status: z.string().optional(),
    code: concept,
    bodySite: concept.optional(),
    interpretation: z.array(concept).optional(),
    component: z.array(z.object({ code: concept, ...valueFields }).passthrough()).optional(),
    ...valueFields,
  })
  .passthrough();

export interface BundleRead {
  /** The case as read (not yet validated: parseCase does that). */
  case: Record<string, unknown>;
  warnings: Issue[];
  /** For each finding, the index of the Bundle entry it came from. */
  findingEntries: number[];
  /** fullUrls of the Observations that were read, for DiagnosticReport.result. */
  observationUrls: string[];
  patientUrl: string | undefined;
}

export type BundleResult = ({ ok: true } & BundleRead) | { ok: false; errors: Issue[] };

const codeIn = (
  c: CodeableConcept | z.infer<typeof concept> | undefined,
  system: string,
): string | undefined => c?.coding?.find((x) => x.system === system && x.code)?.code;

type ValueHolder = z.infer<z.ZodObject<typeof valueFields>>;

/** The value[x] back as the case wrote it. */
function decodeValue(v: ValueHolder): unknown {
  if (v.valueBoolean !== undefined) return v.valueBoolean;
  if (v.valueInteger !== undefined) return v.valueInteger;
  if (v.valueQuantity?.value !== undefined) return v.valueQuantity.value;
  if (v.valueString !== undefined) return v.valueString;
  if (v.valueCodeableConcept) {
    const codes = (v.valueCodeableConcept.coding ?? []).filter((c) => c.system === SYSTEMS.locus && c.code);
    if (codes.length === 1) return codes[0]?.code;
    if (codes.length > 1) return codes.map((c) => c.code);
    return v.valueCodeableConcept.text;
  }
  return undefined;
}

function sideOf(bodySite: z.infer<typeof concept> | undefined): string | undefined {
  if (!bodySite) return undefined;
  const code = codeIn(bodySite, SYSTEMS.snomed);
  for (const [side, lat] of Object.entries(LATERALITY_SNOMED)) if (lat.code === code) return side;
  const text = bodySite.text?.trim().toLowerCase();
  return text === "left" || text === "right" || text === "bilateral" ? text : undefined;
}

function ageFrom(birthDate: string, now = new Date()): number | undefined {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(birthDate);
  if (!m) return undefined;
  const [y, mo = 1, d = 1] = [Number(m[1]), Number(m[2] ?? 1), Number(m[3] ?? 1)];
  let age = now.getUTCFullYear() - y;
  if (now.getUTCMonth() + 1 < mo || (now.getUTCMonth() + 1 === mo && now.getUTCDate() < d)) age -= 1;
  return age >= 0 && age <= 130 ? age : undefined;
}

/** Finding fields that are lists: one code reads back as a list of one. */
const LIST_FIELDS = ["tags", "segmentSites", "targetSites"];

const LAB_BY_LOINC = new Map(Object.entries(LAB_LOINC).map(([test, l]) => [l.code, test]));
const RESULT_BY_INTERPRETATION: Record<string, string> = {
  H: "elevated",
  HH: "elevated",
  L: "low",
  LL: "low",
  N: "normal",
};

export function bundleToCase(input: unknown): BundleResult {
  const parsed = bundleSchema.safeParse(input);
  if (!parsed.success)
    return {
      ok: false,
      errors: parsed.error.issues.map((i) => ({
        path: i.path.filter((p): p is string | number => typeof p !== "symbol"),
        message: i.message,
        expected: i.path.length === 0 ? "a FHIR Bundle" : undefined,
      })),
    };
  const bundle = parsed.data;
  const warnings: Issue[] = [];
  const findings: Record<string, unknown>[] = [];
  const findingEntries: number[] = [];
  const observationUrls: string[] = [];
  const out: Record<string, unknown> = { format: "locus-case/1" };
  // A case needs an id: the one Locus wrote, else the Bundle's own, else a new one.
  const bundleId = (input as { id?: unknown }).id;
  if (bundle.identifier?.system === SYSTEMS.locusCaseId && bundle.identifier.value)
    out.id = bundle.identifier.value;
  else if (typeof bundleId === "string" && /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(bundleId))
    out.id = `fhir-${bundleId}`;
  else out.id = `fhir-${randomUUID()}`;
  const patient: Record<string, unknown> = {};
  let hasPatient = false;
  let patientUrl: string | undefined;
  const context: Record<string, unknown> = {};
  const history: string[] = [];
  const symptoms: string[] = [];
  const denies: string[] = [];
  let empty: string[] = [];
  let birthAge: number | undefined;

  (bundle.entry ?? []).forEach((entry, i) => {
    const res = entry.resource;
    const at = ["entry", i, "resource"];
    if (!res) {
      warnings.push({ path: ["entry", i], message: "an entry without a resource; skipped" });
      return;
    }
    if (res.resourceType === "Patient") {
      hasPatient = true;
      patientUrl = entry.fullUrl;
      const gender = (res as { gender?: unknown }).gender;
      if (gender === "male" || gender === "female" || gender === "other" || gender === "unknown")
        patient.sex = gender;
      const birthDate = (res as { birthDate?: unknown }).birthDate;
      if (typeof birthDate === "string") birthAge = ageFrom(birthDate);
      return;
    }
    if (res.resourceType === "Basic") {
      for (const ext of ((res as { extension?: unknown }).extension as unknown[] | undefined) ?? []) {
        const e = ext as { url?: string; extension?: { url?: string; valueString?: string }[] };
        if (e.url !== EXTENSIONS.caseField) continue;
        const name = e.extension?.find((x) => x.url === "name")?.valueString;
        const value = e.extension?.find((x) => x.url === "value")?.valueString;
        if (!name || value === undefined) continue;
        try {
          if (name === "source" || name === "narrative" || name === "notes") out[name] = value;
          else if (name === "meta" || name === "expected") out[name] = JSON.parse(value);
          else if (name === "empty") empty = JSON.parse(value) as string[];
        } catch {
          warnings.push({
            path: [...at, "extension"],
            message: `the case field ${name} is not valid JSON; skipped`,
          });
        }
      }
      return;
    }
    if (res.resourceType !== "Observation") {
      warnings.push({ path: at, message: `a ${res.resourceType} is not something Locus reads; skipped` });
      return;
    }
    const obs = observationSchema.safeParse(res);
    if (!obs.success) {
      warnings.push({
        path: [
          ...at,
          ...(obs.error.issues[0]?.path.filter((p): p is string | number => typeof p !== "symbol") ?? []),
        ],
        message: `an Observation Locus cannot read (${obs.error.issues[0]?.message ?? "invalid"}); skipped`,
      });
      return;
    }
    const o = obs.data;
    if (o.status === "entered-in-error" || o.status === "cancelled") {
      warnings.push({ path: [...at, "status"], message: `status ${o.status}; skipped` });
      return;
    }
    const locus = codeIn(o.code, SYSTEMS.locus);
    if (locus === CONTEXT_CODES.age) {
      patient.age = decodeValue(o);
      hasPatient = true;
    } else if (locus === CONTEXT_CODES.onset) context.onset = decodeValue(o);
    else if (locus === CONTEXT_CODES.durationDays) context.durationDays = decodeValue(o);
    else if (locus === CONTEXT_CODES.history) history.push(String(decodeValue(o)));
    else if (locus === CONTEXT_CODES.symptom) symptoms.push(String(decodeValue(o)));
    else if (locus === CONTEXT_CODES.denied) denies.push(String(decodeValue(o)));
    else if (locus === CONTEXT_CODES.course) context.course = decodeValue(o);
    else if (locus && VALUE_FIELD[locus] !== undefined) {
      const f: Record<string, unknown> = { kind: locus };
      const side = sideOf(o.bodySite);
      if (side) f.side = side;
      const main = decodeValue(o);
      if (main !== undefined) f[VALUE_FIELD[locus] as string] = main;
      else if (locus === "imaging") f.tags = [];
      for (const comp of o.component ?? []) {
        const field = codeIn(comp.code, SYSTEMS.locus);
        if (field) f[field] = decodeValue(comp);
      }
      for (const list of LIST_FIELDS) if (typeof f[list] === "string") f[list] = [f[list]];
      findings.push(f);
      findingEntries.push(i);
      if (entry.fullUrl) observationUrls.push(entry.fullUrl);
    } else {
      const loinc = codeIn(o.code, SYSTEMS.loinc);
      const test = loinc ? LAB_BY_LOINC.get(loinc) : undefined;
      if (!test) {
        warnings.push({
          path: [...at, "code"],
          message: `an Observation coded ${describeCode(o.code as Observation["code"])} is not one Locus reads; skipped`,
        });
        return;
      }
      const interp = o.interpretation?.map((c) => codeIn(c, SYSTEMS.interpretation)).find(Boolean);
      const result = interp ? RESULT_BY_INTERPRETATION[interp] : undefined;
      if (!result) {
        warnings.push({
          path: [...at, "interpretation"],
          message: `the ${test} result has no interpretation (H, L or N), so Locus cannot tell whether it is normal; skipped`,
        });
        return;
      }
      const f: Record<string, unknown> = { kind: "lab", test, result };
      if (o.valueQuantity?.value !== undefined) f.value = o.valueQuantity.value;
      if (o.valueQuantity?.unit) f.unit = o.valueQuantity.unit;
      findings.push(f);
      findingEntries.push(i);
      if (entry.fullUrl) observationUrls.push(entry.fullUrl);
    }
  });

  if (patient.age === undefined && birthAge !== undefined) patient.age = birthAge;
  if (hasPatient) out.patient = patient;
  if (history.length || empty.includes("context.history")) context.history = history;
  if (symptoms.length || empty.includes("context.symptoms")) context.symptoms = symptoms;
  if (denies.length || empty.includes("context.denies")) context.denies = denies;
  if (Object.keys(context).length || empty.includes("context")) out.context = context;
  out.findings = findings;
  return { ok: true, case: out, warnings, findingEntries, observationUrls, patientUrl };
}

function describeCode(code: Observation["code"] | undefined): string {
  const c = code?.coding?.[0];
  if (c) return `${c.system ?? "?"}|${c.code ?? "?"}${c.display ? ` (${c.display})` : ""}`;
  return code?.text ? `"${code.text}"` : "(no code)";
}

/** Map a case issue at findings[i] back to the Bundle entry it came from. */
export function toBundlePath(issue: Issue, findingEntries: number[]): Issue {
  const [head, index, ...rest] = issue.path;
  if (head === "findings" && typeof index === "number" && findingEntries[index] !== undefined)
    return {
      ...issue,
      path: ["entry", findingEntries[index] as number, "resource", ...rest],
      message: `${issue.message} (finding ${index}${rest.length ? `, field ${rest.join(".")}` : ""})`,
    };
  return issue;
}
