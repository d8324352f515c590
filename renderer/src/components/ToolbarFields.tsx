// The parts every registry grid's toolbar is made of: a labelled search box, labelled
// filter selects whose first option means "all", and the count read out when it changes.

export function ToolbarSearch({ label, placeholder, value, onChange }: { label: string; placeholder: string; value: string; onChange: (value: string) => void }) {
  return (
    <label className="toolbar-field">
      <span className="toolbar-label">{label}</span>
      <input type="search" className="search-input" value={value} placeholder={placeholder} onChange={(e) => onChange(e.target.value)} />
    </label>
  );
}

export interface ToolbarOption {
  value: string;
  label: string;
}

export function ToolbarSelect({ label, value, onChange, all, options, testId }: { label: string; value: string; onChange: (value: string) => void; all: string; options: readonly ToolbarOption[]; testId?: string }) {
  return (
    <label className="toolbar-field">
      <span className="toolbar-label">{label}</span>
      <select value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId}>
        <option value="">{all}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

export function ToolbarCount({ text, testId }: { text: string; testId: string }) {
  return (
    <span className="toolbar-count" aria-live="polite" data-testid={testId}>
      {text}
    </span>
  );
}
