/**
 * Red flags: each rule's published criteria read against the clues, so no ranking can hide them.
 * A flag is critical only when its stated minimum combination holds and nothing in the case argues
 * against the emergency; a warning when a smaller stated combination holds; silent otherwise.
 */
import { redFlagRules } from "./data/red-flags.js";
import { workupById } from "./data/workup.js";
import type {
  ClueId,
  Clues,
  RedFlag,
  RedFlagCriterion,
  RedFlagCriterionResult,
  RedFlagRule,
  RedFlagThreshold,
  WorkupItem,
} from "./types.js";

/** How one criterion reads in a case: it holds when a clue is present, counts against when denied. */
export function readCriterion(
  criterion: RedFlagCriterion,
  clues: Clues,
  denied: ReadonlyMap<ClueId, string>,
): RedFlagCriterionResult & { findings: number[] } {
  const present = criterion.anyOf.filter((id) => clues.has(id));
  if (present.length > 0)
    return {
      id: criterion.id,
      text: criterion.text,
      status: "holds",
      evidence: [...new Set(present.map((id) => clues.get(id)?.text ?? ""))].filter(Boolean),
      findings: present.flatMap((id) => clues.get(id)?.findings ?? []),
    };
  const denial = criterion.anyOf.map((id) => denied.get(id)).find((d) => d !== undefined);
  return {
    id: criterion.id,
    text: criterion.text,
    status: denial ? "denied" : "absent",
    evidence: denial ? [denial] : [],
    findings: [],
  };
}

/** Whether a threshold holds given the ids of the criteria that hold (loops: no list made per rule). */
export function meets(
  threshold: RedFlagThreshold | undefined,
  holding: { has(id: string): boolean },
): boolean {
  if (!threshold) return false;
  for (const id of threshold.all ?? []) if (!holding.has(id)) return false;
  for (const group of threshold.atLeast ?? []) {
    let n = 0;
    for (const id of group.of) if (holding.has(id)) n++;
    if (n < group.n) return false;
  }
  return true;
}

/** Whether a rule's criterion (by id) holds: a criterion of that id has one of its clues present. */
function criterionHolds(rule: RedFlagRule, id: string, clues: Clues): boolean {
  for (const c of rule.criteria)
    if (c.id === id) for (const clue of c.anyOf) if (clues.has(clue)) return true;
  return false;
}

function actionsOf(ids: readonly string[], done: (w: WorkupItem) => boolean): WorkupItem[] {
  return ids.flatMap((id) => {
    const w = workupById.get(id);
    return w && !done(w) ? [w] : [];
  });
}

/** One rule read against a case: the flag, or undefined when silent. */
export function readRule(
  rule: RedFlagRule,
  clues: Clues,
  denied: ReadonlyMap<ClueId, string> = new Map(),
  done: (w: WorkupItem) => boolean = () => false,
): RedFlag | undefined {
  // the criteria that hold (readCriterion's "holds"), asked by id: most rules are silent, and read no further
  const holding = { has: (id: string) => criterionHolds(rule, id, clues) };
  const criticalMet = meets(rule.critical, holding);
  if (!criticalMet && !meets(rule.warning, holding)) return undefined;
  const read = rule.criteria.map((c) => readCriterion(c, clues, denied));
  const against = (rule.against ?? [])
    .map((c) => readCriterion(c, clues, denied))
    .filter((r) => r.status === "holds");
  const critical = criticalMet && against.length === 0;
  const severity = critical ? "critical" : "warning";
  const holds = read.filter((r) => r.status === "holds");
  return {
    id: rule.id,
    name: rule.name,
    severity,
    text: critical ? rule.text : (rule.warningText ?? rule.text),
    because: holds.map((r) => `${r.text} (${r.evidence.join("; ")})`),
    criteria: read.map(({ findings: _f, ...r }) => r),
    against: against.map((r) => `${r.text} (${r.evidence.join("; ")})`),
    findings: [...new Set([...holds, ...against].flatMap((r) => r.findings))].sort((a, b) => a - b),
    action: actionsOf(critical ? rule.action : (rule.warningAction ?? rule.action), done),
    sources: rule.sources,
  };
}

export function redFlags(
  clues: Clues,
  denied: ReadonlyMap<ClueId, string> = new Map(),
  done: (w: WorkupItem) => boolean = () => false,
  rules: RedFlagRule[] = redFlagRules,
): RedFlag[] {
  const out = rules.flatMap((rule) => {
    const flag = readRule(rule, clues, denied, done);
    return flag ? [flag] : [];
  });
  return out.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === "critical" ? -1 : 1));
}
