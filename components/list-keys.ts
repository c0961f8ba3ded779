import type { Paper } from '@/lib/model';
import type { RowAction } from './PopupRow';
import { primaryUrl } from './reading-list';
import type { ListFilter } from './use-list-filter';

export interface ListKeyContext {
  filter: ListFilter;
  search: HTMLInputElement | null;
  /** Index of the active row. */
  current: number;
  /** A dialog (the editor) has the keyboard. */
  busy: boolean;
  moveTo: (i: number) => void;
  /** Focus row `i` after the next render. */
  focusAfterRender: (i: number) => void;
  rowAction: (action: RowAction, p: Paper, i: number) => void;
  openUrl: (url: string) => void;
}

/**
 * The list's keyboard: j/k and arrows move, Home/End jump, / searches, Escape clears,
 * Enter opens, r/d/x/t act on the active row. Typing in a field is left alone.
 */
export function onListKey(e: KeyboardEvent, ctx: ListKeyContext): void {
  const { filter, search, current } = ctx;
  const { shown } = filter;
  const target = e.target as HTMLElement;
  const typing = target.matches('input, textarea, select');
  if (e.metaKey || e.ctrlKey || e.altKey || ctx.busy) return;
  if (target === search) {
    if (e.key === 'Escape' && filter.query) {
      e.preventDefault();
      filter.setQuery('');
    } else if ((e.key === 'ArrowDown' || e.key === 'Enter') && shown.length) {
      e.preventDefault();
      ctx.moveTo(current);
    }
    return;
  }
  if (typing) return;
  const p = shown[current];
  const onRow = target.getAttribute('role') === 'listitem';
  switch (e.key) {
    case '/':
      e.preventDefault();
      search?.focus();
      search?.select();
      return;
    case 'Escape':
      if (!filter.filtered) return;
      e.preventDefault();
      filter.clear();
      return;
    case 'ArrowDown':
    case 'j':
      e.preventDefault();
      ctx.moveTo(current + 1);
      return;
    case 'ArrowUp':
    case 'k':
      e.preventDefault();
      ctx.moveTo(current - 1);
      return;
    case 'Home':
      e.preventDefault();
      ctx.moveTo(0);
      return;
    case 'End':
      e.preventDefault();
      ctx.moveTo(shown.length - 1);
      return;
  }
  if (!p) return;
  if (e.key === 'Enter' && onRow) {
    e.preventDefault();
    ctx.openUrl(primaryUrl(p));
  } else if (e.key === 'r' || e.key === 'd' || e.key === 'x' || e.key === 't' || e.key === 'n') {
    e.preventDefault();
    ctx.focusAfterRender(current);
    ctx.rowAction(e.key === 'r' ? 'read' : e.key === 'd' ? 'dismiss' : e.key === 'x' ? 'remove' : 'edit', p, current);
  }
}
