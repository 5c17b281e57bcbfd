/** Signs, imaging and laboratory results: a row each, added from short forms. */
import { useState } from "react";
import {
  IMAGING_MODALITIES,
  IMAGING_TAGS,
  LAB_TESTS,
  OTHERS,
  SIGNS,
  SPINAL_LEVEL_PATTERN,
} from "../../../src/case/schema.js";
import { addFinding, removeFinding, rowsOf } from "../caseModel.js";
import type { Finding, LocusCase } from "../types.js";
import { RemoveButton } from "./RowControls.js";

interface Props {
  c: LocusCase;
  onChange: (c: LocusCase) => void;
}

type Side3 = "" | "right" | "left" | "bilateral";
const words = (s: string) => s.replaceAll("_", " ");
/** An item's words, with `others` (FORMAT v1.1) read as "all other ...". */
const item = (id: string, kind: string) => (id === OTHERS ? `all other ${kind}` : words(id));

/** What the "Where" box of a sign holds, as a hint (FORMAT v1.1 for the new signs). */
export const SIGN_TARGET_HINT: Partial<Record<(typeof SIGNS)[number], string>> = {
  tinel: "fibular head",
  pulses: "dorsalis pedis",
  sensory_level: "T10",
  atrophy: "calf",
  hypertrophy: "calf",
  tenderness: "sciatic notch",
};

export function describeFinding(f: Finding): string {
  const side = f.side ? `${f.side} ` : "";
  switch (f.kind) {
    case "sign":
      return `${side}${words(f.sign)}${f.target ? ` (${words(f.target)})` : ""}${f.present === false ? ": absent" : ""}${f.targetSites?.length ? ` [${f.targetSites.map(words).join("; ")}]` : ""}`;
    case "imaging":
      return `${words(f.modality)}${f.level ? ` ${f.level}` : ""} ${side}: ${f.tags.map(words).join(", ") || "no tags"}${f.text ? `. “${f.text}”` : ""}`;
    case "lab":
      return `${words(f.test)}: ${f.test === "csf_cytology" && f.result === "elevated" ? "malignant cells" : f.result}${f.value !== undefined ? ` (${f.value}${f.unit ? ` ${f.unit}` : ""})` : ""}`;
    case "strength":
      return `${side}${item(f.target, "movements and muscles")} MRC ${f.mrc}`;
    case "reflex":
      return `${side}${item(f.reflex, "reflexes")}${f.reflex === OTHERS ? "" : " reflex"} ${f.grade}`;
    case "sensory":
      return `${side}${item(f.region, "skin")}: ${f.change}${f.modality ? ` (${words(f.modality)})` : ""}`;
    case "emg":
      return `${side}${words(f.muscle)} EMG: ${[f.insertional && `insertional ${f.insertional}`, f.spontaneous, f.muap && `MUAP ${f.muap}`, f.recruitment && `recruitment ${f.recruitment}`].filter(Boolean).join(", ")}`;
    case "ncs":
      return `${side}${words(f.study)}: ${f.result}${f.segment ? ` (${f.segment})` : ""}${f.amplitude !== undefined ? ` ${f.amplitude} ${f.unit ?? ""}`.trimEnd() : ""}`;
  }
}

const sideOf = (s: Side3) => (s ? { side: s } : {});

export function OtherFindings({ c, onChange }: Props) {
  const rows = rowsOf(c, "sign", "imaging", "lab");
  const [sign, setSign] = useState<(typeof SIGNS)[number]>("straight_leg_raise");
  const [signSide, setSignSide] = useState<Side3>("right");
  const [signTarget, setSignTarget] = useState("");
  const [signPresent, setSignPresent] = useState(true);
  const [modality, setModality] = useState<(typeof IMAGING_MODALITIES)[number]>("mri_spine");
  const [tags, setTags] = useState<(typeof IMAGING_TAGS)[number][]>([]);
  const [level, setLevel] = useState("");
  const [imgSide, setImgSide] = useState<Side3>("right");
  const [imgText, setImgText] = useState("");
  const [lab, setLab] = useState<(typeof LAB_TESTS)[number]>("ck");
  const [labResult, setLabResult] = useState<"normal" | "elevated" | "low">("normal");
  const [labValue, setLabValue] = useState("");
  const levelBad = level.trim() !== "" && !SPINAL_LEVEL_PATTERN.test(level.trim().toUpperCase());
  const sidePick = (id: string, v: Side3, set: (s: Side3) => void) => (
    <select id={id} value={v} onChange={(e) => set(e.currentTarget.value as Side3)}>
      <option value="right">right</option>
      <option value="left">left</option>
      <option value="bilateral">both</option>
      <option value="">no side</option>
    </select>
  );
  return (
    <section aria-labelledby="other-h" className="panel">
      <h3 id="other-h">Signs, imaging, laboratory</h3>
      <ul className="findings-list">
        {rows.length === 0 && <li className="empty">None yet.</li>}
        {rows.map(([f, i]) => (
          <li key={i}>
            <span className={`kind kind-${f.kind}`}>{f.kind}</span> {describeFinding(f)}
            <RemoveButton label={describeFinding(f)} onRemove={() => onChange(removeFinding(c, i))} />
          </li>
        ))}
      </ul>
      <form
        className="mini"
        aria-label="Add a sign"
        onSubmit={(e) => {
          e.preventDefault();
          onChange(
            addFinding(c, {
              kind: "sign",
              sign,
              ...sideOf(signSide),
              ...(signTarget.trim() ? { target: signTarget.trim() } : {}),
              ...(signPresent ? {} : { present: false }),
            }),
          );
          setSignTarget("");
        }}
      >
        <label htmlFor="sign">Sign</label>
        <select id="sign" value={sign} onChange={(e) => setSign(e.currentTarget.value as typeof sign)}>
          {SIGNS.map((s) => (
            <option key={s} value={s}>
              {words(s)}
            </option>
          ))}
        </select>
        <label htmlFor="sign-side">Side</label>
        {sidePick("sign-side", signSide, setSignSide)}
        <label htmlFor="sign-target">Where</label>
        <input
          id="sign-target"
          value={signTarget}
          size={10}
          placeholder={SIGN_TARGET_HINT[sign] ?? ""}
          onChange={(e) => setSignTarget(e.currentTarget.value)}
        />
        <label>
          <input
            type="checkbox"
            checked={signPresent}
            onChange={(e) => setSignPresent(e.currentTarget.checked)}
          />{" "}
          present
        </label>
        <button type="submit">Add sign</button>
      </form>
      <form
        className="mini"
        aria-label="Add imaging"
        onSubmit={(e) => {
          e.preventDefault();
          if (levelBad) return;
          onChange(
            addFinding(c, {
              kind: "imaging",
              modality,
              tags,
              ...sideOf(imgSide),
              ...(level.trim() ? { level: level.trim().toUpperCase() } : {}),
              ...(imgText.trim() ? { text: imgText.trim() } : {}),
            }),
          );
          setTags([]);
          setLevel("");
          setImgText("");
        }}
      >
        <label htmlFor="img-mod">Imaging</label>
        <select
          id="img-mod"
          value={modality}
          onChange={(e) => setModality(e.currentTarget.value as typeof modality)}
        >
          {IMAGING_MODALITIES.map((m) => (
            <option key={m} value={m}>
              {words(m)}
            </option>
          ))}
        </select>
        <label htmlFor="img-side">Side</label>
        {sidePick("img-side", imgSide, setImgSide)}
        <label htmlFor="img-level">Level</label>
        <input
          id="img-level"
          value={level}
          size={6}
          placeholder="L4-L5"
          aria-invalid={levelBad || undefined}
          onChange={(e) => setLevel(e.currentTarget.value)}
        />
        {levelBad && (
          <span role="alert" className="cell-error">
            a spinal level such as L4-L5 or S1
          </span>
        )}
        <fieldset className="tags">
          <legend>Findings</legend>
          {IMAGING_TAGS.map((t) => (
            <label key={t} className="chip">
              <input
                type="checkbox"
                checked={tags.includes(t)}
                onChange={(e) =>
                  setTags(e.currentTarget.checked ? [...tags, t] : tags.filter((x) => x !== t))
                }
              />
              {words(t)}
            </label>
          ))}
        </fieldset>
        <label htmlFor="img-text">Report words</label>
        <input id="img-text" value={imgText} size={30} onChange={(e) => setImgText(e.currentTarget.value)} />
        <button type="submit">Add imaging</button>
      </form>
      <form
        className="mini"
        aria-label="Add a laboratory result"
        onSubmit={(e) => {
          e.preventDefault();
          const v = Number(labValue.replace(",", "."));
          onChange(
            addFinding(c, {
              kind: "lab",
              test: lab,
              result: labResult,
              ...(labValue.trim() && Number.isFinite(v) ? { value: v } : {}),
            }),
          );
          setLabValue("");
        }}
      >
        <label htmlFor="lab">Laboratory</label>
        <select id="lab" value={lab} onChange={(e) => setLab(e.currentTarget.value as typeof lab)}>
          {LAB_TESTS.map((t) => (
            <option key={t} value={t}>
              {words(t)}
            </option>
          ))}
        </select>
        <label htmlFor="lab-result">Result</label>
        <select
          id="lab-result"
          value={labResult}
          onChange={(e) => setLabResult(e.currentTarget.value as typeof labResult)}
        >
          <option value="normal">normal</option>
          <option value="elevated">{lab === "csf_cytology" ? "malignant cells" : "elevated"}</option>
          <option value="low">low</option>
        </select>
        <label htmlFor="lab-value">Value</label>
        <input
          id="lab-value"
          value={labValue}
          size={6}
          inputMode="decimal"
          onChange={(e) => setLabValue(e.currentTarget.value)}
        />
        <button type="submit">Add result</button>
      </form>
    </section>
  );
}
