import { getAtlas } from "../../atlas/index.js";
import type { Register } from "../index.js";
import { renderEntry } from "./atlas.js";

/** What `npm start` shows until the service exists: the atlas at a glance and how to ask it. */
export const registerDemo: Register = (program, io) => {
  program
    .command("demo")
    .description("a tour of Locus on its own data")
    .action(() => {
      const atlas = getAtlas();
      const count = (k: Parameters<typeof atlas.ids>[0]) => atlas.ids(k).length;
      io.out(`Locus atlas ${atlas.version}: ${count("root")} roots, ${count("plexus")} plexus elements, `);
      io.out(`${count("nerve")} nerves with ${count("site")} lesion sites, ${count("muscle")} muscles, `);
      io.out(
        `${count("movement")} movements, ${count("reflex")} reflexes, ${count("region")} skin regions, ${count("study")} studies, `,
      );
      io.out(`${Object.keys(atlas.data.sources).length} sources.\n\n`);
      io.out(renderEntry(describeOrThrow("EHL"), atlas.version));
      io.out("\n");
      io.out(renderEntry(describeOrThrow("common_peroneal@fibular_head"), atlas.version));
      io.out(
        "\nAsk it yourself: npx locus atlas <id or word>   (e.g. 'knee jerk', 'gastroc MH', 'L5/S1 paraspinals')\n",
      );
      io.out("                 npx locus atlas --list --json\n");
    });
};

import { describe } from "../../atlas/index.js";

function describeOrThrow(word: string) {
  const e = describe(getAtlas(), word);
  if (!e) throw new Error(`the atlas does not know ${word}`);
  return e;
}
