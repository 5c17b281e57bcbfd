/**
 * What a sentence asserts about a phrase in it, in the manner of NegEx (Chapman et al. 2001) and
 * ConText (Harkema et al. 2009, as kept in medspaCy's rules, Eyre et al. 2021):
 *
 * - negated: a trigger before the phrase ("no", "without", "denies", "negative for") or after it
 *   ("neg", "negative", "not seen", "ruled out") reaches it. A trigger reaches forward up to a
 *   scope terminator (";", ":", "but", "however", "except", "which", ...) or MAX_WORDS words, and
 *   backward over a few words only. Pseudo-triggers ("not only", "no change", "no increase",
 *   "without difficulty") contain a trigger word and negate nothing.
 * - uncertain: "?", "possible", "probable", "suspected", "cannot exclude", "query", "rule out".
 * - historical: "history of", "previous", "prior", "resolved", "in the past": not a current finding.
 * - hypothetical: "if", "should", "return if": not a finding at all.
 * - experiencer: "family history", "mother", "brother": about someone else.
 *
 * Every look is bounded (LOOK_BACK and LOOK_AHEAD characters), so asking about a phrase costs the
 * same whatever the length of its sentence, and reading a note stays linear in its length.
 * The word lists are sourced in sources.ts (ASSERTION_TRIGGERS).
 */

import { countWork } from "./work.js";

export interface Assertion {
  negated: boolean;
  uncertain: boolean;
  historical: boolean;
  hypothetical: boolean;
  /** Someone other than the patient (a relative). */
  otherPerson: boolean;
}

/** How far back and ahead of a phrase a trigger is looked for, in characters. */
export const LOOK_BACK = 160;
export const LOOK_AHEAD = 60;
/** How many words a forward negation reaches (NegEx used a window of five terms; lists need six). */
export const MAX_WORDS = 6;

/** Words that look like triggers and are not ("not only", "no change"): Chapman 2001, pseudo-negations. */
const PSEUDO =
  /\b(?:not only|no (?:significant |further |interval )?(?:change|increase|decrease|worsening)|not (?:necessarily|certain whether|cause|drain|extend)|without (?:difficulty|further|any further)|gram[- ]negative|no longer (?:on|taking)|not been able|not able|no other|nothing else|prior to|previous to|history (?:and|&) (?:exam|physical|examination)|(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|several|a few|few)[- ](?:hours?|days?|weeks?|months?|years?)[- ]history of|(?:short|brief|recent|acute|subacute|progressive|gradual) history of)\b/gi;

const PRE_NEGATION =
  /\b(?:no|not|without|w\/o|denies|denied|denying|negative for|neg for|absence of|free of|never|nor|neither|ruled out|r\/o'?d|excluded|excluding|did not (?:show|reveal|demonstrate|have|find|report|complain of|exhibit)|does not (?:have|show|report|demonstrate)|doesn't (?:have|show)|no evidence of|no signs? of|no history of|declined|unremarkable for|resolution of)\b/gi;

/**
 * A negation after the finding: at most three words between (commas allowed), or a place of up to
 * six words without a comma or a conjunction ("Tinel's sign at the right fibular neck is no longer
 * elicited"); "no longer" negates a sign as "not" does.
 */
const POST_NEGATION =
  /^(?:(?:[\s,]+(?!was\b|were\b|is\b|are\b|not\b)[A-Za-z-]+){0,3}|(?:\s+(?!was\b|were\b|is\b|are\b|not\b|and\b|or\b|but\b|no\b)[A-Za-z'-]+){4,6})[\s,:]+(?:(?:was|were|is|are|has been|have been)\s+)?(?:(?:not|no longer)\s+(?:seen|evident|present|found|observed|noted|elicited|detected|demonstrated|shown|identified|appreciated)|ruled out|excluded|negative|neg\b|-ve\b|unremarkable|absent|resolved)/i;

const UNCERTAIN =
  /(?:\?|\b(?:possible|possibly|probable|probably|suspected|suspect|suspicious (?:for|of)|questionable|query|equivocal|cannot (?:be )?(?:excluded?|ruled? out)|can't (?:exclude|rule out)|could not (?:be )?(?:excluded?|ruled? out)|not (?:be )?excluded|rule out|r\/o|may (?:be|have|represent)|might|versus|vs\.?|differential(?: diagnosis)? (?:includes?|of)|consider(?:ed)?|concern for|worrisome for)\b)/gi;

const HISTORICAL =
  /\b(?:(?:past (?:medical )?)?history of|PMH|h\/o|hx of|previous(?:ly)?|prior|in the past(?! (?:\d|few|several|one|two|three|four|five|six|week|month|day|year))|resolved|formerly|years? ago|(?:\d+|two|three|four|five|ten|several|many|some) years (?:earlier|before|previously)|years earlier|from years before|had (?:a|an) (?:episode|bout)|status post|s\/p)\b/gi;

/** A sentence dated to an earlier visit by its opening words. */
const DATED_OPENING =
  /^\s*(?:when (?:first |last )?seen|at (?:the|her|his|their) (?:first|previous|last|initial|earlier) (?:visit|review|appointment|assessment|consultation)|(?:in|on|at) (?:the )?(?:previous|last|first|initial|earlier) (?:visit|review|appointment|assessment|consultation))\b/i;

const HYPOTHETICAL =
  /\b(?:if|should (?:he|she|they|the patient)|return if|in case of|watch for|look(?:ing)? for)\b/gi;

const OTHER_PERSON =
  /\b(?:family history|FHx?|fam hx|mother|father|brother|sister|sibling|son|daughter|aunt|uncle|grand(?:mother|father|parent)|cousin|parents?|relatives?)\b/gi;

/** Where a trigger's reach stops: ConText's terminators, and punctuation that ends a statement. */
const TERMINATOR =
  /[;:]|\b(?:but|however|although|though|except|apart from|aside from|which|whereas|while|yet|other than|then|otherwise|nevertheless|still|secondary to|due to|because|cause of|source of|with|presented|presents|developed|woke|complained|reported|noticed|showed|revealed|demonstrated|arguing)\b/gi;

/** What ends the reach of time and person: a turn of the sentence, or a return to the present. */
const TURN = /[;:]|\b(?:but|however|although|whereas|now|currently|presently|today|on examination)\b/gi;

function lastMatch(re: RegExp, s: string): RegExpExecArray | null {
  re.lastIndex = 0;
  let last: RegExpExecArray | null = null;
  for (let m = re.exec(s); m; m = re.exec(s)) last = m;
  return last;
}

/** Blank out pseudo-triggers so that their "no" and "not" trigger nothing. */
function withoutPseudo(s: string): string {
  PSEUDO.lastIndex = 0;
  return s.replace(PSEUDO, (m) => " ".repeat(m.length));
}

/** The part of text[from, start) after the last terminator, at most LOOK_BACK characters. */
export function clauseBefore(text: string, start: number, from = 0): { at: number; text: string } {
  const lo = Math.max(from, start - LOOK_BACK);
  const before = text.slice(lo, start);
  const t = lastMatch(TERMINATOR, before);
  const cut = t ? t.index + t[0].length : 0;
  return { at: lo + cut, text: before.slice(cut) };
}

/** The part of text[end, to) up to the next terminator, at most LOOK_AHEAD characters. */
export function clauseAfter(text: string, end: number, to = text.length): string {
  const after = text.slice(end, Math.min(to, end + LOOK_AHEAD));
  TERMINATOR.lastIndex = 0;
  const t = TERMINATOR.exec(after);
  return t ? after.slice(0, t.index) : after;
}

/** Whether a forward trigger in `clause` reaches its end (MAX_WORDS words at most). */
function reaches(re: RegExp, clause: string, maxWords = MAX_WORDS): boolean {
  const last = lastMatch(re, clause);
  if (!last) return false;
  const between = clause.slice(last.index + last[0].length);
  return (between.match(/[A-Za-z0-9]+/g)?.length ?? 0) <= maxWords;
}

/** Whether the phrase text[start, end) is negated, looking only inside [from, to). */
export function negatedAt(text: string, start: number, end: number, from = 0, to = text.length): boolean {
  countWork(Math.min(start - from, LOOK_BACK) + Math.min(to - end, LOOK_AHEAD));
  const before = withoutPseudo(clauseBefore(text, start, from).text);
  if (reaches(PRE_NEGATION, before)) return true;
  return POST_NEGATION.test(withoutPseudo(text.slice(end, Math.min(to, end + LOOK_AHEAD))));
}

/** Any word that may colour a statement's time, certainty or person: a quick test per sentence. */
const ANY_CONTEXT = new RegExp(
  [UNCERTAIN, HISTORICAL, HYPOTHETICAL, OTHER_PERSON, DATED_OPENING].map((r) => `(?:${r.source})`).join("|"),
  "i",
);

/** Whether a sentence has any word of time, certainty or person at all (else all is current). */
export function mayColour(sentence: string): boolean {
  return ANY_CONTEXT.test(sentence);
}

/** Time, certainty and person of the phrase text[start, end), looking only inside [from, to). */
export function contextAt(
  text: string,
  start: number,
  end: number,
  from = 0,
  to = text.length,
): Omit<Assertion, "negated"> {
  countWork(Math.min(start - from, LOOK_BACK) + Math.min(to - end, LOOK_AHEAD));
  const before = withoutPseudo(clauseBefore(text, start, from).text);
  const statement = `${before} ${clauseAfter(text, end, to)}`;
  UNCERTAIN.lastIndex = 0;
  HYPOTHETICAL.lastIndex = 0;
  const sentenceBefore = text.slice(Math.max(from, start - LOOK_BACK), start);
  const turn = lastMatch(TURN, sentenceBefore);
  const sinceTurn = turn ? sentenceBefore.slice(turn.index + turn[0].length) : sentenceBefore;
  OTHER_PERSON.lastIndex = 0;
  // "When seen in January her ankle dorsiflexion was 1/5, ... and studies then showed ...": a
  // sentence that opens by dating itself to an earlier visit is past to its end, or to a turn.
  const opening = text.slice(from, start);
  const dated = DATED_OPENING.test(opening) && !lastMatch(TURN, opening);
  return {
    uncertain: UNCERTAIN.test(statement),
    historical: dated || reaches(HISTORICAL, withoutPseudo(sinceTurn), 8),
    hypothetical: HYPOTHETICAL.test(before),
    otherPerson: OTHER_PERSON.test(sinceTurn),
  };
}

/** What the text asserts about the phrase text[start, end), looking only inside [from, to). */
export function assertion(text: string, start: number, end: number, from = 0, to = text.length): Assertion {
  return { negated: negatedAt(text, start, end, from, to), ...contextAt(text, start, end, from, to) };
}
