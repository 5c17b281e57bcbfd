/** Cases the page's tests share. */
import { emptyCase } from "./caseModel.js";
import type { Finding, LocusCase } from "./types.js";

/** A case saved in clinic words, as the API accepts it: the ankle jerk, a grade out of 5, TA. */
export const CLINIC_WORDS: LocusCase = {
  ...emptyCase("clinic-words"),
  findings: [
    { kind: "reflex", side: "left", reflex: "ankle jerk", grade: "absent" },
    { kind: "strength", side: "left", target: "ankle dorsiflexion", mrc: "4/5" },
    { kind: "strength", side: "right", target: "TA", mrc: "3" },
    { kind: "sensory", side: "left", region: "dorsum of foot", change: "reduced" },
  ] as Finding[],
};
