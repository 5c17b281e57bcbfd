/**
 * Tests that cannot be done in some patients, so the planner never suggests them there.
 */
export const unavailable: {
  test: { kind: string; id: string };
  when: { sex: string[] };
  why: string;
  sources: string[];
}[] = [
  {
    test: { kind: "reflex", id: "cremasteric" },
    when: { sex: ["female"] },
    why: "The cremasteric reflex is the elevation of the testis when the inner thigh is stroked: there is no cremaster to contract in a woman.",
    sources: ["grays2021"],
  },
];
