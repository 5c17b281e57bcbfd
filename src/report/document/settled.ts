/**
 * The planner's word that no further test would change the answer. The plan may give it as
 * `settled` (an optional field: true, a sentence, or an object with `text` or `why`); a plan without
 * it says nothing, and nothing is made up here.
 */
export const SETTLED_DEFAULT = "No further test would change the answer.";

export function settledWords(plan: object | null | undefined): string | undefined {
  const s = plan ? (plan as { settled?: unknown }).settled : undefined;
  if (s === undefined || s === false || s === null) return undefined;
  if (typeof s === "string") return s;
  if (typeof s === "object") {
    const o = s as { text?: unknown; why?: unknown };
    if (typeof o.text === "string") return o.text;
    if (typeof o.why === "string") return o.why;
  }
  return SETTLED_DEFAULT;
}
