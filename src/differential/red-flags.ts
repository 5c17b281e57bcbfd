/**
 * Red flags: evaluated from the clues alone, so no ranking can hide them.
 */
import { redFlagRules } from "./data/red-flags.js";
import { workupById } from "./data/workup.js";
import type { Clues, RedFlag, RedFlagRule, WorkupItem } from "./types.js";

export function fires(rule: RedFlagRule, clues: Clues): boolean {
  if (rule.all && !rule.all.every((c) => clues.has(c))) return false;
  if (rule.any && !rule.any.some((c) => clues.has(c))) return false;
  return Boolean(rule.all?.length || rule.any?.length);
}

export function redFlags(clues: Clues, rules: RedFlagRule[] = redFlagRules): RedFlag[] {
  const out: RedFlag[] = [];
  for (const rule of rules) {
    if (!fires(rule, clues)) continue;
    const present = [...(rule.all ?? []), ...(rule.any ?? [])].filter(
      (c, i, a) => clues.has(c) && a.indexOf(c) === i,
    );
    const because = present.map((c) => clues.get(c)?.text ?? c);
    const findings = [...new Set(present.flatMap((c) => clues.get(c)?.findings ?? []))].sort((a, b) => a - b);
    out.push({
      id: rule.id,
      severity: rule.severity,
      text: rule.text,
      because,
      findings,
      action: rule.action.flatMap((id) => {
        const w = workupById.get(id);
        return w ? [w] : [];
      }) as WorkupItem[],
      sources: rule.sources,
    });
  }
  return out.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === "critical" ? -1 : 1));
}
