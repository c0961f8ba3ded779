import type { CardAction } from '@/components/OverlayCard';
import type { send as sendFn } from '@/lib/client';
import type { PaperState } from '@/lib/mirror';
import type { Paper, PaperMeta, PaperStatus } from '@/lib/model';
import type { SiteAdapter } from '@/lib/sites/types';

/** What the overlay's actions need of the annotator. */
export interface ActionHost {
  send: typeof sendFn;
  source: SiteAdapter['name'];
  state(id: string): PaperState | null | undefined;
  /** Shows a state at once (optimistic); the mirror confirms it later. */
  show(id: string, state: PaperState | null): void;
  /** The paper as the page shows it, if it is still on the page. */
  metaOf(id: string): PaperMeta | undefined;
}

/** The overlay's buttons: status changes with undo, and tag edits. */
export class Actions {
  constructor(private host: ActionHost) {}

  /** Performs the action; resolves with a function that undoes it. */
  async act(meta: PaperMeta, action: CardAction): Promise<() => Promise<void>> {
    const status = this.host.state(meta.id)?.status;
    const next: PaperStatus | null =
      action === 'save'
        ? status === 'saved' || status === 'read'
          ? null
          : 'saved'
        : action === 'read'
          ? status === 'read'
            ? 'saved'
            : 'read'
          : status === 'dismissed'
            ? null
            : 'dismissed';
    const { previous } = await this.setStatus(meta, next);
    return () => this.restore(meta.id, previous);
  }

  private async setStatus(meta: PaperMeta, status: PaperStatus | null) {
    const { id } = meta;
    const before = this.host.state(id) ?? null;
    // Optimistic: the overlay answers at once; storage.onChanged confirms, and an error puts it back.
    this.host.show(id, status ? { status, tags: before?.tags ?? [], ruleTags: before?.ruleTags ?? [] } : null);
    try {
      return await this.host.send('paper.setStatus', { meta, status, source: this.host.source });
    } catch (e) {
      this.host.show(id, before);
      throw e;
    }
  }

  private async restore(id: string, previous: Paper | null): Promise<void> {
    if (previous) await this.host.send('paper.restore', { papers: [previous] });
    else {
      const meta = this.host.metaOf(id);
      if (meta) await this.setStatus(meta, null);
    }
  }

  /**
   * Sends the edit, not the resulting list: the background applies it to the
   * tags as stored, so a tag another tab added meanwhile is kept. The overlay
   * follows the mirror; the reply is not applied, since a later change from
   * another tab may already have arrived and the reply would undo it on screen.
   */
  async changeTags(meta: PaperMeta, edit: { addTags?: string[]; removeTags?: string[] }): Promise<void> {
    const state = this.host.state(meta.id);
    // Tagging a paper keeps it: it goes on the reading list first.
    if (!state || state.status === 'dismissed') await this.setStatus(meta, state?.status ?? 'saved');
    await this.host.send('paper.update', { id: meta.id, ...edit });
  }
}
