/**
 * `npm run refresh-cases`: refreshes the repository's copies of the shared material from
 * `../shared` (or the folder given with `--from`, or LOCUS_SHARED): the development cases
 * (cases/*.json -> cases/dev), the seed papers (seeds/*.txt -> cases/seeds) and the founding
 * documents (DESIGN.md, FORMAT.md, STACK.md -> docs/spec). Files added, changed and removed are
 * reported; `--check` only reports, and exits 1 when the copies differ. Without the shared folder
 * it says so and changes nothing.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join, relative } from "node:path";
import { DEV_CASES, ROOT, SEED_PAPERS, SPEC } from "../src/paths.js";

/** One folder of the shared material and where its copy lives. */
export interface Mirror {
  from: string;
  to: string;
  /** Which file names belong to the copy (the rest of either folder is left alone). */
  pick: (name: string) => boolean;
}

export interface Change {
  kind: "added" | "changed" | "removed";
  path: string;
}

const DOCS = new Set(["DESIGN.md", "FORMAT.md", "STACK.md"]);

/** The repository's mirrors of a shared folder. */
export function mirrors(shared: string): Mirror[] {
  return [
    { from: join(shared, "cases"), to: DEV_CASES, pick: (n) => n.endsWith(".json") },
    { from: join(shared, "seeds"), to: SEED_PAPERS, pick: (n) => n.endsWith(".txt") },
    { from: shared, to: SPEC, pick: (n) => DOCS.has(n) },
  ];
}

const names = (dir: string, pick: (n: string) => boolean): string[] =>
  existsSync(dir)
    ? readdirSync(dir, { withFileTypes: true })
        .filter((e) => e.isFile() && pick(e.name))
        .map((e) => e.name)
        .sort()
    : [];

/** What differs between each source folder and its copy; with `apply`, the copy is made equal. */
export function refresh(list: Mirror[], apply: boolean): Change[] {
  const changes: Change[] = [];
  for (const m of list) {
    const source = names(m.from, m.pick);
    const copy = new Set(names(m.to, m.pick));
    if (apply) mkdirSync(m.to, { recursive: true });
    for (const name of source) {
      const to = join(m.to, name);
      let kind: Change["kind"] | undefined;
      if (!copy.has(name)) kind = "added";
      else if (!readFileSync(join(m.from, name)).equals(readFileSync(to))) kind = "changed";
      if (!kind) continue;
      changes.push({ kind, path: to });
      if (apply) copyFileSync(join(m.from, name), to);
    }
    for (const name of copy) {
      if (source.includes(name)) continue;
      const to = join(m.to, name);
      changes.push({ kind: "removed", path: to });
      if (apply) rmSync(to);
    }
  }
  return changes;
}

function main(argv: string[]): number {
  const check = argv.includes("--check");
  const at = argv.indexOf("--from");
  const shared = at >= 0 ? argv[at + 1] : (process.env.LOCUS_SHARED ?? join(ROOT, "..", "shared"));
  if (!shared || !existsSync(join(shared, "cases"))) {
    console.log(
      `refresh-cases: no shared folder at ${shared ?? "(none given)"}; the copies stay as they are.`,
    );
    return at >= 0 ? 2 : 0;
  }
  const changes = refresh(mirrors(shared), !check);
  for (const c of changes) console.log(`${c.kind.padEnd(8)} ${relative(ROOT, c.path)}`);
  const verb = check ? "differ from" : "refreshed from";
  console.log(
    changes.length === 0
      ? `refresh-cases: the copies match ${shared}.`
      : `refresh-cases: ${changes.length} file(s) ${verb} ${shared}.`,
  );
  return check && changes.length > 0 ? 1 : 0;
}

if (process.argv[1] && import.meta.filename === process.argv[1])
  process.exitCode = main(process.argv.slice(2));
