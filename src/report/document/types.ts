/**
 * The electrodiagnostic report as EMG laboratories write it (jablecki2005): a header, the nerve
 * conduction table, the needle EMG table, a summary of the findings, the impression, the clinical
 * correlation and the recommendations. One model, made from the case and its analysis; Markdown,
 * HTML, PDF and FHIR render it and add nothing of their own.
 */

/** One value of a table: the words shown, and whether it lies outside its normal limit. */
export interface Cell {
  text: string;
  abnormal: boolean;
}

export interface ReportHeader {
  title: string;
  caseId: string;
  /** Age and sex, as the case gives them. */
  patient: string;
  referral: string;
  studyDate: string;
  examiner: string;
  atlasVersion: string;
  /** Where the case comes from (its `source`), when given. */
  source?: string;
}

export interface NcsRow {
  study: string;
  side: string;
  stimulation: string;
  recording: string;
  latency: Cell;
  /** The latency's upper limit of normal in ms ("≤ 6.5"), or empty; latency and velocity are in ms and m/s, the amplitude carries its unit. */
  latencyLimit: string;
  amplitude: Cell;
  amplitudeLimit: string;
  velocity: Cell;
  velocityLimit: string;
  /** The same study on the other side, as recorded, or "not tested". */
  otherSide: Cell;
  /** A conduction block's segment, or the atlas's note on the limits. */
  comment: string;
}

export interface EmgRow {
  muscle: string;
  side: string;
  nerve: string;
  roots: string;
  insertional: Cell;
  spontaneous: Cell;
  muap: Cell;
  recruitment: Cell;
}

export interface Recommendations {
  /** The planner's next tests, best first, each with why. */
  tests: string[];
  /** The planner's word that no further test would change the answer, when it says so. */
  settled?: string;
  /** The differential's work-up not yet done, most urgent first. */
  workup: string[];
  /** The planner's EMG protocol, in order, when its plan gives one. */
  protocol?: string[];
}

export interface EdxReport {
  header: ReportHeader;
  ncs: NcsRow[];
  emg: EmgRow[];
  summary: string[];
  impression: string[];
  correlation: string[];
  recommendations: Recommendations;
  /** The limits' legend and the decision-support notice. */
  notes: string[];
  /** The reference list. */
  references: string[];
}

/** What the case does not hold and the person making the report may add. */
export interface ReportOptions {
  referral?: string;
  studyDate?: string;
  examiner?: string;
}
