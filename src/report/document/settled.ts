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

/** The EMG laboratory's protocol the planner may give (`protocol`, optional): the question and the steps in order. */
export interface ProtocolWords {
  question?: string;
  steps: string[];
}

export function protocolWords(plan: object | null | undefined): ProtocolWords | undefined {
  const p = plan ? (plan as { protocol?: unknown }).protocol : undefined;
  if (typeof p !== "object" || p === null) return undefined;
  const { question, steps } = p as { question?: unknown; steps?: unknown };
  const lines = (Array.isArray(steps) ? steps : []).flatMap((s: unknown) => {
    const { name, why } = (typeof s === "object" && s !== null ? s : {}) as { name?: unknown; why?: unknown };
    return typeof name === "string" ? [typeof why === "string" && why ? `${name}: ${why}` : name] : [];
  });
  if (!lines.length && typeof question !== "string") return undefined;
  return { ...(typeof question === "string" && question ? { question } : {}), steps: lines };
}
