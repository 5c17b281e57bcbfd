/**
 * The schema's common path, read from the zod schema itself once: a plain case (JSON objects and
 * arrays, every field of its type, no unknown field, every check of the schema passed) is copied as
 * zod copies it (fields in the schema's order), without zod's per-field work. Anything else (an
 * unknown or undefined field, a wrong type, a failed check, a kind of schema this reader does not
 * know) is not read here: `readPlain` answers undefined, and zod checks the case and says what is
 * wrong. So what is accepted and what the case becomes are zod's, and zod alone writes errors.
 */
import type { z } from "zod";

/** Not read here: zod decides. */
const NOT = Symbol("not plain");
type Reader = (v: unknown) => unknown;
type Def = z.core.$ZodTypeDef & Record<string, unknown>;
type Check = z.core.$ZodCheck;

const never: Reader = () => NOT;
const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && Object.getPrototypeOf(v) === Object.prototype;

/** The checks zod runs on a value after its type (length, bounds, pattern, refinements); none rewrites it. */
const CHECKS = new Set([
  "min_length",
  "max_length",
  "greater_than",
  "less_than",
  "number_format",
  "string_format",
  "custom",
]);

const passes = (checks: readonly Check[], value: unknown): boolean =>
  checks.every((c) => {
    const payload = { value, issues: [] as unknown[] };
    c._zod.check(payload as never);
    return payload.issues.length === 0;
  });

/** A reader for one schema: the value as zod would give it, or NOT. */
function reader(schema: z.core.$ZodType): Reader {
  const def = schema._zod.def as Def;
  const checks = (def.checks ?? []) as Check[];
  if (!checks.every((c) => CHECKS.has(String(c._zod.def.check)))) return never;
  const read = typed(def);
  if (checks.length === 0) return read;
  return (v) => {
    const out = read(v);
    return out !== NOT && passes(checks, out) ? out : NOT;
  };
}

/** The type's own reading, before its checks. */
function typed(def: Def): Reader {
  switch (def.type) {
    case "string":
      return (v) => (typeof v === "string" ? v : NOT);
    case "number":
      return (v) => (typeof v === "number" && Number.isFinite(v) ? v : NOT);
    case "boolean":
      return (v) => (typeof v === "boolean" ? v : NOT);
    case "unknown":
      return (v) => (v === undefined ? NOT : v);
    case "enum":
    case "literal": {
      const values = new Set<unknown>(
        def.type === "enum" ? Object.values(def.entries as object) : (def.values as unknown[]),
      );
      return (v) => (typeof v === "string" && values.has(v) ? v : NOT);
    }
    case "array": {
      const element = reader(def.element as z.core.$ZodType);
      return (v) => {
        if (!Array.isArray(v) || Object.getPrototypeOf(v) !== Array.prototype) return NOT;
        const out: unknown[] = [];
        for (let k = 0; k < v.length; k++) {
          const x = element(v[k]);
          if (x === NOT) return NOT;
          out.push(x);
        }
        return out;
      };
    }
    case "object":
      return objectReader(def);
    case "union":
      return def.discriminator ? discriminated(def) : firstOf(def);
    case "record":
      return recordReader(def);
    default:
      return never;
  }
}

/** A strict object: known fields only, each present or optional, copied in the schema's order. */
function objectReader(def: Def): Reader {
  if ((def.catchall as z.core.$ZodType | undefined)?._zod.def.type !== "never") return never;
  const fields = Object.entries(def.shape as Record<string, z.core.$ZodType>).map(([key, s]) => {
    const optional = s._zod.def.type === "optional";
    const inner = optional ? ((s._zod.def as Def).innerType as z.core.$ZodType) : s;
    return { key, optional, read: reader(inner) };
  });
  // zod finds a field with `in`: a field named like a property of every object is left to zod.
  if (fields.some((f) => f.key in Object.prototype)) return never;
  const known = new Set(fields.map((f) => f.key));
  return (v) => {
    if (!isPlainObject(v)) return NOT;
    for (const key in v) if (!known.has(key)) return NOT;
    const out: Record<string, unknown> = {};
    for (const f of fields) {
      if (!Object.hasOwn(v, f.key)) {
        if (f.optional) continue;
        return NOT;
      }
      const x = f.read(v[f.key]);
      if (x === NOT) return NOT;
      out[f.key] = x;
    }
    return out;
  };
}

/** The option the discriminator names, read as that option. */
function discriminated(def: Def): Reader {
  const key = def.discriminator as string;
  const byValue = new Map<unknown, Reader>();
  for (const option of def.options as z.core.$ZodType[]) {
    const values = (option._zod.def as Def).shape as Record<string, z.core.$ZodType> | undefined;
    const literal = values?.[key]?._zod.def as Def | undefined;
    if (literal?.type !== "literal") return never;
    const read = reader(option);
    for (const value of literal.values as unknown[]) {
      if (byValue.has(value)) return never;
      byValue.set(value, read);
    }
  }
  return (v) => (isPlainObject(v) ? (byValue.get(v[key])?.(v) ?? NOT) : NOT);
}

/** A union of plain values (a number or a string): the value itself, when one option takes it. */
function firstOf(def: Def): Reader {
  const options = (def.options as z.core.$ZodType[]).map((o) => ({ type: o._zod.def.type, read: reader(o) }));
  if (!options.every((o) => ["string", "number", "boolean", "enum", "literal"].includes(o.type)))
    return never;
  return (v) => (options.some((o) => o.read(v) !== NOT) ? v : NOT);
}

/** A record of string keys: every own key but __proto__, its value read. */
function recordReader(def: Def): Reader {
  if ((def.keyType as z.core.$ZodType)._zod.def.type !== "string") return never;
  const key = reader(def.keyType as z.core.$ZodType);
  const value = reader(def.valueType as z.core.$ZodType);
  return (v) => {
    if (!isPlainObject(v) || Object.getOwnPropertySymbols(v).length > 0) return NOT;
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v)) {
      if (k === "__proto__" || key(k) === NOT) return NOT;
      const x = value(v[k]);
      if (x === NOT) return NOT;
      out[k] = x;
    }
    return out;
  };
}

const readers = new WeakMap<z.core.$ZodType, Reader>();

/** The value as `schema.safeParse(value).data` gives it when it is a plain valid value; undefined otherwise. */
export function readPlain<T>(schema: z.ZodType<T>, value: unknown): T | undefined {
  let read = readers.get(schema);
  if (!read) {
    read = reader(schema);
    readers.set(schema, read);
  }
  const out = read(value);
  return out === NOT ? undefined : (out as T);
}
