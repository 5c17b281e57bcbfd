/** Controls the finding tables share: the button that removes a row, and the side chooser for a new row. */

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
