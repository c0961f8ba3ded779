// size: one closure owns the sync state machine (pending batch, running pass, retry, config); its pure steps
// are in the files it imports.
import * as z from 'zod/mini';
import { errorText } from '../errors';
import type { Paper, Settings } from '../model';
import type { Store } from '../store';
import { parseArea, type ParsedArea } from './area';
import { BUCKETS, INDEX_PREFIX, bucketKey, entryOfPaper, tombstone, type Entry } from './codec';
import { canonicalJson } from './json';
import { decide } from './merge';
import { TOMBSTONE_TTL_MS, planIndex } from './plan';
import { BUDGET } from './quota';
import { WriteBudget } from './rate';
import { SETTINGS_PREFIX, mergeSettings, settingsItems, stamp, type SettingName, type SettingsClock } from './settings';
import {
  DEFAULT_SYNC_CONFIG,
  SyncConfigSchema,
  type SyncConfig,
  type SyncConfigChange,
  type SyncStatus,
} from './status';

/**
 * The background's side of sync. Local changes are batched (the first change
 * starts a short wait, everything that happens in it goes in one write); each
 * run reads the whole sync area, takes in what other devices changed through
 * the store (so the mirror, open listings, the popup and backups follow, as
 * for a local change), then writes only the keys whose text differs from what
 * this device wants there, inside Dogear's own write budget.
 */

interface SyncAreaApi {
  get(keys?: null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string[]): Promise<void>;
}

export interface EngineDeps {
  area: SyncAreaApi;
  store: Store;
  /** After papers from sync are written: mirror, badge, backups, exactly as after a local change. */
  applied(put: Paper[], removed: string[]): Promise<void>;
  settingsApplied(settings: Settings): Promise<void>;
  /** Where the options page reads the status from. */
  publish?(status: SyncStatus): Promise<void> | void;
  now?: () => number;
}

/** A local change waits this long for more before it is written. */
const PUSH_DELAY_MS = 2_000;
/** Another device's change is taken in this soon. */
const PULL_DELAY_MS = 300;
/** After a failed read or write. */
const RETRY_MS = 60_000;

const META = { config: 'sync.config', tombstones: 'sync.tombstones', clock: 'sync.clock', last: 'sync.lastSyncAt' };
const TombstonesSchema = z.record(z.string(), z.number());
const SettingsClockSchema = z.record(z.string(), z.tuple([z.number(), z.string()]));

export function createSyncEngine(deps: EngineDeps) {
  const { area, store } = deps;
  const now = deps.now ?? Date.now;
  const budget = new WriteBudget(BUDGET.writesPerMinute, BUDGET.writesPerHour);

  let config: SyncConfig = DEFAULT_SYNC_CONFIG;
  const tombs = new Map<string, number>();
  let clock: SettingsClock | undefined;
  let settingsDirtyAt: number | undefined;
  let status: SyncStatus = emptyStatus(config);
  let queue: Promise<void> = Promise.resolve();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let timerAt = Infinity;

  const loaded = (async () => {
    // Each record through its parser: a corrupt one counts as never written.
    const [c, t, k, last] = await Promise.all([
      store.getMeta(META.config, (raw) => SyncConfigSchema.safeParse(raw ?? {}).data ?? DEFAULT_SYNC_CONFIG),
      store.getMeta(META.tombstones, (raw) => z.safeParse(TombstonesSchema, raw).data ?? {}),
      store.getMeta(META.clock, (raw) => z.safeParse(SettingsClockSchema, raw).data),
      store.getMeta(META.last, (raw) => (typeof raw === 'number' ? raw : null)),
    ]);
    config = c;
    for (const [id, at] of Object.entries(t)) tombs.set(id, at);
    clock = k as SettingsClock | undefined;
    status = { ...emptyStatus(config), lastSyncAt: last };
  })();

  function enqueue(job: () => Promise<void>): Promise<void> {
    queue = queue.then(job).catch((e: unknown) => {
      status = { ...status, error: errorText(e) };
      schedule(RETRY_MS);
      return publish();
    });
    return queue;
  }

  function schedule(delay: number): void {
    const at = now() + delay;
    if (timer !== undefined && timerAt <= at) return;
    clearTimeout(timer);
    timerAt = at;
    timer = setTimeout(() => {
      timer = undefined;
      timerAt = Infinity;
      void enqueue(cycle);
    }, delay);
  }

  async function publish(): Promise<void> {
    await deps.publish?.(status);
  }

  /** What an entry does here: the record to write (or null to remove), and whether to remember its removal. */
  function absorbOne(e: Entry, before: Paper | undefined) {
    const next = decide(before, e, tombs.get(e.id));
    // A removal from sync that stands here is remembered, so it travels on and keeps the paper away.
    const remember = e.status === null && (next === null || (!before && e.t > (tombs.get(e.id) ?? -1)));
    return { next, remember };
  }

  async function absorbIndex(entries: Map<string, Entry>): Promise<void> {
    // Most entries are already as this device has them (often its own): a read finds the few that are not,
    // and only those are merged, so the write transaction does not hold a click's write back behind
    // thousands of reads. The merge decides again inside its transaction, against the record as it is then.
    const all = [...entries.values()];
    const stored = new Map((await store.getPapers(all.map((e) => e.id))).map((p) => [p.id, p]));
    const ids = all.filter((e) => {
      const { next, remember } = absorbOne(e, stored.get(e.id));
      return next !== undefined || remember;
    });
    if (!ids.length) return;
    const { put, removed } = await store.mergePapers(
      ids.map((e) => e.id),
      (id, before) => {
        const e = entries.get(id)!;
        const { next, remember } = absorbOne(e, before);
        if (remember) tombs.set(id, e.t);
        if (next) tombs.delete(id);
        return next;
      },
    );
    if (put.length || removed.length) await deps.applied(put, removed);
  }

  async function absorbSettings(area: ParsedArea | null, t: number): Promise<void> {
    let changed = false;
    const saved = await store.mergeSettings((current) => {
      clock = stamp(clock ?? {}, current, settingsDirtyAt ?? t);
      settingsDirtyAt = undefined;
      if (!area) return undefined;
      const r = mergeSettings(current, clock, area.settings, new Set(config.deviceOnly));
      clock = r.clock;
      changed = r.changed.length > 0;
      return changed ? r.settings : undefined;
    });
    if (changed && saved) await deps.settingsApplied(saved);
  }

  /** The index entries this device wants in sync: its papers, and the removals it remembers. */
  function localEntries(papers: Paper[], t: number): Entry[] {
    const out = papers.map(entryOfPaper);
    for (const p of papers) tombs.delete(p.id);
    for (const [id, at] of tombs) {
      if (t - at >= TOMBSTONE_TTL_MS) tombs.delete(id);
      else out.push(tombstone(id, at));
    }
    return out;
  }

  async function cycle(): Promise<void> {
    await loaded;
    const t = now();
    if (!config.index && !config.settings) return publish();
    const raw = await area.get(null);
    const parsed = parseArea(raw, t);
    const readable = parsed.problems.length === 0;
    if (readable && config.index) await absorbIndex(parsed.entries);
    await absorbSettings(readable && config.settings ? parsed : null, t);

    const desired: Record<string, unknown> = {};
    const managed = new Set<string>(parsed.problems.map((p) => p.key));
    const papers = await store.listPapers();
    const plan = config.index ? planIndex(localEntries(papers, t), t) : null;
    if (plan) {
      Object.assign(desired, plan.items);
      for (let b = 0; b < BUCKETS; b++) managed.add(bucketKey(b));
    }
    const deviceOnly = new Set<string>(config.deviceOnly);
    const s = config.settings ? settingsItems(clock ?? {}, deviceOnly) : null;
    if (s) {
      Object.assign(desired, s.items);
      for (const key of Object.keys(s.items)) managed.add(key);
    }
    // An unreadable area: only its bad keys are written over; the rest waits until it reads cleanly.
    const touch = readable ? managed : new Set(parsed.problems.map((p) => p.key));
    const toSet: Record<string, unknown> = {};
    const toRemove: string[] = [];
    for (const key of touch) {
      if (key in desired) {
        if (canonicalJson(raw[key]) !== canonicalJson(desired[key])) toSet[key] = desired[key];
      } else if (key in raw) toRemove.push(key);
    }
    const calls = (Object.keys(toSet).length ? 1 : 0) + (toRemove.length ? 1 : 0);
    status = {
      ...status,
      config,
      papersSynced: plan?.synced ?? 0,
      papersTotal: papers.length,
      titles: plan?.titles ?? 0,
      settingsSynced: s ? (Object.keys(s.items).map((k) => k.slice(SETTINGS_PREFIX.length)) as SettingName[]) : [],
      settingsTooLarge: s?.tooLarge ?? [],
      error: readable ? null : unreadable(parsed),
    };
    if (calls) {
      const at = budget.nextAllowed(t, calls);
      if (at > t) {
        schedule(at - t);
        status = { ...status, waitingUntil: at };
        return publish();
      }
      if (Object.keys(toSet).length) {
        budget.record(t);
        await area.set(toSet);
      }
      if (toRemove.length) {
        budget.record(t);
        await area.remove(toRemove);
      }
    }
    const after = { ...raw, ...toSet };
    for (const key of toRemove) delete after[key];
    const usage = parseArea(after, t);
    status = { ...status, bytes: usage.bytes, keys: usage.keys, waitingUntil: null };
    if (readable) status.lastSyncAt = t;
    await Promise.all([
      store.setMeta(META.tombstones, Object.fromEntries(tombs)),
      clock && store.setMeta(META.clock, clock),
      store.setMeta(META.last, status.lastSyncAt),
    ]);
    return publish();
  }

  /** Removes the keys of what was switched off. */
  async function purge(prefix: string): Promise<void> {
    const keys = Object.keys(await area.get(null)).filter((k) => k.startsWith(prefix));
    if (!keys.length) return;
    const t = now();
    const at = budget.nextAllowed(t);
    if (at > t) await new Promise((r) => setTimeout(r, at - t));
    budget.record(now());
    await area.remove(keys);
  }

  return {
    /** Called on every worker start: take in what changed while it slept, write what is owed. */
    start(): Promise<void> {
      return enqueue(cycle);
    },
    /** After any local write. `removed` ids become removals for the other devices at once. */
    localChanged(change: { removed?: string[]; settings?: boolean }): void {
      const t = now();
      for (const id of change.removed ?? []) tombs.set(id, t);
      if (change.settings) settingsDirtyAt = t;
      schedule(PUSH_DELAY_MS);
    },
    /** `storage.onChanged` for the sync area. */
    remoteChanged(): void {
      schedule(PULL_DELAY_MS);
    },
    configure(next: SyncConfigChange): Promise<void> {
      return enqueue(async () => {
        await loaded;
        const before = config;
        // Only the fields given: one left out (or undefined) keeps its current value.
        const given = Object.fromEntries(Object.entries(next).filter(([, v]) => v !== undefined));
        config = SyncConfigSchema.parse({ ...config, ...given });
        status = { ...status, config };
        await store.setMeta(META.config, config);
        if (before.index && !config.index) await purge(INDEX_PREFIX);
        if (before.settings && !config.settings) await purge(SETTINGS_PREFIX);
        await cycle();
      });
    },
    async status(): Promise<SyncStatus> {
      await loaded;
      return status;
    },
    /** Waits until nothing is running (what is scheduled stays scheduled). */
    async idle(): Promise<void> {
      let seen: Promise<void>;
      do {
        seen = queue;
        await seen;
      } while (seen !== queue);
    },
    /** Runs whatever is scheduled now and waits for it. */
    async flush(): Promise<void> {
      if (timer !== undefined) {
        clearTimeout(timer);
        timer = undefined;
        timerAt = Infinity;
        await enqueue(cycle);
      }
      await queue;
    },
  };
}

function emptyStatus(config: SyncConfig): SyncStatus {
  return {
    config,
    lastSyncAt: null,
    error: null,
    waitingUntil: null,
    bytes: 0,
    keys: 0,
    papersSynced: 0,
    papersTotal: 0,
    titles: 0,
    settingsSynced: [],
    settingsTooLarge: [],
  };
}

function unreadable(area: ParsedArea): string {
  const first = area.problems[0]!;
  const more = area.problems.length > 1 ? ` and ${area.problems.length - 1} more` : '';
  return `Refused what another device put in sync (${first.key}: ${first.reason}${more}). Nothing was taken from it; Dogear puts its own copy in its place.`;
}
