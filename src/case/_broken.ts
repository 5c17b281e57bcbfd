import { formatPath, parseCase } from "./index.js";
import { baseCase } from "./test-helpers/cases.js";
type C = ReturnType<typeof baseCase>;
const table: [string, (c: C) => unknown][] = [
  ["not an object", () => [1]],
  ["wrong format", (c) => ({ ...c, format: "locus-case/2" })],
  ["no id", (c) => { const { id, ...rest } = c; return rest; }],
  ["unknown top-level field", (c) => ({ ...c, findngs: [] })],
  ["findings not an array", (c) => ({ ...c, findings: {} })],
  ["finding not an object", (c) => { c.findings[2] = "numb foot" as never; return c; }],
  ["unknown kind", (c) => { c.findings[0]!.kind = "strenght"; return c; }],
  ["missing kind", (c) => { delete c.findings[0]!.kind; return c; }],
  ["misspelt muscle", (c) => { c.findings[3]!.muscle = "tibialis_anterio"; return c; }],
  ["muscle word for a study", (c) => { c.findings[4]!.study = "tibialis anterior"; return c; }],
  ["study where a muscle is wanted", (c) => { c.findings[3]!.muscle = "sural_sensory"; return c; }],
  ["unknown region", (c) => { c.findings[2]!.region = "shin_front"; return c; }],
  ["mrc 6", (c) => { c.findings[0]!.mrc = 6; return c; }],
  ["mrc 4.5", (c) => { c.findings[0]!.mrc = 4.5; return c; }],
  ["mrc string", (c) => { c.findings[0]!.mrc = "4++"; return c; }],
  ["mrc missing", (c) => { delete c.findings[0]!.mrc; return c; }],
  ["mrc boolean", (c) => { c.findings[0]!.mrc = true; return c; }],
  ["side typo", (c) => { c.findings[1]!.side = "lefft"; return c; }],
  ["plantar graded as tendon reflex", (c) => { c.findings[1] = { kind: "reflex", reflex: "plantar response", grade: "normal" }; return c; }],
  ["tendon reflex graded extensor", (c) => { c.findings[1]!.grade = "extensor"; return c; }],
  ["fibrillation grade without fibrillations", (c) => { c.findings[3]!.spontaneous = "none"; return c; }],
  ["unknown field in finding", (c) => { c.findings[4]!.amplitde = 3; return c; }],
  ["negative amplitude", (c) => { c.findings[4]!.amplitude = -1; return c; }],
  ["bad imaging tag", (c) => { c.findings[6]!.tags = ["disc_hernation"]; return c; }],
  ["bad level", (c) => { c.findings[6]!.level = "L9"; return c; }],
  ["age as string", (c) => { (c.patient as Record<string, unknown>).age = "60"; return c; }],
  ["bad onset", (c) => { (c.context as Record<string, unknown>).onset = "sudden"; return c; }],
  ["empty lesion list", (c) => { (c.expected as Record<string, unknown>).localization = []; return c; }],
  ["unknown root", (c) => { (c.expected as any).localization[0].sites = ["L6"]; return c; }],
  ["sites on a diffuse level", (c) => { (c.expected as any).localization[0] = { level: "polyneuropathy", sites: ["sural"], side: "bilateral" }; return c; }],
  ["lesion without side", (c) => { delete (c.expected as any).localization[0].side; return c; }],
  ["bad diagnosis id", (c) => { (c.expected as any).diagnosis = "Lumbar disc"; return c; }],
  ["several at once", (c) => { c.findings[0]!.target = "tib ant erior"; c.findings[1]!.side = "L"; c.findings[5]!.sign = "slr"; return { ...c, extra: 1 }; }],
];
for (const [name, mut] of table) {
  const r = parseCase(mut(baseCase()));
  console.log(`["${name}", ${JSON.stringify(r.ok ? "OK" : r.errors.map((e) => [formatPath(e.path), e.message]))}],`);
}
