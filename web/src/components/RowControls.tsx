/**
 * Controls the finding tables share: the button that removes a row, the side chooser, and the line
 * under a table that adds a row.
 */
import { useState } from "react";

export function RemoveButton({ label, onRemove }: { label: string; onRemove: () => void }) {
  return (
    <button type="button" className="remove" aria-label={`Remove ${label}`} onClick={onRemove}>
      ×
    </button>
  );
}

export function SideSelect({
  id,
  value,
  onChange,
}: {
  id: string;
  value: "right" | "left";
  onChange: (side: "right" | "left") => void;
}) {
  return (
    <>
      <label htmlFor={id}>Side</label>
      <select id={id} value={value} onChange={(e) => onChange(e.currentTarget.value as "right" | "left")}>
        <option value="right">right</option>
        <option value="left">left</option>
      </select>
    </>
  );
}

type LimbSide = "right" | "left";

/**
 * The line under a finding table that adds a row: what (one of `options`), on which side when
 * `sideId` is given, and the button.
 */
export function AddRow({
  id,
  sideId,
  label,
  placeholder,
  options,
  button = "Add",
  onAdd,
}: {
  id: string;
  sideId?: string;
  label: string;
  placeholder: string;
  options: readonly { id: string; name: string }[];
  button?: string;
  onAdd: (choice: string, side: LimbSide) => void;
}) {
  const [choice, setChoice] = useState("");
  const [side, setSide] = useState<LimbSide>("right");
  return (
    <div className="row-add">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={choice} onChange={(e) => setChoice(e.currentTarget.value)}>
        <option value="">{placeholder}</option>
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </select>
      {sideId ? <SideSelect id={sideId} value={side} onChange={setSide} /> : null}
      <button
        type="button"
        disabled={!choice}
        onClick={() => {
          onAdd(choice, side);
          setChoice("");
        }}
      >
        {button}
      </button>
    </div>
  );
}
