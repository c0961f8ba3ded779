import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { vi } from 'vitest';
import { createService } from '../service';
import { openStore, type Store } from '../store';
import { createRelevance } from '../relevance';
import { createSyncEngine } from '../sync/engine';
import { entryOfPaper, encodeEntry } from '../sync/codec';
import { createSyncNetwork, type FakeDeviceArea } from './fake-sync-area';
import { fakeMirror } from './fake-mirror';

/**
 * Several simulated browsers, each with its own library (IndexedDB, service,
 * storage mirror) and sync engine, sharing one fake `storage.sync`. Time is
 * vitest's fake clock; `settle` lets it run until every device is quiet.
 */

export interface Device {
  name: string;
  store: Store;
  svc: ReturnType<typeof createService>;
  engine: ReturnType<typeof createSyncEngine>;
  area: FakeDeviceArea;
  mirror: ReturnType<typeof fakeMirror>;
  online: boolean;
}

export function startClock(at = Date.UTC(2026, 11, 5, 9)) {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], now: at });
}

export function network(latency = 50) {
  const net = createSyncNetwork({ latency });
  async function device(name: string, opts: { start?: boolean } = {}): Promise<Device> {
    const store = await openStore({ factory: new IDBFactory() });
    const mirror = fakeMirror();
    const area = net.device();
    const d = { name, store, mirror, area, online: opts.start !== false } as Device;
    d.svc = createService({
      store,
      mirror,
      relevance: createRelevance(store),
      ruleTagsFor: () => [],
      onLocalChange: (c) => d.engine.localChanged(c),
    });
    d.engine = createSyncEngine({
      area: {
        get: () => (d.online ? area.get() : Promise.reject(new Error('offline'))),
        set: (items) => (d.online ? area.set(items) : Promise.reject(new Error('offline'))),
        remove: (keys) => (d.online ? area.remove(keys) : Promise.reject(new Error('offline'))),
      },
      store,
      applied: d.svc.applySynced,
      settingsApplied: d.svc.applySyncedSettings,
    });
    area.onChanged.addListener(() => d.online && d.engine.remoteChanged());
    if (d.online) await d.engine.start();
    return d;
  }
  return { device, server: net.server };
}

/**
 * Lets simulated time run until no device has anything left to do, then checks
 * that they stay quiet: devices that agree must stop writing (no ping-pong).
 */
export async function settle(devices: Device[], ms = 60_000): Promise<void> {
  await run(devices, ms);
  await Promise.all(devices.map((d) => d.engine.flush()));
  await run(devices, 1_000);
  const writes = devices.map((d) => d.area.writes.length);
  await run(devices, 120_000);
  const later = devices.map((d) => d.area.writes.length);
  if (later.some((n, i) => n !== writes[i]))
    throw new Error(`devices kept writing after they settled: ${writes.join(',')} → ${later.join(',')}`);
}

/**
 * Advances simulated time a second at a time, letting each device finish what
 * it started first: IndexedDB work takes real time that the fake clock does not see.
 */
export async function run(devices: Device[], ms: number): Promise<void> {
  for (let t = 0; t < ms; t += 1_000) {
    await vi.advanceTimersByTimeAsync(1_000);
    await Promise.all(devices.map((d) => d.engine.idle()));
  }
}

/** What sync carries of a device's library, as comparable text (notes and metadata left out). */
export async function syncedView(d: Device): Promise<string[]> {
  return (await d.store.listPapers()).map((p) => encodeEntry(entryOfPaper(p), false)).sort();
}

export const meta = (id: string, title = `Paper ${id}`) => ({ id, title, authors: ['A. Author'] });
