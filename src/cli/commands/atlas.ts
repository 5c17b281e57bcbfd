import pc from "picocolors";
import { type AtlasEntry, describe, getAtlas, type Source } from "../../atlas/index.js";
import type { Register } from "../index.js";

const LIST_KINDS = [
  "root",
  "plexus",
  "nerve",
  "site",
  "muscle",
  "movement",
  "reflex",
  "region",
  "study",
] as const;

export const registerAtlas: Register = (program, io, setExit) => {
  program
    .command("atlas")
    .description("what the atlas knows about an id, a synonym or an abbreviation (e.g. EHL, knee jerk)")
    .argument("[word...]", "an id or any word for it")
    .option("--list", "list every id by kind, with the atlas version")
    .option("--json", "machine-readable output")
    .action((words: string[], opts: { list?: boolean; json?: boolean }) => {
      const atlas = getAtlas();
      if (opts.list) {
        const ids = Object.fromEntries(LIST_KINDS.map((k) => [k, atlas.ids(k)]));
        if (opts.json) io.out(`${JSON.stringify({ version: atlas.version, ids }, null, 2)}\n`);
        else {
          io.out(`Locus atlas ${atlas.version}\n`);
          for (const [k, list] of Object.entries(ids))
            io.out(`\n${k} (${list.length})\n  ${list.join(", ")}\n`);
        }
        return;
      }
      const word = words.join(" ").trim();
      if (!word) {
        io.err("locus atlas: give an id or a word (e.g. `locus atlas EHL`), or --list\n");
        setExit(2);
        return;
      }
      const entry = describe(atlas, word);
      if (!entry) {
        const near = atlas.nearest(word, undefined, 5);
        const msg = `"${word}" is not in the atlas${near.length ? `; did you mean ${near.map((n) => `\`${n}\``).join(", ")}?` : "."}`;
        if (opts.json) io.out(`${JSON.stringify({ error: msg, nearest: near }, null, 2)}\n`);
        else io.err(`${msg}\n`);
        setExit(1);
        return;
      }
      io.out(
        opts.json
          ? `${JSON.stringify({ version: atlas.version, ...entry }, null, 2)}\n`
          : renderEntry(entry, atlas.version, pc.createColors(io.isTty)),
      );
    });
};

const pct = (x: number) => `${Math.round(x * 100)}%`;
type Colors = ReturnType<typeof pc.createColors>;

const roots = (rs: { root: string; weight: number; role: string }[], c: Colors) =>
  rs.map((r) => `${r.root} ${r.role === "major" ? c.bold("major") : "minor"} ${pct(r.weight)}`).join(", ");
const reach = (label: string, list: { id: string; share: number }[]) =>
  list.length
    ? `  ${label}: ${list.map((x) => `${x.id}${x.share < 0.995 ? ` ${pct(x.share)}` : ""}`).join(", ")}\n`
    : "";

/** What the atlas knows about one entry, for a terminal; colours only where the terminal shows them. */
export function renderEntry(e: AtlasEntry, version: string, c: Colors = pc.createColors(false)): string {
  let s = `${c.bold(e.name)} (${e.id}, ${e.kind})${e.resolvedFrom ? `, from "${e.resolvedFrom}"` : ""}\n`;
  switch (e.kind) {
    case "muscle":
      s += `  nerve: ${e.nerve}; branch leaves distal to: ${e.segment}\n  roots: ${roots(e.roots, c)}\n`;
      s += `  movements: ${e.movements.join(", ") || "-"}; commonly needled: ${e.commonlyNeedled ? "yes" : "no"}\n`;
      s += "  pathways:\n";
      for (const p of e.pathways)
        s += `    ${p.root} (${p.role}, ${pct(p.weight)}): ${p.steps.join(" -> ")}\n`;
      if (e.note) s += `  note: ${e.note}\n`;
      break;
    case "region":
      s += `  dermatome (default): ${roots(e.roots, c)}\n`;
      for (const v of e.dermatomeViews)
        s += `    ${v.source}: ${v.roots.join(", ")}${v.note ? ` (${v.note})` : ""}\n`;
      s += `  cutaneous nerves: ${e.cutaneousNerves.map((n) => `${n.id} ${pct(n.share)}`).join(", ")}\n`;
      break;
    case "study":
      s += `  ${e.type} study of the ${e.nerve} nerve, recording ${e.recordsFrom}; roots: ${roots(e.roots, c)}\n`;
      s += `  ${e.postganglionic ? "tests fibres distal to the dorsal root ganglion: normal in a root lesion, low in a plexus or nerve lesion" : "motor or reflex fibres: reached by root, plexus and nerve lesions alike"}\n`;
      if (e.normal) s += `  normal: ${JSON.stringify(e.normal)}\n`;
      if (e.ageEffect) s += `  age: ${e.ageEffect}\n`;
      break;
    case "reflex":
      s += `  arc: ${roots(e.roots, c)}${e.nerve ? ` via the ${e.nerve} nerve` : ""} to ${e.muscles.join(", ")}\n`;
      if (e.umnSign) s += "  read as an upper motor neuron sign\n";
      if (e.note) s += `  note: ${e.note}\n`;
      break;
    case "movement":
      s += `  prime movers: ${e.primeMovers.join(", ")}\n  contributors: ${e.contributors.join(", ") || "-"}\n`;
      break;
    case "nerve":
      s += `  from: ${e.parent}; roots: ${e.roots.join(", ")}\n  course, proximal to distal:\n`;
      for (const item of e.course) {
        if (item.site) s += `    ${c.cyan(`[site ${item.site}]`)} ${item.name}\n`;
        else if (item.muscle) s += `    muscle ${item.muscle}\n`;
        else if (item.skin) s += `    skin ${item.skin}\n`;
        else if (item.nerve) s += `    nerve ${item.nerve}\n`;
      }
      if (e.note) s += `  note: ${e.note}\n`;
      break;
    case "group":
      s += `  expands to: ${e.members.join(", ")}\n`;
      break;
    default:
      if ("foramen" in e) s += `  leaves by the ${e.foramen} foramen. ${e.note}\n`;
      if ("note" in e && e.kind === "plexus") s += `  roots: ${e.roots.join(", ")}. ${e.note}\n`;
      if ("formatId" in e) s += `  on the ${e.nerve} nerve; reported as ${e.formatId}\n`;
      if ("effect" in e) {
        s += "  a lesion here reaches:\n";
        s += reach("muscles", e.effect.muscles) + reach("skin", e.effect.regions);
        s += reach("reflexes", e.effect.reflexes) + reach("studies", e.effect.studies);
      }
  }
  for (const d of e.disagreements)
    s += `  ${c.yellow("sources differ")}: ${d.topic}; Locus uses ${d.locusUses}\n`;
  const table = getAtlas().data.sources as Record<string, Source>;
  s += "  sources:\n";
  for (const key of e.sources) {
    const src = table[key];
    s += src
      ? `    ${key}: ${src.authors} (${src.year}). ${src.title}. ${src.published}${src.url ? `. ${src.url}` : ""}\n`
      : `    ${key}\n`;
  }
  s += `  atlas ${version}\n`;
  return s;
}
