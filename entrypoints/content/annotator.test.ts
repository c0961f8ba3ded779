// @vitest-environment happy-dom
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ContentSend } from '@/lib/content-client';
import { SETTINGS_KEY, stateKey } from '@/lib/mirror';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/model';
import type { Entry, SiteAdapter } from '@/lib/sites/types';
import { Annotator } from './annotator';
import type { StorageLike } from './state-cache';

/** A listing of `<article data-id>` cards; the adapter reads each one's title and abstract. */
const adapter: SiteAdapter<'arxiv'> = {
  name: 'arxiv',
  origin: 'https://arxiv.org',
  matches: [],
  entryHolders: 'article',
  darkTheme: null,
  pageCss: '',
  detect: () => 'listing',
  paperLinks: { selector: 'a[href*="/abs/"]', path: /^\/abs\/(.+)$/ },
  extract: (doc) => ({
    entries: [...doc.querySelectorAll<HTMLElement>('article[data-id]')].map(
      (el): Entry => ({
        meta: { id: el.dataset.id!, title: el.querySelector('h3')!.textContent!, authors: [], abstract: '' },
        element: el,
        mount: el,
        boxes: [el],
        titleEl: el.querySelector('h3'),
        abstractEl: el.querySelector('p'),
        abstractPreview: el.querySelector('span'),
      }),
    ),
    skipped: [],
    paths: { cards: doc.querySelectorAll('article[data-id]').length },
  }),
  extractPaper: () => null,
};

function addCard(id: string, title = `Paper ${id}`): HTMLElement {
  const el = document.createElement('article');
  el.dataset.id = id;
  const h = document.createElement('h3');
  h.textContent = title;
  const p = document.createElement('p');
  p.textContent = 'An abstract about diffusion models.';
  el.append(h, p);
  document.body.append(el);
  return el;
}

/** Storage whose reads wait until the test answers them, from a map of stored items. */
function fakeStorage(items: Record<string, unknown>) {
  const waiting: Array<{ keys: string[] | null; answer: () => void }> = [];
  const storage: StorageLike = {
    get: (keys) =>
      new Promise((resolve) => {
        const answer = () => {
          const out: Record<string, unknown> = {};
          for (const [k, v] of Object.entries(items)) if (!keys || keys.includes(k)) out[k] = v;
          resolve(out);
        };
        waiting.push({ keys, answer });
      }),
  };
  return {
    storage,
    waiting,
    /** Answers every read asked so far. */
    answerAll: async () => {
      for (const w of waiting.splice(0)) w.answer();
      await flush();
    },
  };
}

function fakeSend(fresh: string[] = []) {
  return vi.fn(async (type: string, payload: unknown) => {
    if (type === 'seen.record') return { fresh: (payload as { ids: string[] }).ids.filter((id) => fresh.includes(id)) };
    if (type === 'rank.score') return { basis: 'cold', scores: {} };
    if (type === 'paper.act') return { previous: null, paper: null, undoable: false };
    return {};
  }) as unknown as ContentSend & ReturnType<typeof vi.fn>;
}

/** A frame, then a task: a click's message leaves once the frame showing the click is painted (lib/after-paint). */
const flush = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
const root = () => document.documentElement;
const hosts = () => document.querySelectorAll('dogear-card');
const kw = (pattern: string) => ({ pattern, caseSensitive: false, wholeWord: true });
const withKeywords = (s: Partial<Settings> = {}): Settings => ({
  ...DEFAULT_SETTINGS,
  keywords: [kw('diffusion')],
  ...s,
});

let annotator: Annotator | null = null;
function start(items: Record<string, unknown>, send = fakeSend()) {
  const s = fakeStorage(items);
  annotator = new Annotator({ adapter, kind: 'listing', doc: document, storage: s.storage, send });
  return { ...s, send, a: annotator };
}

/** A listing annotated through an adapter that counts its reads of the page, with the collector at hand (issue 13). */
async function countedPage(ids: string[]) {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  let reads = 0;
  const counting: SiteAdapter<'arxiv'> = {
    ...adapter,
    extract: (doc) => {
      reads++;
      return adapter.extract(doc);
    },
  };
  const cards = ids.map((id) => addCard(id));
  const s = fakeStorage({});
  const send = fakeSend();
  annotator = new Annotator({ adapter: counting, kind: 'listing', doc: document, storage: s.storage, send });
  const done = annotator.pass();
  await s.answerAll();
  await done;
  await flush();
  return { cards, send, gc, reads: () => reads };
}

const clickSave = (card: HTMLElement) =>
  card
    .querySelector('dogear-card')!
    .shadowRoot!.querySelector<HTMLButtonElement>('[data-dogear-action="save"]')!
    .click();

beforeEach(() => {
  document.body.replaceChildren();
});
afterEach(() => {
  annotator?.destroy();
  annotator = null;
  vi.restoreAllMocks();
});

describe('Annotator', () => {
  it('first pass: reads the shown states and settings, then mounts and marks the page ready', async () => {
    const a1 = addCard('2401.00001');
    const a2 = addCard('2401.00002');
    const { a, waiting, answerAll } = start({
      [stateKey('2401.00001')]: ['saved', ['mine'], []],
      [SETTINGS_KEY]: withKeywords(),
    });
    const done = a.pass();
    // Nothing is drawn before the settings are known (highlights and layout depend on them).
    expect(hosts()).toHaveLength(0);
    expect(waiting[0]!.keys).toEqual([stateKey('2401.00001'), stateKey('2401.00002'), SETTINGS_KEY]);
    await answerAll();
    await done;
    expect(hosts()).toHaveLength(2);
    expect(a1.dataset.dogearStatus).toBe('saved');
    expect(a2.dataset.dogearStatus).toBeUndefined();
    expect(a1.dataset.dogearMatches).toBe('1');
    expect(root().dataset.dogear).toBe('ready');
    expect(root().dataset.dogearCount).toBe('2');
    // After the first paint every state is read once (storage.get(null)).
    expect(waiting.map((w) => w.keys)).toEqual([null]);
  });

  it('later pass: a new card gets its host before its state is read, and its state after', async () => {
    addCard('2401.00001');
    const { a, answerAll, waiting } = start({ [stateKey('2401.00003')]: ['read', [], []] });
    const first = a.pass();
    await answerAll();
    await first;
    const late = addCard('2401.00003');
    const later = a.pass();
    // Mounted synchronously: the card gets its room in the same frame as the site rendered it.
    expect(late.querySelector('dogear-card')).not.toBeNull();
    expect(late.dataset.dogearId).toBe('2401.00003');
    expect(late.dataset.dogearStatus).toBeUndefined();
    expect(waiting.map((w) => w.keys)).toEqual([null, [stateKey('2401.00003')]]);
    await answerAll();
    await later;
    expect(late.dataset.dogearStatus).toBe('read');
    expect(root().dataset.dogearCount).toBe('2');
  });

  it('later pass: a card that left the page loses its overlay and attributes', async () => {
    const gone = addCard('2401.00001');
    addCard('2401.00002');
    const { a, answerAll } = start({ [stateKey('2401.00001')]: ['saved', [], []] });
    const first = a.pass();
    await answerAll();
    await first;
    gone.remove();
    await a.pass();
    expect(gone.querySelector('dogear-card')).toBeNull();
    expect(gone.dataset.dogearId).toBeUndefined();
    expect(gone.dataset.dogearStatus).toBeUndefined();
    expect(root().dataset.dogearCount).toBe('1');
  });

  it('a listing that links more papers than were read is degraded, logged once, and annotated as far as read', async () => {
    const link = (el: HTMLElement, id: string) => {
      const a = document.createElement('a');
      a.href = `/abs/${id}`;
      el.append(a);
    };
    link(addCard('2401.00001'), '2401.00001');
    // A card in markup the adapter no longer reads: its link is still on the page.
    const drifted = document.createElement('section');
    link(drifted, '2401.00002');
    document.body.append(drifted);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      const { a, answerAll } = start({});
      const first = a.pass();
      await answerAll();
      await first;
      expect(root().dataset.dogear).toBe('degraded');
      expect(root().dataset.dogearCount).toBe('1');
      expect(hosts()).toHaveLength(1);
      expect(a.report()).toMatchObject({ kind: 'listing', linked: 2, read: 1, paths: { cards: 1 } });
      await a.pass();
      expect(warn.mock.calls.filter((c) => String(c[0]).includes('papers this page links'))).toHaveLength(1);

      // The site puts the card back in a shape the adapter reads: the page is whole again.
      drifted.remove();
      await a.pass();
      expect(root().dataset.dogear).toBe('ready');
      expect(a.report()).toMatchObject({ linked: 1, read: 1 });
    } finally {
      warn.mockRestore();
    }
  });

  it('once every state is known, a new card needs no storage read', async () => {
    addCard('2401.00001');
    const { a, answerAll, waiting } = start({ [stateKey('2401.00009')]: ['dismissed', [], []] });
    const first = a.pass();
    await answerAll();
    await first;
    await answerAll(); // the read of every state
    const late = addCard('2401.00009');
    const other = addCard('2401.00010');
    await a.pass();
    expect(waiting).toHaveLength(0);
    expect(late.dataset.dogearStatus).toBe('dismissed');
    expect(other.dataset.dogearStatus).toBeUndefined();
  });

  it('destroy while the first pass waits for storage: nothing is added afterwards', async () => {
    const card = addCard('2401.00001');
    const { a, answerAll } = start({ [stateKey('2401.00001')]: ['saved', [], []] });
    const done = a.pass();
    a.destroy();
    await answerAll();
    await done;
    expect(hosts()).toHaveLength(0);
    expect(card.dataset.dogearId).toBeUndefined();
    expect(root().dataset.dogear).toBeUndefined();
    // And a pass after destroy does nothing.
    await a.pass();
    expect(hosts()).toHaveLength(0);
  });

  it('destroy removes every overlay, attribute and highlight', async () => {
    const card = addCard('2401.00001');
    const before = card.innerHTML;
    const { a, answerAll } = start({ [stateKey('2401.00001')]: ['saved', [], []], [SETTINGS_KEY]: withKeywords() });
    const done = a.pass();
    await answerAll();
    await done;
    expect(card.innerHTML).not.toBe(before);
    a.destroy();
    expect(card.innerHTML).toBe(before);
    expect(Object.keys(card.dataset)).toEqual(['id']);
    expect(Object.keys(root().dataset).filter((k) => k.startsWith('dogear'))).toEqual([]);
  });

  it('a storage change during a later pass shows the newer state, not the older read', async () => {
    addCard('2401.00001');
    const { a, answerAll } = start({});
    const first = a.pass();
    await answerAll();
    await first;
    const late = addCard('2401.00002');
    const later = a.pass();
    // The mirror changes while the read of this card's state (made before the change) is under way.
    a.onStorageChange({ [stateKey('2401.00002')]: { newValue: ['saved', [], []] } });
    expect(late.dataset.dogearStatus).toBe('saved');
    await answerAll();
    await later;
    expect(late.dataset.dogearStatus).toBe('saved');
  });

  it('a settings change during the first pass is kept over the older read', async () => {
    const card = addCard('2401.00001');
    const { a, answerAll } = start({ [SETTINGS_KEY]: DEFAULT_SETTINGS });
    const done = a.pass();
    a.onStorageChange({ [SETTINGS_KEY]: { newValue: withKeywords() } });
    await answerAll();
    await done;
    expect(card.dataset.dogearMatches).toBe('1');
  });

  it('a later settings change repaints highlights and relayouts', async () => {
    const card = addCard('2401.00001');
    const { a, answerAll } = start({});
    const done = a.pass();
    await answerAll();
    await done;
    expect(card.dataset.dogearMatches).toBeUndefined();
    a.onStorageChange({ [SETTINGS_KEY]: { newValue: withKeywords({ unmatched: 'dim', keywords: [kw('nothing')] }) } });
    expect(card.dataset.dogearMatches).toBe('0');
    expect(card.dataset.dogearDim).toBe('');
  });

  it('an abstract preview the site re-rendered is highlighted again on the next pass', async () => {
    const card = addCard('2401.00001');
    const preview = () => {
      const span = document.createElement('span');
      span.textContent = 'A diffusion preview…';
      return span;
    };
    card.append(preview());
    const { a, answerAll } = start({ [SETTINGS_KEY]: withKeywords() });
    const done = a.pass();
    await answerAll();
    await done;
    expect(card.querySelectorAll('span mark[data-dogear-hl]')).toHaveLength(1);
    card.querySelector('span')!.replaceWith(preview());
    await a.pass();
    expect(card.querySelectorAll('span mark[data-dogear-hl]')).toHaveLength(1);
    // Counted once, in the abstract: the preview repeats its beginning.
    expect(card.dataset.dogearMatches).toBe('1');
  });

  it('marks papers the background reports as new, when the setting is on', async () => {
    const card = addCard('2401.00001');
    const other = addCard('2401.00002');
    const { a, answerAll, send } = start(
      { [SETTINGS_KEY]: { ...DEFAULT_SETTINGS, showNew: true } },
      fakeSend(['2401.00001']),
    );
    const done = a.pass();
    await answerAll();
    await done;
    await flush();
    expect(send).toHaveBeenCalledWith('seen.record', { ids: ['2401.00001', '2401.00002'] });
    expect(card.dataset.dogearNew).toBe('');
    expect(other.dataset.dogearNew).toBeUndefined();
  });

  it('keeps no paper data per entry after a pass: the papers it read can be collected (issue 13)', async () => {
    // A V8 flag set at run time: the collector, to see what the annotator still holds.
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const read: WeakRef<object>[] = [];
    const reading: SiteAdapter<'arxiv'> = {
      ...adapter,
      extract: (doc) => {
        const found = adapter.extract(doc);
        for (const e of found.entries) read.push(new WeakRef(e.meta));
        return found;
      },
    };
    for (let i = 1; i <= 20; i++) addCard(`2401.${String(i).padStart(5, '0')}`);
    // Not a mock: a mock keeps every message it was sent, and so the papers in them.
    const send = (async (type: string) =>
      type === 'seen.record'
        ? { fresh: [] }
        : type === 'rank.score'
          ? { basis: 'cold', scores: {} }
          : {}) as ContentSend;
    const s = fakeStorage({ [SETTINGS_KEY]: withKeywords() });
    annotator = new Annotator({ adapter: reading, kind: 'listing', doc: document, storage: s.storage, send });
    const done = annotator.pass();
    await s.answerAll();
    await done;
    await flush();
    expect(hosts()).toHaveLength(20);
    gc();
    await flush();
    gc();
    expect(read.length).toBeGreaterThanOrEqual(20);
    expect(read.filter((r) => r.deref() !== undefined)).toHaveLength(0);
  });

  it("a reader's run of actions reads the page once: the reading is held after a click, not read again per click", async () => {
    const ids = ['2401.00001', '2401.00002', '2401.00003'];
    const { cards, send, gc, reads } = await countedPage(ids);
    gc();
    const before = reads();
    for (const card of cards) {
      clickSave(card);
      await flush();
      gc();
    }
    expect(reads() - before).toBeLessThanOrEqual(1);
    for (const id of ids)
      expect(send).toHaveBeenCalledWith(
        'paper.act',
        expect.objectContaining({ meta: expect.objectContaining({ id, title: `Paper ${id}` }) }),
      );
  });

  it('a click is answered before the page is read: the read waits for the frame showing the answer (issue 13)', async () => {
    const { cards, send, gc, reads } = await countedPage(['2401.00001']);
    const card = cards[0]!;
    // Frames come when the test runs them; the collector took the pass's reading, as it does on a real page.
    const frames: FrameRequestCallback[] = [];
    vi.spyOn(window, 'requestAnimationFrame').mockImplementation((cb) => frames.push(cb));
    gc();
    const before = reads();
    clickSave(card);
    expect(card.dataset.dogearStatus).toBe('saved');
    expect(reads()).toBe(before);
    await new Promise((r) => setTimeout(r, 20));
    expect(reads()).toBe(before);
    expect(send).not.toHaveBeenCalledWith('paper.act', expect.anything());
    for (const f of frames.splice(0)) f(performance.now());
    await new Promise((r) => setTimeout(r, 0));
    expect(reads()).toBe(before + 1);
    expect(send).toHaveBeenCalledWith(
      'paper.act',
      expect.objectContaining({ meta: expect.objectContaining({ title: 'Paper 2401.00001' }) }),
    );
  });

  it('save from the overlay: shown at once, sent with the site as source, put back on failure', async () => {
    const card = addCard('2401.00001');
    const send = fakeSend();
    const { a, answerAll } = start({}, send);
    const done = a.pass();
    await answerAll();
    await done;
    send.mockImplementationOnce(async () => {
      throw new Error('background asleep');
    });
    const save = card
      .querySelector('dogear-card')!
      .shadowRoot!.querySelector<HTMLButtonElement>('[data-dogear-action="save"]');
    expect(save).not.toBeNull();
    save!.click();
    expect(card.dataset.dogearStatus).toBe('saved');
    await flush();
    expect(send).toHaveBeenCalledWith('paper.act', expect.objectContaining({ action: 'save', source: 'arxiv' }));
    expect(card.dataset.dogearStatus).toBeUndefined();
  });
  it('two quick clicks: the mirror catching up with the first neither flashes it back nor turns a click into the wrong action', async () => {
    const card = addCard('2401.00001');
    const replies: Array<() => void> = [];
    const send = fakeSend();
    const { a, answerAll } = start({}, send);
    const done = a.pass();
    await answerAll();
    await done;
    send.mockImplementation(async (type: string) =>
      type === 'paper.act'
        ? new Promise((resolve) => replies.push(() => resolve({ previous: null, paper: null, undoable: false })))
        : {},
    );
    const button = (action: string) =>
      card
        .querySelector('dogear-card')!
        .shadowRoot!.querySelector<HTMLButtonElement>(`[data-dogear-action="${action}"]`)!;
    const mirror = (status: string) => a.onStorageChange({ [stateKey('2401.00001')]: { newValue: [status, [], []] } });

    button('save').click();
    button('read').click();
    expect(card.dataset.dogearStatus).toBe('read');
    await flush();
    // The save is written and mirrored (its event arrives now), then answered; the read is on its way.
    mirror('saved');
    expect(card.dataset.dogearStatus).toBe('read');
    replies.shift()!();
    await flush();
    expect(card.dataset.dogearStatus).toBe('read');
    // A click now acts on what the page shows: the read paper is dismissed, not read a second time.
    button('dismiss').click();
    expect(card.dataset.dogearStatus).toBe('dismissed');
    await flush();
    mirror('read');
    replies.shift()!();
    await flush();
    expect(send).toHaveBeenLastCalledWith('paper.act', expect.objectContaining({ action: 'dismiss' }));
    mirror('dismissed');
    replies.shift()!();
    await flush();
    expect(card.dataset.dogearStatus).toBe('dismissed');
    // Answered: the mirror is shown again, so a change from another tab shows at once.
    mirror('saved');
    expect(card.dataset.dogearStatus).toBe('saved');
  });
});
