/** The demo cases (the project's own development fixtures in demo/cases), loaded into an empty id only. */
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { CASE_ID, type CaseRepository } from "../store/repository.js";
import { savedReport } from "./analysis.js";
import type { Engine } from "./engine.js";

export const DEMO_DIR = join(import.meta.dirname, "../../demo/cases");

export async function loadDemoCases(
  repo: CaseRepository,
  engine: Engine,
  dir = DEMO_DIR,
): Promise<{ loaded: string[]; present: string[]; invalid: string[] }> {
  const result = { loaded: [] as string[], present: [] as string[], invalid: [] as string[] };
  let files: string[];
  try {
    files = (await readdir(dir)).filter((f) => f.endsWith(".json")).sort();
  } catch {
    return result;
  }
  for (const file of files) {
    const input: unknown = JSON.parse(await readFile(join(dir, file), "utf8"));
    const parsed = engine.parseCase(input);
    const id = file.replace(/\.json$/, "");
    if (!parsed.ok || !CASE_ID.test(id)) {
      result.invalid.push(file);
      continue;
    }
    if (await repo.get(id)) {
      result.present.push(id);
      continue;
    }
    const report = savedReport(engine, parsed);
    try {
      await repo.create(id, { case: input, report, author: "demo" });
      result.loaded.push(id);
    } catch {
      result.present.push(id);
    }
  }
  return result;
}
