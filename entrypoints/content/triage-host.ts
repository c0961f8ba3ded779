import type { PaperMeta, Settings } from '@/lib/model';
import type { Control } from '@/lib/status';
import type { Actions, Undo } from './actions';
import type { Mounted, Place } from './mount';
import type { RenderScheduler } from './render-scheduler';

/** What keyboard triage (`keyboard.ts`) needs of the annotator: its entries and the buttons' own action path. */
export interface TriageHost {
  /** A status button's action on an entry, through the status table exactly like a click (`Actions.act`). */
  act(element: HTMLElement, control: Control): Promise<Undo | undefined>;
  entryOf(element: HTMLElement): Place | undefined;
  /** The paper's title as the page gives it, read when asked (no copy is kept per entry). */
  titleOf(element: HTMLElement): string;
  /** Draws an entry's overlay now if it waits for the scroll to reach it (the keys got there first). */
  drawNow(element: HTMLElement): void;
  settings(): Settings;
  /** Tells `listener` of every status change as it starts, buttons and keys alike, with its undo once done. */
  onActed(listener: ((id: string, done: Promise<Undo | undefined>) => void) | null): void;
}

/** The annotator's parts keyboard triage may use, and no more. */
export function triageHost(
  mounted: ReadonlyMap<HTMLElement, Mounted>,
  actions: Actions,
  scheduler: RenderScheduler<Mounted>,
  settings: () => Settings,
  metaOf: (m: Mounted) => PaperMeta,
): TriageHost {
  return {
    act: async (el, control) => {
      const m = mounted.get(el);
      return m ? actions.act(m.id, () => metaOf(m), control) : undefined;
    },
    entryOf: (el) => mounted.get(el)?.entry,
    titleOf: (el) => {
      const m = mounted.get(el);
      return m ? metaOf(m).title : '';
    },
    drawNow: (el) => {
      const m = mounted.get(el);
      if (m) scheduler.now(m);
    },
    settings,
    onActed: (listener) => {
      actions.onActed = listener;
    },
  };
}
