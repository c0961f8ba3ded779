// size: the order in which a pass runs over one page; each thing it orders is its own module (state-cache,
// actions, page-reading, paint, scores, seen, layout, render-scheduler, mount, overlay, perf, page-report).
import { afterPaint } from '@/lib/after-paint';
import type { ContentSend } from '@/lib/content-client';
import type { Matcher } from '@/lib/match';
import { readChanges } from '@/lib/mirror';
import { DEFAULT_SETTINGS, type PaperMeta, type Settings } from '@/lib/model';
import { isDegraded, pageReport } from '@/lib/page-report';
import type { PageReport } from '@/lib/page-report-read';
import { matcherFor } from '@/lib/rule-tags';
import type { SiteName } from '@/lib/sites';
import type { Entry, PageKind, SiteAdapter } from '@/lib/sites/types';
import { Actions, type ReadMeta } from './actions';
import { applyLayout, clearLayout } from './layout';
import { logOnce } from '@/lib/log';
import { createHost, placeOf, removeHost, stillMounted, type Mounted } from './mount';
import { applyAttributes, clearOverlay, drawOverlay, type EntryView } from './overlay';
import { OverlayController } from './overlay-view';
import { holdsText, Painter } from './paint';
import { PageReading } from './page-reading';
import { measurePass } from './perf';
import { RenderScheduler } from './render-scheduler';
import { Scores } from './scores';
import { SeenTracker } from './seen';
import { StateCache, type StorageLike } from './state-cache';
import { triageHost, type TriageHost } from './triage-host';

export type { StorageLike } from './state-cache';

export interface AnnotatorDeps {
  adapter: SiteAdapter<SiteName>;
  kind: PageKind;
  doc: Document;
  storage: StorageLike;
  send: ContentSend;
}

/**
 * Annotates the entries of one page: an overlay per entry, state attributes,
 * highlights and layout options. Every pass is idempotent: an entry already
 * annotated for the same paper is left alone, a replaced card gets a fresh
 * overlay, and overlays whose entry left the page are removed.
 *
 * This class only orders the work; each part lives in its own file: the state
 * cache, the page's reading, painting (highlights and rule tags), the overlay,
 * its actions, the "new" marker, relevance scores, layout and the benchmark's
 * measures.
 */
export class Annotator {
  // No index by paper id: finding a paper's entries is a walk over this map, on a click or a storage change,
  // cheaper than an index's heap per entry (issue 13).
  private mounted = new Map<HTMLElement, Mounted>();
  private byHost = new WeakMap<Element, Mounted>();
  /** One controller for the page's overlays: an overlay names itself by its host, so none holds a closure. */
  private controller: OverlayController;
  private settings: Settings = DEFAULT_SETTINGS;
  private matcher: Matcher;
  private tagColors: ReadonlyMap<string, string> = new Map();
  private running: Promise<void> | null = null;
  private again = false;
  private settingsLoaded = false;
  /** Settings arrived through `storage.onChanged`: newer than any read still under way. */
  private settingsChanged = false;
  /** Set by destroy(): a pass still waiting for storage must not annotate the page afterwards. */
  private destroyed = false;
  /** The last pass's reading of a listing: what it links against what was read. */
  private lastReport: PageReport | null = null;

  private cache: StateCache;
  private painter: Painter;
  private seen: SeenTracker;
  private scores: Scores;
  private actions: Actions;
  private reading: PageReading;
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
    this.reading = new PageReading(() =>
      deps.kind === 'paper' ? this.readPaper() : deps.adapter.extract(deps.doc).entries,
    );
    this.cache = new StateCache(deps.storage);
    this.painter = new Painter(deps.doc);
    this.seen = new SeenTracker(deps.send);
    this.scores = new Scores(deps.send, deps.doc);
    this.actions = new Actions({
      send: deps.send,
      source: deps.adapter.name,
      state: (id) => this.cache.get(id),
      show: (id, state) => {
        this.cache.showAhead(id, state);
        this.rerender(new Set([id]));
      },
      settled: (id) => {
        if (!this.cache.caughtUp(id)) return;
        this.rerender(new Set([id]));
        this.relayout();
      },
      metaOf: (id) => {
        for (const m of this.mounted.values()) if (m.id === id) return () => this.reading.metaOf(m, true);
        return undefined;
      },
      afterPaint: () => afterPaint(deps.doc),
    });
    // The entry knows its paper's id, all a click's answer needs; the page is read for the rest later.
    const withMeta = <T>(
      host: HTMLElement,
      act: (id: string, meta: ReadMeta) => Promise<T>,
    ): Promise<T | undefined> => {
      const m = this.byHost.get(host);
      return m ? act(m.id, () => this.reading.metaOf(m, true)) : Promise.resolve(undefined);
    };
    this.controller = new OverlayController({
      onAction: (host, a) => withMeta(host, (id, meta) => this.actions.act(id, meta, a)),
      onAddTag: (host, t) => withMeta(host, (id, meta) => this.actions.changeTag(id, meta, { add: t })),
      onRemoveTag: (host, t) => withMeta(host, (id, meta) => this.actions.changeTag(id, meta, { remove: t })),
      scoreOf: (host) => {
        const m = this.byHost.get(host);
        return m ? this.viewOf(m.id).score : null;
      },
    });
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
    const start = performance.now();
    this.painter.takePaintMs();
    const found = this.extract();
    const needed = this.cache.missing(found.map((e) => e.meta.id));
    const firstPass = !this.settingsLoaded;
    // Once settings are known, cards are mounted before their states are read: a card the site just
    // rendered gets its overlay's host, room and highlights in the same frame, and the overlay's
    // contents follow the state read (an IPC round trip that can wait behind the page's own rendering).
    const added: Mounted[] = [];
    const mountAll = () => {
      const keep = new Set<HTMLElement>();
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
    const beforeRead = performance.now();
    if (needed.length || firstPass) {
      const settings = await this.cache.load(needed, firstPass);
      if (settings) {
        this.settingsLoaded = true;
        // Settings that changed while the read was under way are newer than what it returned.
        if (!this.settingsChanged) this.setSettings(settings, false);
      }
    }
    if (this.destroyed) return;
    const afterRead = performance.now();
    if (firstPass) mountAll();
    // A later pass may have replaced some of these while this one waited.
    const live = added.filter((m) => this.mounted.get(m.entry.element) === m);
    if (!firstPass) for (const m of live) this.applyState(m);
    this.scheduler.add(live);
    if (live.length) this.relayout();

    const root = this.deps.doc.documentElement;
    root.dataset.dogear = this.lastReport && isDegraded(this.lastReport) ? 'degraded' : 'ready';
    root.dataset.dogearCount = String(this.mounted.size);
    measurePass({ start, beforeRead, afterRead, end: performance.now() }, this.painter.takePaintMs());

    if (live.length) {
      void this.recordSeen(live.map((m) => m.id));
      void this.updateScores();
    }
    if (firstPass) void this.cache.loadAll();
  }

  private extract(): Entry[] {
    const { adapter, doc, kind } = this.deps;
    if (kind === 'paper') {
      const one = this.readPaper();
      this.reading.remember(one);
      return one;
    }
    const found = adapter.extract(doc);
    this.reading.remember(found.entries);
    for (const s of found.skipped) logOnce(`skip:${s.reason}`, `skipped an entry: ${s.reason}`, s.element);
    const report = pageReport(adapter, kind, doc, found);
    if (isDegraded(report))
      logOnce(
        'degraded',
        `read ${report.read} of the ${report.linked} papers this page links: the site may have changed`,
        report,
      );
    this.lastReport = report;
    return found.entries;
  }

  private readPaper(): Entry[] {
    const { adapter, doc } = this.deps;
    const one = adapter.extractPaper(doc, doc.location?.href ?? '');
    return one ? [one] : [];
  }

  /** What the last pass made of a listing, for the popup's notice; null on paper pages. */
  report(): PageReport | null {
    return this.lastReport;
  }

  private mount(entry: Entry): Mounted | null {
    const existing = this.mounted.get(entry.element);
    if (existing && stillMounted(existing, entry)) {
      // The same card: keep its overlay, but follow the adapter's fresh element references.
      const was = existing.entry;
      if (
        was.titleEl !== entry.titleEl ||
        was.abstractEl !== entry.abstractEl ||
        was.abstractPreview !== entry.abstractPreview
      ) {
        this.painter.clear(existing);
        existing.entry = placeOf(entry);
        this.paintOne(existing, () => entry.meta);
        this.renderOne(existing);
      }
      return null;
    }
    if (existing) this.unmount(existing);
    const m = createHost(entry, this.deps.doc, this.deps.kind);
    this.mounted.set(entry.element, m);
    this.byHost.set(m.host, m);
    this.paintOne(m, () => entry.meta);
    this.applyState(m);
    return m;
  }

  private unmount(m: Mounted): void {
    this.scheduler.remove(m);
    this.painter.clear(m);
    clearOverlay(m);
    removeHost(m);
    this.mounted.delete(m.entry.element);
  }

  private paintOne(m: Mounted, meta: () => PaperMeta = () => this.reading.metaOf(m)): void {
    this.painter.paint(m, meta, this.settings, this.matcher);
  }

  private viewOf(id: string): EntryView {
    return {
      state: this.cache.get(id) ?? null,
      isNew: this.settings.showNew && this.seen.isNew(id),
      score: this.settings.relevance ? (this.scores.get(id) ?? null) : null,
    };
  }

  /** The entry's state attributes and, once drawn, its overlay. */
  private renderOne(m: Mounted): void {
    this.applyState(m);
    if (!this.scheduler.isPending(m)) this.draw(m);
  }

  private applyState(m: Mounted): void {
    applyAttributes(m, this.viewOf(m.id));
  }

  private draw(m: Mounted): void {
    drawOverlay(m, this.viewOf(m.id), this.tagColors, this.controller);
  }

  private rerender(ids: ReadonlySet<string>): void {
    if (ids.size) for (const m of this.mounted.values()) if (ids.has(m.id)) this.renderOne(m);
  }

  // ------------------------------------------------------------ live updates

  /** Applies a `storage.onChanged` batch from the background's mirror. */
  onStorageChange(changes: Record<string, { newValue?: unknown }>): void {
    const { papers, settings } = readChanges(changes);
    // Every change is kept, shown or not, so the copy of all states stays complete.
    const changed = new Set<string>();
    for (const [id, state] of papers) if (this.cache.set(id, state)) changed.add(id);
    this.rerender(changed);
    if (settings) {
      this.settingsChanged = true;
      this.setSettings(settings, true);
    }
    if (papers.size) this.relayout();
  }

  private setSettings(settings: Settings, repaint: boolean): void {
    this.settings = settings;
    this.matcher = matcherFor(settings);
    this.tagColors = new Map(settings.tagRules.map((r) => [r.name, r.color]));
    if (!repaint) return;
    for (const m of this.mounted.values()) {
      this.painter.clear(m);
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
      if (!holdsText(m.entry, node)) continue;
      if (this.painter.needsRepaint(m)) {
        this.painter.clear(m);
        this.paintOne(m);
      }
      return true;
    }
    return false;
  }

  private async recordSeen(ids: string[]): Promise<void> {
    this.rerender(new Set(await this.seen.record(ids)));
  }

  /** Asks the background to score the page's entries; runs after the overlays are painted, never before. */
  private async updateScores(): Promise<void> {
    if (!this.settings.relevance || !this.mounted.size) return;
    try {
      const all = [...this.mounted.values()];
      await this.scores.update(
        all.map((m) => m.id),
        all.map((m) => this.reading.metaOf(m)),
      );
      for (const m of this.mounted.values()) this.renderOne(m);
      this.relayout();
    } catch (e) {
      logOnce('score', 'could not score entries', e);
    }
  }

  /** Keyboard triage's view of this page: its entries, and the overlay buttons' own action path. */
  triageHost(): TriageHost {
    return triageHost(
      this.mounted,
      this.actions,
      this.scheduler,
      () => this.settings,
      (m) => this.reading.metaOf(m, true),
    );
  }

  /** Removes everything Dogear added, leaving the page as it was. */
  destroy(): void {
    this.destroyed = true;
    this.reading.release();
    this.scheduler.destroy();
    for (const m of [...this.mounted.values()]) this.unmount(m);
    this.painter.clearAll();
    clearLayout(this.deps.doc);
    const { dataset } = this.deps.doc.documentElement;
    delete dataset.dogear;
    delete dataset.dogearCount;
    delete dataset.dogearRank;
    delete dataset.dogearDrawn;
  }

  get size(): number {
    return this.mounted.size;
  }

  private relayout(): void {
    const items = [...this.mounted.values()].map((m) => ({
      element: m.entry.element,
      boxes: m.entry.boxes,
      matches: m.matches,
      status: this.cache.get(m.id)?.status,
      score: this.scores.get(m.id)?.value,
    }));
    applyLayout(items, this.settings, this.deps.doc);
  }
}
