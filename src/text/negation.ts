/**
 * Negation in the manner of NegEx (Chapman et al. 2001): a trigger word negates what follows it
 * (or, for the post-triggers, what precedes it) up to a scope terminator or a few words away.
 * "No numbness or weakness", "without weakness", "denies bladder symptoms", "trauma was ruled out",
 * "Babinski sign was not evident".
 * Words that are findings in their own right ("absent", "no response", "no MUAP") are read by the
 * finding readers before negation is asked.
 */
const PRE =
  /\b(no|not|without|denies|denied|denying|negative for|absence of|free of|never|nor|neither|ruled out|rule out|rules out|excluded|exclude|excluding|unremarkable|did not (?:show|reveal|demonstrate|have|find|report|complain of)|does not (?:have|show|report)|no evidence of|no signs? of|no history of|declined)\b/gi;
const POST =
  /^(?:[\s,]+(?!was\b|were\b|is\b|are\b|not\b)[A-Za-z-]+){0,3}[\s,]+(?:(?:was|were|is|are|has been|have been)\s+)?(?:not\s+(?:seen|evident|present|found|observed|noted|elicited|detected|demonstrated|shown|identified)|ruled out|excluded|negative|unremarkable|absent)\b/i;
/** Where a negation stops: conjunctions that turn the sentence, and verbs that start a new statement. */
const TERMINATOR =
  /[;:]|\b(but|however|although|though|except|apart from|aside from|which|whereas|while|yet|other than|then|otherwise|with|presented|presents|developed|woke|complained|reported|noticed|showed|revealed|demonstrated)\b/gi;

const MAX_WORDS = 6;

/** Whether the phrase text[start, end) is negated, looking only inside [from, to). */
export function isNegated(text: string, start: number, end: number, from = 0, to = text.length): boolean {
  // Pre-triggers: the closest one before the phrase, inside the same clause, a few words away.
  let clauseStart = from;
  const before = text.slice(from, start);
  TERMINATOR.lastIndex = 0;
  for (let m = TERMINATOR.exec(before); m; m = TERMINATOR.exec(before))
    clauseStart = from + m.index + m[0].length;
  const window = text.slice(clauseStart, start);
  PRE.lastIndex = 0;
  let last: RegExpExecArray | null = null;
  for (let m = PRE.exec(window); m; m = PRE.exec(window)) last = m;
  if (last) {
    const between = window.slice(last.index + last[0].length);
    const words = between.match(/[A-Za-z0-9]+/g)?.length ?? 0;
    if (words <= MAX_WORDS) return true;
  }
  // Post-triggers: right after the phrase, allowing a short tail ("sign", "reflex").
  return POST.test(text.slice(end, to));
}
