import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { Paper, Settings, TrashedPaper } from '@/lib/model';
import type { BackupFailure } from '@/lib/backup';
import { TrashView } from '@/components/TrashView';
import { ExportButtons } from '@/components/ExportButtons';
import { Header } from '@/components/Header';
import { Icon, type IconName } from '@/components/icons';
import { ImportPanel } from '@/components/ImportPanel';
import { PageNotice, type PageNoticeProps } from '@/components/PageNotice';
import { papersWord } from '@/components/reading-list';
import { ReadingList } from '@/components/ReadingList';
import { Suggestions } from '@/components/Suggestions';
import { Toast, type ToastMessage } from '@/components/Toast';
import { useListFilter } from '@/components/use-list-filter';
import type { Send } from '@/lib/message-client';
import type { Suggestion } from '@/lib/relevance';
import { errorText } from '@/lib/errors';
import type { ZoteroAccess } from '@/components/zotero/ZoteroSend';

export interface PopupProps {
  papers: readonly Paper[];
  /** False while `papers` is only the first screen (the whole list still loading). */
  complete?: boolean;
  settings: Settings;
  send: Send;
  openUrl: (url: string) => void;
  openOptions: () => void;
  /** Passed to the export buttons; tests capture files with it. */
  download?: (filename: string, mime: string, text: string) => void;
  /** Used until the list can be measured (and in tests, where nothing has a layout). */
  initialViewport?: number;
  /** Unsaved papers from recent listings that the on-device model ranks highest. */
  suggestions?: Suggestion[];
  /** Send to Zotero: the browser's permission calls (the actions are hidden without them). */
  zotero?: ZoteroAccess;
  /** Records the background changed outside the storage mirror (sent to Zotero). */
  onPapersChanged?: (papers: Paper[]) => void;
  /** Papers in the Trash ("Recently removed"). */
  trashCount?: number;
  loadTrash?: () => Promise<TrashedPaper[]>;
  /** The last backup failed: said until one succeeds. */
  backupFailure?: BackupFailure | null;
  /** The active tab is a listing Dogear could read only part of. */
  pageNotice?: PageNoticeProps | null;
}

type View = 'list' | 'data' | 'suggested' | 'trash';

const TITLES: Record<View, string> = {
  list: 'Reading list',
  data: 'Import & export',
  suggested: 'Suggested from recent pages',
  trash: 'Recently removed',
};

/** The popup's views (the list, Import & export, suggestions), its header and its message line. */
/** A header button that opens one of the popup's views (`data-dogear-action` is the view's name). */
function ViewButton(props: {
  view: View;
  label: string;
  title: string;
  icon: IconName;
  class?: string;
  open: (view: View) => void;
  children?: ComponentChildren;
}) {
  return (
    <button
      type="button"
      class={props.class ? `icon ${props.class}` : 'icon'}
      data-dogear-action={props.view}
      aria-label={props.label}
      title={props.title}
      onClick={() => props.open(props.view)}
    >
      <Icon name={props.icon} />
      {props.children}
    </button>
  );
}

export function Popup({
  papers,
  complete = true,
  settings,
  send,
  openUrl,
  openOptions,
  download,
  initialViewport,
  suggestions = [],
  zotero,
  onPapersChanged,
  trashCount = 0,
  loadTrash,
  backupFailure,
  pageNotice,
}: PopupProps) {
  const [view, setView] = useState<View>('list');
  const [toast, setToast] = useState<ToastMessage | null>(null);
  const filter = useListFilter(papers);
  const { shown } = filter;
  const fail = (e: unknown) => setToast({ text: `Failed: ${errorText(e)}` });

  const needsSetup = !settings.keywords.length && !settings.tagRules.length;
  const count =
    view === 'list' && papers.length && complete && !filter.searching
      ? filter.filtered
        ? `${shown.length} of ${papers.length}`
        : papersWord(shown.length)
      : '';
  const header = (
    <>
      <Header
        title={TITLES[view]}
        count={count}
        onBack={view === 'list' ? undefined : () => setView('list')}
        openOptions={openOptions}
      >
        {view === 'list' && settings.relevance && (
          <ViewButton
            view="suggested"
            label={`Suggested papers (${suggestions.length})`}
            title="Suggested from recent pages"
            icon="spark"
            class="suggest"
            open={setView}
          >
            {suggestions.length > 0 && <span class="dot" aria-hidden="true" />}
          </ViewButton>
        )}
        {view === 'list' && loadTrash && (
          <ViewButton
            view="trash"
            label={`Recently removed: ${trashCount}`}
            title="Recently removed"
            icon="trash"
            class="trash-open"
            open={setView}
          >
            {trashCount > 0 && <span class="trash-count">{trashCount > 99 ? '99+' : trashCount}</span>}
          </ViewButton>
        )}
        {view === 'list' && complete && (
          <ViewButton view="data" label="Import and export" title="Import and export" icon="more" open={setView} />
        )}
      </Header>
      {pageNotice && view === 'list' && <PageNotice {...pageNotice} />}
      {backupFailure && view === 'list' && (
        <p role="alert" class="hint warn" data-dogear-backup-failed>
          The last backup failed ({new Date(backupFailure.at).toLocaleString()}: {backupFailure.message}). Your list is
          fine; Dogear tries again with the next change ·{' '}
          <button type="button" class="link" onClick={openOptions}>
            Backups
          </button>
        </p>
      )}
      {needsSetup && view === 'list' && (
        <p class="hint" data-dogear-hint>
          Tip: add keywords or tag rules to highlight papers ·{' '}
          <button type="button" class="link" onClick={openOptions}>
            Open settings
          </button>
        </p>
      )}
    </>
  );
  const message = toast && <Toast toast={toast} onClose={() => setToast(null)} onError={fail} />;

  if (view === 'list')
    return (
      <ReadingList
        papers={papers}
        complete={complete}
        settings={settings}
        filter={filter}
        send={send}
        openUrl={openUrl}
        openData={() => setView('data')}
        notify={setToast}
        fail={fail}
        download={download}
        initialViewport={initialViewport}
        header={header}
        zotero={zotero}
        onPapersChanged={onPapersChanged}
      >
        {message}
      </ReadingList>
    );
  return (
    <div class="app">
      {header}
      {view === 'trash' && loadTrash ? (
        <TrashView load={loadTrash} send={send} notify={setToast} fail={fail} />
      ) : view === 'suggested' ? (
        <Suggestions suggestions={suggestions} send={send} openUrl={openUrl} />
      ) : (
        <div class="data">
          <h2>Export</h2>
          <ExportButtons
            papers={shown}
            all={papers}
            settings={settings}
            trash={loadTrash}
            download={download}
            disabled={filter.searching}
          />
          <h2>Import</h2>
          <ImportPanel send={send} onApplied={(text) => (setView('list'), setToast({ text }))} />
        </div>
      )}
      {message}
    </div>
  );
}
