// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing';
import { createRouter } from '@/lib/messages';
import { createRelevance } from '@/lib/relevance';
import { ruleTagsFor } from '@/lib/rule-tags';
import { createService } from '@/lib/service';
import { SITES } from '@/lib/sites';
import { openStore } from '@/lib/store';
import { paper } from '@/components/test-papers';
import { App } from './App';

/**
 * The popup's glue, over WXT's fake browser: it reads the list from IndexedDB, sends through
 * `runtime.sendMessage` to a background (the real service behind the real router, its mirror in the
 * fake `storage.local`), follows the mirror's changes, and loads the Trash for its Trash view.
 */

beforeAll(async () => {
  // The same IndexedDB the popup opens: the background is the only writer, the popup a reader.
  const store = await openStore();
  await store.applyPapers([paper(1, { title: 'Diffusion at scale', savedAt: 2 }), paper(2, { savedAt: 1 })]);
  const svc = createService({
    store,
    mirror: {
      set: (items) => fakeBrowser.storage.local.set(items),
      remove: (keys) => fakeBrowser.storage.local.remove(keys),
      get: () => fakeBrowser.storage.local.get(null),
    },
    ruleTagsFor,
    relevance: createRelevance(store),
  });
  const route = createRouter(svc.handlers, {
    runtimeId: fakeBrowser.runtime.id,
    extensionOrigin: fakeBrowser.runtime.getURL('/'),
    contentSites: SITES,
  });
  // The fake browser names no sender: this one is the popup's.
  const popup = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') };
  fakeBrowser.runtime.onMessage.addListener((message: unknown) => route(message, popup));
});
afterEach(cleanup);

const row = (id: string) => document.querySelector<HTMLElement>(`[data-dogear-item="${id}"]`);
const readButton = (id: string) => row(id)?.querySelector('[data-dogear-action="read"]');

describe('popup App', () => {
  it('shows the stored list, and a change the background makes as soon as the mirror says so', async () => {
    render(<App />);
    await waitFor(() => expect(screen.getByText('2 papers')).toBeTruthy());
    expect(row('2610.10001')?.textContent).toContain('Diffusion at scale');
    expect(readButton('2610.10001')?.getAttribute('aria-pressed')).toBe('false');

    fireEvent.click(readButton('2610.10001')!);
    await waitFor(() => expect(readButton('2610.10001')?.getAttribute('aria-pressed')).toBe('true'));

    // A change from elsewhere (a listing's tab): only the mirror tells the popup.
    await fakeBrowser.runtime.sendMessage({
      type: 'paper.act',
      payload: { meta: { id: '2610.10002', title: 'Paper number 2', authors: [] }, action: 'read' },
    });
    await waitFor(() => expect(readButton('2610.10002')?.getAttribute('aria-pressed')).toBe('true'));
  });

  it('removes through the background, and opens the Trash view with what was removed', async () => {
    render(<App />);
    await waitFor(() => expect(row('2610.10002')).not.toBeNull());
    fireEvent.click(row('2610.10002')!.querySelector('[data-dogear-action="remove"]')!);
    await waitFor(() => expect(row('2610.10002')).toBeNull());
    const trash = () => document.querySelector('[data-dogear-action="trash"]')!;
    await waitFor(() => expect(trash().getAttribute('aria-label')).toBe('Recently removed: 1'));

    fireEvent.click(trash());
    await waitFor(() => expect(screen.getByText('Recently removed', { selector: 'h1' })).toBeTruthy());
    await waitFor(() => expect(screen.getByLabelText('Restore Paper number 2')).toBeTruthy());
  });
});
