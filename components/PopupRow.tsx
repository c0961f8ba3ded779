import { allTags, arxivAbsUrl, arxivPdfUrl, hfPaperUrl, type Paper } from '@/lib/model';
import { Icon } from './icons';
import { primaryUrl, shortAuthors, shortDate, STATUS_LABEL } from './reading-list';
import { ZoteroMark } from './zotero/ZoteroMark';

export type RowAction = 'read' | 'dismiss' | 'remove' | 'edit' | 'select' | 'zotero';

export interface PopupRowProps {
  paper: Paper;
  index: number;
  count: number;
  active: boolean;
  top: number;
  onAction: (action: RowAction, paper: Paper, index: number) => void;
}

/**
 * One fixed-height reading-list row, positioned absolutely by the virtual list.
 * Only the visible window (~20 rows) renders, so rows are not memoised.
 */
export function PopupRow({ paper: p, index, count, active, top, onAction }: PopupRowProps) {
  const title = p.title || p.id;
  const hf = hfPaperUrl(p.id);
  const tags = allTags(p);
  const read = p.status === 'read';
  const dismissed = p.status === 'dismissed';
  const meta = [shortAuthors(p.authors), shortDate(p.published)].filter(Boolean).join(' · ');
  return (
    <div
      role="listitem"
      id={`dogear-row-${index}`}
      class={`row status-${p.status}${active ? ' active' : ''}`}
      style={{ top: `${top}px` }}
      tabIndex={active ? 0 : -1}
      aria-posinset={index + 1}
      aria-setsize={count}
      aria-label={`${title}, ${STATUS_LABEL[p.status]}`}
      data-dogear-item={p.id}
      data-status={p.status}
      onMouseDown={() => onAction('select', p, index)}
    >
      <button
        type="button"
        class="read-toggle"
        data-dogear-action="read"
        aria-pressed={read ? 'true' : 'false'}
        aria-label={read ? `Mark unread: ${title}` : `Mark read: ${title}`}
        title={read ? 'Mark unread (r)' : 'Mark read (r)'}
        onClick={() => onAction('read', p, index)}
      >
        <Icon name={read ? 'check-circle' : 'circle'} />
      </button>
      <div class="row-main">
        <a class="row-title" href={primaryUrl(p)} target="_blank" rel="noreferrer" title={title} tabIndex={-1}>
          {title}
        </a>
        <div class="row-meta">
          {meta && <span class="row-authors">{meta}</span>}
          <span class="row-links">
            {hf && (
              <a href={hf} target="_blank" rel="noreferrer" aria-label={`HF, Hugging Face page: ${title}`}>
                HF
              </a>
            )}
            <a href={arxivAbsUrl(p.id)} target="_blank" rel="noreferrer" aria-label={`arXiv abstract: ${title}`}>
              arXiv
            </a>
            <a href={arxivPdfUrl(p.id)} target="_blank" rel="noreferrer" aria-label={`PDF: ${title}`}>
              PDF
            </a>
            {p.codeUrl && (
              <a href={p.codeUrl} target="_blank" rel="noreferrer" aria-label={`Code: ${title}`}>
                Code
              </a>
            )}
          </span>
        </div>
        <div class="row-tags">
          <span class={`pill pill-${p.status}`}>{STATUS_LABEL[p.status]}</span>
          {tags.slice(0, 4).map((t) => (
            <span key={t} class="chip" data-dogear-tag={t}>
              {t}
            </span>
          ))}
          {tags.length > 4 && <span class="chip more">+{tags.length - 4}</span>}
          {p.sentToZotero && <ZoteroMark sent={p.sentToZotero} />}
          {p.note && (
            <span class="note-flag" role="img" title={p.note.slice(0, 200)} aria-label="Has a note">
              <Icon name="note" />
            </span>
          )}
        </div>
      </div>
      <div class="row-actions">
        <button
          type="button"
          data-dogear-action="edit"
          aria-label={`Edit tags and note: ${title}`}
          title="Tags and note (t)"
          onClick={() => onAction('edit', p, index)}
        >
          <Icon name="tag" />
        </button>
        <button
          type="button"
          data-dogear-action="zotero"
          aria-label={`Send to Zotero: ${title}`}
          title={p.sentToZotero ? 'Send to Zotero (sent before)' : 'Send to Zotero'}
          onClick={() => onAction('zotero', p, index)}
        >
          <Icon name="send" />
        </button>
        <button
          type="button"
          data-dogear-action="dismiss"
          aria-pressed={dismissed ? 'true' : 'false'}
          aria-label={dismissed ? `Restore to reading list: ${title}` : `Dismiss: ${title}`}
          title={dismissed ? 'Restore (d)' : 'Dismiss (d)'}
          onClick={() => onAction('dismiss', p, index)}
        >
          <Icon name={dismissed ? 'undo' : 'ban'} />
        </button>
        <button
          type="button"
          data-dogear-action="remove"
          aria-label={`Remove from list: ${title}`}
          title="Remove (x)"
          onClick={() => onAction('remove', p, index)}
        >
          <Icon name="trash" />
        </button>
      </div>
    </div>
  );
}
