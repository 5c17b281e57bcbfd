/**
 * Where the repository keeps the material its tests, benches and commands read, in one place, so
 * that a clone needs nothing beside it. `npm run refresh-cases` refreshes these copies from
 * `../shared` when that folder is present (see scripts/refresh-cases.ts).
 *
 * From src/ (tests, tsx) and from dist/ (the compiled CLI) alike, the repository root is one level up.
 */
import { join } from "node:path";

/** The repository's root folder. */
export const ROOT = join(import.meta.dirname, "..");
/** The case library: `dev/` holds the cases, `seeds/` the seed papers their `source` fields name. */
export const CASE_LIBRARY = join(ROOT, "cases");
/** The development cases (LocusCase JSON), copied from ../shared/cases. */
export const DEV_CASES = join(CASE_LIBRARY, "dev");
/** The seed case reports (plain text), copied from ../shared/seeds; a case's `source: "seeds/…"` resolves here. */
export const SEED_PAPERS = join(CASE_LIBRARY, "seeds");
/** The founding documents (DESIGN.md, FORMAT.md, STACK.md), copied from ../shared. */
export const SPEC = join(ROOT, "docs", "spec");
export const FORMAT_MD = join(SPEC, "FORMAT.md");
export const DESIGN_MD = join(SPEC, "DESIGN.md");
/** One development case file by name. */
export const devCase = (file: string): string => join(DEV_CASES, file);
