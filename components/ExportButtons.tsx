import { useState } from 'preact/hooks';
import { errorText } from '@/lib/errors';
import { EXPORT_FORMATS, renderExport, type ExportFormat } from '@/lib/export';
import type { Paper, Settings, TrashedPaper } from '@/lib/model';

/**
 * Saves text as a file through a Blob URL and a clicked `<a download>`: works
 * on extension pages in Chrome and Firefox without the `downloads` permission.
 */
export function downloadText(filename: string, mime: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoking at once can cancel the download in Firefox.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export interface ExportButtonsProps {
  /** The list as shown, in display order. */
  papers: readonly Paper[];
  /** The whole list; when given, a scope switch offers it beside the shown list. */
  all?: readonly Paper[];
  settings: Settings;
  /** Reads the Trash: the JSON export of the whole list carries it (flagged, see `toJson`). */
  trash?: () => Promise<readonly TrashedPaper[]>;
  /** Replaced in tests to capture the file instead of downloading it. */
  download?: (filename: string, mime: string, text: string) => void;
  now?: () => Date;
  /** While the popup shows only its first screen (the whole list still loading): nothing to export yet. */
  disabled?: boolean;
}

const FORMATS = Object.keys(EXPORT_FORMATS) as ExportFormat[];

/** One button per format (`[data-dogear-action="export"][data-format=…]`). */
export function ExportButtons({
  papers,
  all,
  settings,
  trash,
  download = downloadText,
  now = () => new Date(),
  disabled = false,
}: ExportButtonsProps) {
  const [scope, setScope] = useState<'shown' | 'all'>('shown');
  const list = scope === 'all' && all ? all : papers;
  const whole = !all || scope === 'all';
  const [error, setError] = useState('');
  const run = async (format: ExportFormat) => {
    try {
      const removed = format === 'json' && whole && trash ? await trash() : [];
      const file = renderExport(format, list, settings, now(), removed);
      download(file.filename, file.mime, file.text);
      setError('');
    } catch (e) {
      setError(`Export failed: ${errorText(e)}`);
    }
  };
  return (
    <div class="export" role="group" aria-label="Export">
      <span class="export-label">Export</span>
      {all && (
        <select
          class="export-scope"
          aria-label="What to export"
          value={scope}
          onChange={(e) => setScope((e.currentTarget as HTMLSelectElement).value === 'all' ? 'all' : 'shown')}
        >
          <option value="shown">Shown ({papers.length})</option>
          <option value="all">Whole list ({all.length})</option>
        </select>
      )}
      {FORMATS.map((f) => (
        <button
          key={f}
          type="button"
          class="export-btn"
          data-dogear-action="export"
          data-format={f}
          disabled={disabled || !list.length}
          // The name holds the visible text (WCAG 2.5.3 "label in name"): "MD" stands for Markdown.
          aria-label={`Export ${list.length} paper${list.length === 1 ? '' : 's'} as ${f === 'markdown' ? 'MD (Markdown)' : EXPORT_FORMATS[f].label}`}
          onClick={() => void run(f)}
        >
          {f === 'markdown' ? 'MD' : EXPORT_FORMATS[f].label}
        </button>
      ))}
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
    </div>
  );
}
