import { useState } from 'preact/hooks';
import { diagnosticText, noticeText, type PageReport } from '@/lib/page-report-read';
import { errorText } from '@/lib/errors';

export interface PageNoticeProps {
  /** The active tab's degraded listing. */
  report: PageReport;
  /** The extension's and browser's versions, for the diagnostic. */
  versions: { extension: string; browser: string };
  /** Puts text on the clipboard (tests pass their own). */
  copy: (text: string) => Promise<void>;
}

/** The popup's line about a listing Dogear could read only part of, with a diagnostic to copy. */
export function PageNotice({ report, versions, copy }: PageNoticeProps) {
  const [done, setDone] = useState('');
  const onCopy = () =>
    copy(diagnosticText(report, versions)).then(
      () => setDone('Copied'),
      (e: unknown) => setDone(`Could not copy: ${errorText(e)}`),
    );
  return (
    <p role="alert" class="hint warn page-notice" data-dogear-page-notice>
      {noticeText(report)} ·{' '}
      <button type="button" class="link" data-dogear-action="copy-diagnostic" onClick={() => void onCopy()}>
        Copy diagnostic
      </button>
      {done && <span role="status"> {done}</span>}
    </p>
  );
}
