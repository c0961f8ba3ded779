import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { createService } from './service';
import { openStore } from './store';
import { createRouter } from './messages';
import { SETTINGS_KEY } from './mirror';
import { DEFAULT_SETTINGS } from './model';
import { createRelevance } from './relevance';
import { fakeMirror } from './testing/fake-mirror';

const PAGE = { id: 'ext', url: 'chrome-extension://ext/options.html' };
const kw = (pattern: string) => [{ pattern, caseSensitive: false, wholeWord: true }];

async function setup() {
  const store = await openStore({ factory: new IDBFactory() });
  const mirror = fakeMirror();
  const svc = createService({ store, mirror, relevance: createRelevance(store, () => 1), ruleTagsFor: () => [] });
  const route = createRouter(svc.handlers, {
    runtimeId: 'ext',
    extensionOrigin: 'chrome-extension://ext/',
    contentSites: [],
  });
  return { store, mirror, route };
}

describe('two options tabs', () => {
  it("a stale tab's autosave keeps what the other tab changed", async () => {
    const { store, mirror, route } = await setup();
    const loaded = DEFAULT_SETTINGS;
    // Tab B hides dismissed papers; tab A, still showing what it loaded, then adds a keyword.
    await route(
      { type: 'settings.set', payload: { settings: { ...loaded, hideDismissed: true }, base: loaded } },
      PAGE,
    );
    const reply = await route(
      { type: 'settings.set', payload: { settings: { ...loaded, keywords: kw('agents') }, base: loaded } },
      PAGE,
    );
    const both = { ...DEFAULT_SETTINGS, hideDismissed: true, keywords: kw('agents') };
    expect(reply).toEqual({ ok: true, data: { settings: both } });
    expect(await store.getSettings()).toEqual(both);
    expect(mirror.data.get(SETTINGS_KEY)).toEqual(both);
  });

  it('an edit of a field changed in the other tab meanwhile is refused, and nothing is written', async () => {
    const { store, route } = await setup();
    const loaded = DEFAULT_SETTINGS;
    await route({ type: 'settings.set', payload: { settings: { ...loaded, keywords: kw('b') }, base: loaded } }, PAGE);
    const reply = await route(
      { type: 'settings.set', payload: { settings: { ...loaded, keywords: kw('a'), badge: false }, base: loaded } },
      PAGE,
    );
    expect(reply).toEqual({ ok: false, error: 'Settings changed in another tab — reload' });
    expect(await store.getSettings()).toEqual({ ...DEFAULT_SETTINGS, keywords: kw('b') });
  });

  it('without a base the settings are replaced whole (an import, a restore)', async () => {
    const { store, route } = await setup();
    await route({ type: 'settings.set', payload: { settings: { ...DEFAULT_SETTINGS, badge: false } } }, PAGE);
    await route({ type: 'settings.set', payload: { settings: { ...DEFAULT_SETTINGS, showNew: false } } }, PAGE);
    expect(await store.getSettings()).toEqual({ ...DEFAULT_SETTINGS, showNew: false });
  });
});
