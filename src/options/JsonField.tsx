// A labelled text area for JSON: monospaced, never spell-checked.
interface Props {
  id: string;
  label: string;
  rows: number;
  value: string;
  onInput(value: string): void;
  /** Spans the whole form row. */
  wide?: boolean;
}

export function JsonField({ id, label, rows, value, onInput, wide = false }: Props) {
  return (
    <div class={wide ? 'field wide' : 'field'}>
      <label for={id}>{label}</label>
      <textarea
        id={id}
        class="code"
        rows={rows}
        spellcheck={false}
        value={value}
        onInput={(e) => onInput(e.currentTarget.value)}
      />
    </div>
  );
}
