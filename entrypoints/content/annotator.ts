import { h, render } from 'preact';
import { OverlayCard, type CardAction, type ScoreInfo } from '@/components/OverlayCard';
import { createHighlighter } from '@/lib/highlight';
import { matcherFor } from '@/lib/rule-tags';
import type { Matcher } from '@/lib/match';
import { coldStartScore } from '@/lib/rank/ranker';
import { idOfKey, parseSettings, parseState, readChanges, SETTINGS_KEY, stateKey, type PaperState } from '@/lib/mirror';
import { DEFAULT_SETTINGS, type Paper, type PaperStatus, type Settings } from '@/lib/model';
import type { Entry, SiteAdapter } from '@/lib/sites/types';
import type { send as sendFn } from '@/lib/client';
import { applyLayout, clearLayout } from './layout';
import { logOnce } from './log';
import { RenderScheduler } from './render-scheduler';
import { styleShadowRoot } from './overlay-style';

export interface StorageLike {
  /** The given keys, or everything with null. */
  get(keys: string[] | null): Promise<Record<string, unknown>>;
}

export interface AnnotatorDeps {
  adapter: SiteAdapter;
  kind: 'listing' | 'paper';
  doc: Document;
  storage: StorageLike;
  send: typeof sendFn;
}

interface Mounted {
  entry: Entry;
  host: HTMLElement;
  root: ShadowRoot;
  matches: number;
  pageTags: string[];
  /** Title and abstract text when last painted: a mutation that leaves it unchanged needs no repaint. */
  paintedText: string;
}

const HOST_TAG = 'dogear-card';

/**
 * Annotates the entries of one page: an overlay per entry, state attributes,
 * highlights and layout options. Every pass is idempotent: an entry already
 * annotated for the same paper is left alone, a replaced card gets a fresh
 * overlay, and overlays whose entry left the page are removed.
 */
export class Annotator {
  private mounted = new Map<HTMLElement, Mounted>();
  private byId = new Map<string, Set<Mounted>>();
  private states = new Map<string, PaperState | null>();
  private settings: Settings = DEFAULT_SETTINGS;
  private matcher: Matcher;
  private fresh = new Set<string>();
  private recorded = new Set<string>();
  private scores = new Map<string, ScoreInfo>();
  private highlighter;
  private running: Promise<void> | null = null;
  private again = false;
  private settingsLoaded = false;
  /** Whether `states` holds every paper's state (see loadAllStates). */
  private allStates = false;
  /** Set by destroy(): a pass still waiting for storage must not annotate the page afterwards. */
  private destroyed = false;
  private tagColors: ReadonlyMap<string, string> = new Map();
  /** Time spent painting keyword highlights in the current pass, for the benchmark's `dogear:highlight` measure. */
  private paintMs = 0;

  private byHost = new WeakMap<Element, Mounted>();
  private scheduler: RenderScheduler<Mounted>;

  constructor(private deps: AnnotatorDeps) {
    this.scheduler = new RenderScheduler<Mounted>(
      (m) => this.draw(m),
      (m) => m.host,
      (el) => this.byHost.get(el),
      // For tests and tools: every overlay on the page has its buttons.
      (all) => {
        if (all) deps.doc.documentElement.dataset.dogearDrawn = '';
        else delete deps.doc.documentElement.dataset.dogearDrawn;
      },
      (deps.doc.defaultView ?? window) as Window & typeof globalThis,
    );
    this.highlighter = createHighlighter(deps.doc);
    this.matcher = matcherFor(this.settings);
  }

  /** Runs a pass now, or once more after the running one. */
  pass(): Promise<void> {
    if (this.destroyed) return Promise.resolve();
    // After the first pass, a pass does its DOM work before it awaits anything, so a new one need not
    // queue behind one still waiting for states: overlapping passes only ever mount idempotently.
    if (this.settingsLoaded) return this.runPass();
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.runPass().finally(() => {
      this.running = null;
      if (this.again) {
        this.again = false;
        void this.pass();
      }
    });
    return this.running;
  }

  private async runPass(): Promise<void> {
    const { doc } = this.deps;
    const t0 = performance.now();
    this.paintMs = 0;
    const found = this.extract();
    const needed: string[] = [];
    for (const e of found) {
      if (this.states.has(e.meta.id)) continue;
      // With every state known, a paper missing from the mirror is simply not on the list.
      if (this.allStates) this.states.set(e.meta.id, null);
      else needed.push(e.meta.id);
    }
    const firstPass = !this.settingsLoaded;
    // Once settings are known, cards are mounted before their states are read: a card the site just
    // rendered gets its overlay's host, room and highlights in the same frame, and the overlay's
    // contents follow the state read (an IPC round trip that can wait behind the page's own rendering).
    const keep = new Set<HTMLElement>();
    const added: Mounted[] = [];
    const mountAll = () => {
      for (const entry of found) {
        keep.add(entry.element);
        try {
          const m = this.mount(entry);
          if (m) added.push(m);
        } catch (e) {
          logOnce(`mount:${entry.meta.id}`, `could not annotate ${entry.meta.id}`, e);
        }
      }
      for (const [el, m] of this.mounted) if (!keep.has(el)) this.unmount(m);
    };
    if (!firstPass) mountAll();
    const t1 = performance.now();
    if (needed.length || firstPass) await this.loadStates(needed, firstPass);
    if (this.destroyed) return;
    const t2 = performance.now();
    if (firstPass) mountAll();
    // A later pass may have replaced some of these while this one waited.
    const live = added.filter((m) => this.mounted.get(m.entry.element) === m);
    if (!firstPass) for (const m of live) this.applyState(m);
    this.scheduler.add(live);
    if (live.length) this.relayout();

    const root = doc.documentElement;
    root.dataset.dogear = 'ready';
    root.dataset.dogearCount = String(this.mounted.size);
    const t3 = performance.now();
    // Waiting for storage is not work on the page's thread: the measure covers the two synchronous parts.
    performance.measure('dogear:annotate', { start: t0, duration: t1 - t0 + (t3 - t2) });
    if (this.paintMs) performance.measure('dogear:highlight', { start: t2, duration: this.paintMs });

    if (live.length) {
      void this.recordSeen(live.map((m) => m.entry.meta.id));
      void this.updateScores();
    }
    if (firstPass) void this.loadAllStates();
  }

  private extract(): Entry[] {
    const { adapter, doc, kind } = this.deps;
    if (kind === 'paper') {
      const one = adapter.extractPaper(doc, doc.location?.href ?? '');
      return one ? [one] : [];
    }
    const { entries, skipped } = adapter.extract(doc);
    for (const s of skipped) logOnce(`skip:${s.reason}`, `skipped an entry: ${s.reason}`, s.element);
    return entries;
  }

  /**
   * After the first paint, reads every paper's state once, so cards a client-side navigation brings
   * are drawn with no storage round trip (which can wait behind the page's rendering); changes keep
   * the copy current. A few bytes per saved paper.
   */
  private async loadAllStates(): Promise<void> {
    try {
      const all = await this.deps.storage.get(null);
      for (const [key, value] of Object.entries(all)) {
        const id = idOfKey(key);
        if (id && !this.states.has(id)) this.states.set(id, parseState(value));
      }
      this.allStates = true;
    } catch (e) {
      logOnce('storage-all', 'could not read the reading-list mirror', e);
    }
  }

  private async loadStates(ids: string[], withSettings: boolean): Promise<void> {
    const keys = ids.map(stateKey);
    if (withSettings) keys.push(SETTINGS_KEY);
    let got: Record<string, unknown> = {};
    try {
      got = await this.deps.storage.get(keys);
    } catch (e) {
      logOnce('storage', 'could not read the reading-list mirror', e);
    }
    for (const id of ids) this.states.set(id, parseState(got[stateKey(id)]));
    if (withSettings) {
      this.settingsLoaded = true;
      this.setSettings(parseSettings(got[SETTINGS_KEY]), false);
    }
  }

  private mount(entry: Entry): Mounted | null {
    const existing = this.mounted.get(entry.element);
    if (
      existing &&
      existing.entry.meta.id === entry.meta.id &&
      existing.host.isConnected &&
      existing.host.parentNode === entry.mount
    ) {
      // The same card: keep its overlay, but follow the adapter's fresh element references.
      if (existing.entry.titleEl !== entry.titleEl || existing.entry.abstractEl !== entry.abstractEl) {
        this.clearHighlights(existing);
        existing.entry = entry;
        this.paintOne(existing);
        this.renderOne(existing);
      }
      return null;
    }
    if (existing) this.unmount(existing);
    // A leftover host (extension reloaded, or the site cloned our node) is replaced.
    for (const child of [...entry.mount.children]) if (child.localName === HOST_TAG) child.remove();

    const host = this.deps.doc.createElement(HOST_TAG);
    if (entry.element.tagName === 'DT') host.dataset.layout = 'inline';
    // A paper page may seat the overlay in a row of buttons (Hugging Face: beside Upvote), where the
    // space a block overlay keeps above itself would push it off the row's centre line.
    else if (this.deps.kind === 'paper' && isFlexRow(entry.mount)) host.dataset.layout = 'row';
    const root = host.attachShadow({ mode: 'open' });
    styleShadowRoot(root, this.deps.doc);
    // Keeps the overlay's room until its contents are drawn, so drawing moves nothing.
    host.dataset.pending = '';
    // Clicks inside the overlay must not reach the card's own links and handlers.
    for (const type of ['click', 'mousedown', 'pointerdown', 'keydown']) host.addEventListener(type, stop);
    const m: Mounted = { entry, host, root, matches: 0, pageTags: [], paintedText: '' };
    entry.mount.append(host);
    entry.element.dataset.dogearId = entry.meta.id;
    this.mounted.set(entry.element, m);
    this.byHost.set(host, m);
    let set = this.byId.get(entry.meta.id);
    if (!set) this.byId.set(entry.meta.id, (set = new Set()));
    set.add(m);
    this.paintOne(m);
    this.applyState(m);
    return m;
  }

  private unmount(m: Mounted): void {
    this.scheduler.remove(m);
    this.clearHighlights(m);
    render(null, m.root);
    m.host.remove();
    const el = m.entry.element;
    for (const a of ['dogearId', 'dogearStatus', 'dogearMatches', 'dogearNew', 'dogearDim', 'dogearScore'])
      delete el.dataset[a];
    this.mounted.delete(el);
    this.byId.get(m.entry.meta.id)?.delete(m);
  }

  private clearHighlights(m: Mounted): void {
    if (m.entry.titleEl) this.highlighter.clear(m.entry.titleEl);
    if (m.entry.abstractEl) this.highlighter.clear(m.entry.abstractEl);
  }

  /** Keyword highlights and rule tags for one entry, from the current matcher. */
  private paintOne(m: Mounted): void {
    const { titleEl, abstractEl, meta } = m.entry;
    const hasKeywords = this.settings.keywords.length > 0;
    // Only highlights depend on the text; without keywords there is nothing to repaint when it changes.
    m.paintedText = hasKeywords ? textOf(m.entry) : '';
    m.matches = 0;
    if (hasKeywords) {
      // `dogear:highlight` times the painting of what the page shows, the work mark.js is compared with.
      const t0 = performance.now();
      if (titleEl) m.matches += this.highlighter.paint(titleEl, this.matcher);
      if (abstractEl) m.matches += this.highlighter.paint(abstractEl, this.matcher);
      this.paintMs += performance.now() - t0;
      // Abstracts that the page does not show still count, so every listing can be sorted and dimmed by matches.
      if (!abstractEl && meta.abstract) m.matches += this.matcher.keywordRanges(meta.abstract).length;
      m.entry.element.dataset.dogearMatches = String(m.matches);
    } else delete m.entry.element.dataset.dogearMatches;
    m.pageTags = this.settings.tagRules.length
      ? this.matcher.tagsFor({ title: meta.title, abstract: meta.abstract, authors: meta.authors })
      : [];
  }

  /** The entry's state attributes (seen at a glance, and used by the page CSS) and, once drawn, its overlay. */
  private renderOne(m: Mounted): void {
    this.applyState(m);
    if (!this.scheduler.isPending(m)) this.draw(m);
  }

  private applyState(m: Mounted): void {
    const id = m.entry.meta.id;
    const el = m.entry.element;
    const state = this.states.get(id);
    if (state) el.dataset.dogearStatus = state.status;
    else delete el.dataset.dogearStatus;
    if (this.settings.showNew && this.fresh.has(id)) el.dataset.dogearNew = '';
    else delete el.dataset.dogearNew;
    const score = this.settings.relevance ? this.scores.get(id) : undefined;
    if (score) el.dataset.dogearScore = score.value.toFixed(2);
    else delete el.dataset.dogearScore;
  }

  private draw(m: Mounted): void {
    const id = m.entry.meta.id;
    const el = m.entry.element;
    const state = this.states.get(id) ?? null;
    const isNew = this.settings.showNew && this.fresh.has(id);
    const score = this.settings.relevance ? (this.scores.get(id) ?? null) : null;
    delete m.host.dataset.pending;
    render(
      h(OverlayCard, {
        state,
        pageTags: m.pageTags,
        tagColors: this.tagColors,
        isNew,
        score,
        layout: el.tagName === 'DT' ? 'inline' : 'block',
        onAction: (a: CardAction) => this.act(m, a),
        onAddTag: (t: string) => this.changeTags(m, { addTags: [t] }),
        onRemoveTag: (t: string) => this.changeTags(m, { removeTags: [t] }),
      }),
      m.root,
    );
  }

  private rerenderId(id: string): void {
    for (const m of this.byId.get(id) ?? []) this.renderOne(m);
  }

  // ------------------------------------------------------------ actions

  private async act(m: Mounted, action: CardAction): Promise<(() => Promise<void>) | void> {
    const id = m.entry.meta.id;
    const status = this.states.get(id)?.status;
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
    const { previous } = await this.setStatus(m, next);
    return () => this.restore(id, previous);
  }

  private async setStatus(m: Mounted, status: PaperStatus | null) {
    const id = m.entry.meta.id;
    const before = this.states.get(id) ?? null;
    // Optimistic: the overlay answers at once; storage.onChanged confirms, and an error puts it back.
    this.states.set(id, status ? { status, tags: before?.tags ?? [], ruleTags: before?.ruleTags ?? [] } : null);
    this.rerenderId(id);
    try {
      return await this.deps.send('paper.setStatus', { meta: m.entry.meta, status, source: this.deps.adapter.name });
    } catch (e) {
      this.states.set(id, before);
      this.rerenderId(id);
      throw e;
    }
  }

  private async restore(id: string, previous: Paper | null): Promise<void> {
    if (previous) await this.deps.send('paper.restore', { papers: [previous] });
    else {
      const m = this.byId.get(id)?.values().next().value;
      if (m) await this.setStatus(m, null);
    }
  }

  /**
   * Sends the edit, not the resulting list: the background applies it to the
   * tags as stored, so a tag another tab added meanwhile is kept. The overlay
   * follows the mirror; the reply is not applied, since a later change from
   * another tab may already have arrived and the reply would undo it on screen.
   */
  private async changeTags(m: Mounted, edit: { addTags?: string[]; removeTags?: string[] }): Promise<void> {
    const id = m.entry.meta.id;
    const state = this.states.get(id);
    // Tagging a paper keeps it: it goes on the reading list first.
    if (!state || state.status === 'dismissed') await this.setStatus(m, state?.status ?? 'saved');
    await this.deps.send('paper.update', { id, ...edit });
  }

  // ------------------------------------------------------------ live updates

  /** Applies a `storage.onChanged` batch from the background's mirror. */
  onStorageChange(changes: Record<string, { newValue?: unknown }>): void {
    const { papers, settings } = readChanges(changes);
    for (const [id, state] of papers) {
      // Every change is kept, shown or not, so the copy of all states stays complete.
      this.states.set(id, state);
      this.rerenderId(id);
    }
    if (settings) this.setSettings(settings, true);
    if (papers.size) this.relayout();
  }

  private setSettings(settings: Settings, repaint: boolean): void {
    this.settings = settings;
    this.matcher = matcherFor(settings);
    this.tagColors = new Map(settings.tagRules.map((r) => [r.name, r.color]));
    if (!repaint) return;
    for (const m of this.mounted.values()) {
      this.clearHighlights(m);
      this.paintOne(m);
      this.renderOne(m);
    }
    this.relayout();
    void this.updateScores();
  }

  /** Called when the page changed the text inside a title or abstract (MathJax, site re-render). */
  repaintFor(node: Node): boolean {
    if (!this.settings.keywords.length) return false;
    for (const m of this.mounted.values()) {
      const { titleEl, abstractEl } = m.entry;
      if ((titleEl && titleEl.contains(node)) || (abstractEl && abstractEl.contains(node))) {
        // Same text in new nodes (MathJax re-rendering) leaves the old ranges on detached nodes.
        const moved =
          (titleEl && this.highlighter.stale(titleEl)) || (abstractEl && this.highlighter.stale(abstractEl));
        if (moved || textOf(m.entry) !== m.paintedText) {
          this.clearHighlights(m);
          this.paintOne(m);
        }
        return true;
      }
    }
    return false;
  }

  private async recordSeen(ids: string[]): Promise<void> {
    const todo = ids.filter((id) => !this.recorded.has(id));
    if (!todo.length) return;
    todo.forEach((id) => this.recorded.add(id));
    try {
      const { fresh } = await this.deps.send('seen.record', { ids: todo });
      for (const id of fresh) {
        this.fresh.add(id);
        this.rerenderId(id);
      }
    } catch (e) {
      logOnce('seen', 'could not record seen papers', e);
    }
  }

  /** Asks the background to score the page's entries; runs after the overlays are painted, never before. */
  private async updateScores(): Promise<void> {
    if (!this.settings.relevance || !this.mounted.size) return;
    try {
      const mounted = [...this.mounted.values()];
      const { basis, scores } = await this.deps.send('rank.score', { papers: mounted.map((m) => m.entry.meta) });
      // Tells tests and the benchmark that scoring is done, and on what basis.
      this.deps.doc.documentElement.dataset.dogearRank = basis;
      this.scores = new Map();
      for (const m of mounted) {
        const id = m.entry.meta.id;
        const s = scores[id];
        if (basis === 'model' && s) this.scores.set(id, { value: s.value, words: s.words, basis: 'model' });
        // Cold start: keyword matches stand in for a model, when the user has keywords at all.
        else if (basis === 'cold' && this.settings.keywords.length)
          this.scores.set(id, { value: coldStartScore(m.matches), words: [], basis: 'keywords' });
      }
      for (const m of this.mounted.values()) this.renderOne(m);
      this.relayout();
    } catch (e) {
      logOnce('score', 'could not score entries', e);
    }
  }

  /** Removes everything Dogear added, leaving the page as it was. */
  destroy(): void {
    this.destroyed = true;
    this.scheduler.destroy();
    for (const m of [...this.mounted.values()]) this.unmount(m);
    this.highlighter.clearAll();
    clearLayout(this.deps.doc);
    delete this.deps.doc.documentElement.dataset.dogear;
    delete this.deps.doc.documentElement.dataset.dogearCount;
    delete this.deps.doc.documentElement.dataset.dogearRank;
    delete this.deps.doc.documentElement.dataset.dogearDrawn;
  }

  get size(): number {
    return this.mounted.size;
  }

  private relayout(): void {
    const items = [...this.mounted.values()].map((m) => ({
      element: m.entry.element,
      matches: m.matches,
      status: this.states.get(m.entry.meta.id)?.status,
      score: this.scores.get(m.entry.meta.id)?.value,
    }));
    applyLayout(items, this.settings, this.deps.doc);
  }
}

function textOf(e: Entry): string {
  return `${e.titleEl?.textContent ?? ''}\u0000${e.abstractEl?.textContent ?? ''}`;
}

function isFlexRow(el: HTMLElement): boolean {
  const s = el.ownerDocument.defaultView?.getComputedStyle(el);
  return !!s && s.display.endsWith('flex') && s.flexDirection.startsWith('row');
}

function stop(e: Event): void {
  e.stopPropagation();
}
