import { describe, expect, it } from "vitest";
import { getAtlas } from "../atlas/index.js";
import { MISSING_SYNONYMS } from "./phrases.js";
import { vocabulary } from "./vocabulary.js";

describe("extraction phrases", () => {
  it("name canonical atlas ids of the kind they say", () => {
    const atlas = getAtlas();
    for (const p of MISSING_SYNONYMS)
      for (const id of p.ids) expect(atlas.kindOf(id), `${p.words[0]} -> ${id}`).toBe(p.kind);
  });

  it("are found in running text", () => {
    const v = vocabulary();
    const t = "Gastrocnemius medial head, adductor compartment and 1st toe extensor";
    expect(v.scan(t, ["muscle", "movement"]).map((m) => m.ids)).toEqual([
      ["gastrocnemius_medial_head"],
      ["adductor_longus", "adductor_brevis", "adductor_magnus"],
      ["great_toe_extension"],
    ]);
  });
});

describe("vocabulary", () => {
  const v = vocabulary();
  it("insists on capitals for short abbreviations", () => {
    expect(v.scan("weakness at rest", ["muscle"])).toEqual([]);
    expect(v.scan("weakness of the AT", ["muscle"]).map((m) => m.ids[0])).toEqual(["tibialis_anterior"]);
  });
  it("takes the longest phrase, either number, and skips side words inside a phrase", () => {
    expect(v.scan("ankle dorsiflexor", ["movement"]).map((m) => m.ids[0])).toEqual(["ankle_dorsiflexion"]);
    expect(v.scan("the dorsum of the left foot", ["region"]).map((m) => m.ids[0])).toEqual(["foot_dorsum"]);
    expect(v.scan("medial head of the gastrocnemius", ["muscle"]).map((m) => m.ids[0])).toEqual([
      "gastrocnemius_medial_head",
    ]);
  });
});
