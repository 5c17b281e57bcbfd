import { readdirSync, readFileSync } from "node:fs";
import { relative } from "node:path";
import { getAtlas } from "../../atlas/index.js";
import { parseCaseText } from "../../case/index.js";
import { DEV_CASES } from "../../paths.js";
import { analyzeWithoutPlan } from "../../report/analyze.js";
import { hypothesisWords, pct } from "../../report/index.js";
import type { Register } from "../index.js";

/** A tour of Locus on its own data: the atlas at a glance, then the founding seed cases localized. */
export const registerDemo: Register = (program, io, setExit) => {
  program
    .command("demo")
    .description("a tour: the atlas at a glance and the founding seed cases localized")
    .option("--cases <folder>", "where the seed cases are (default: the repository's cases/dev)")
    .action((options: { cases?: string }) => {
      const opts = { cases: options.cases ?? DEV_CASES };
      const atlas = getAtlas();
      const count = (k: Parameters<typeof atlas.ids>[0]) => atlas.ids(k).length;
      io.out(
        `Locus atlas ${atlas.version}: ${count("root")} roots, ${count("plexus")} plexus elements, ${count("nerve")} nerves with ${count("site")} lesion sites, ${count("muscle")} muscles, ${count("movement")} movements, ${count("reflex")} reflexes, ${count("region")} skin regions, ${count("study")} studies, ${Object.keys(atlas.data.sources).length} sources.\n\n`,
      );
      let files: string[];
      try {
        files = readdirSync(opts.cases).filter((f) => f.startsWith("seed-") && f.endsWith(".json"));
      } catch {
        io.err(`locus demo: no seed cases at ${opts.cases} (give --cases <folder>)\n`);
        setExit(1);
        return;
      }
      for (const f of files.sort()) {
        const parsed = parseCaseText(readFileSync(`${opts.cases}/${f}`, "utf8"), f);
        if (!parsed.ok) continue;
        const a = analyzeWithoutPlan(parsed.case, { limit: 3 });
        const h = a.hypotheses[0];
        const d = a.differential.conditions[0];
        io.out(
          `${parsed.case.id}\n  lesion: ${h ? `${hypothesisWords(h.lesions)} (${pct(h.probability)})` : "-"}\n`,
        );
        for (const r of h?.explains.slice(0, 2) ?? []) io.out(`    + ${r.text}\n`);
        io.out(`  likely: ${d ? `${d.name} (${pct(d.probability)})` : "-"}\n`);
        for (const flag of a.differential.redFlags) io.out(`  red flag: ${flag.text}\n`);
        io.out("\n");
      }
      const dir = relative(process.cwd(), opts.cases) || ".";
      io.out(
        `Try: npx locus localize ${dir}/seed-004-neoplastic-plexopathy.json\n     npx locus atlas EHL\n     npx locus eval ${dir}\n`,
      );
    });
};
