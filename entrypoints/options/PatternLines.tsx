import { useEffect, useState } from 'preact/hooks';
import { formatPattern, parsePatternLine } from '@/lib/pattern-line';
import type { Pattern } from '@/lib/model';

interface Props {
  patterns: Pattern[];
  onChange: (patterns: Pattern[]) => void;
  name: string;
  label: string;
  rows: number;
  placeholder: string;
  describedBy?: string;
}

export function toLines(patterns: readonly Pattern[]): string {
  return patterns.map(formatPattern).join('\n');
}

export function parseLines(text: string): Pattern[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map(parsePatternLine);
}

/**
 * A textarea of patterns, one per line, saved as the user types. The text is
 * kept as typed while focused (a blank line being started is no pattern yet);
 * changes made elsewhere (a toggle, another tab) show when it is not.
 */
export function PatternLines({ patterns, onChange, name, label, rows, placeholder, describedBy }: Props) {
  const [text, setText] = useState(() => toLines(patterns));
  const [editing, setEditing] = useState(false);

  useEffect(() => {
    if (!editing) setText(toLines(patterns));
  }, [patterns, editing]);

  return (
    <textarea
      name={name}
      aria-label={label}
      aria-describedby={describedBy}
      rows={rows}
      spellcheck={false}
      autocomplete="off"
      value={text}
      placeholder={placeholder}
      onFocus={() => setEditing(true)}
      onInput={(e) => {
        const value = (e.currentTarget as HTMLTextAreaElement).value;
        setText(value);
        onChange(parseLines(value));
      }}
      onBlur={() => setEditing(false)}
    />
  );
}
