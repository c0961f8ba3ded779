import { SYNC_QUOTA, itemBytes } from '../sync/quota';
import { canonicalJson } from '../sync/json';

/**
 * A stand-in for the browser's `storage.sync` shared by several simulated
 * devices, built from the documented behaviour: Chrome's quotas (bytes in all,
 * bytes per key counted as key + JSON, keys) and write rates (one `set` or
 * `remove` call is one write), enforced per device by rejecting the call;
 * each device keeps its own copy, which its writes change at once, and
 * values come back with their object keys sorted, as Chrome's do; the copy
 * reaches a server after `latency` ms, where the later arrival wins per key,
 * and the server's value then reaches every device; `onChanged` fires on a
 * device for each key whose value there really changed.
 */

type Changes = Record<string, { oldValue?: unknown; newValue?: unknown }>;
type Listener = (changes: Changes, area: string) => void;

export interface FakeDeviceArea {
  get(keys?: null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
  onChanged: { addListener(l: Listener): void; removeListener(l: Listener): void };
  /** What this device's copy holds now. */
  data: Map<string, unknown>;
  /** Every write call this device made, with its time. */
  writes: number[];
  /** Calls the quota or rate limits refused. */
  refused: string[];
}

/** A copy as the browser stores it: Chrome's dictionaries keep their keys sorted, so values come back that way. */
const clone = <T>(v: T): T => (v === undefined ? v : JSON.parse(canonicalJson(v)));

export function createSyncNetwork(opts: { latency?: number; now?: () => number } = {}) {
  const latency = opts.latency ?? 50;
  const now = opts.now ?? Date.now;
  const server = new Map<string, unknown>();
  const devices = new Map<FakeDeviceArea, Set<Listener>>();

  function applyTo(device: FakeDeviceArea, listeners: Set<Listener>, key: string, value: unknown) {
    const old = device.data.get(key);
    if (canonicalJson(old) === canonicalJson(value)) return;
    if (value === undefined) device.data.delete(key);
    else device.data.set(key, value);
    const change: Changes = { [key]: { oldValue: clone(old), newValue: clone(value) } };
    for (const l of listeners) l(change, 'sync');
  }

  function device(): FakeDeviceArea {
    const listeners = new Set<Listener>();
    const data = new Map<string, unknown>(server);
    const writes: number[] = [];
    const refused: string[] = [];

    function rateCheck(): string | null {
      const t = now();
      if (writes.filter((w) => t - w < 60_000).length >= SYNC_QUOTA.writesPerMinute)
        return 'MAX_WRITE_OPERATIONS_PER_MINUTE quota exceeded';
      if (writes.filter((w) => t - w < 3600_000).length >= SYNC_QUOTA.writesPerHour)
        return 'MAX_WRITE_OPERATIONS_PER_HOUR quota exceeded';
      return null;
    }

    function commit(changes: Array<[string, unknown]>) {
      const batch: Changes = {};
      for (const [key, value] of changes) {
        const old = data.get(key);
        if (canonicalJson(old) === canonicalJson(value)) continue;
        batch[key] = { oldValue: clone(old), newValue: clone(value) };
        if (value === undefined) data.delete(key);
        else data.set(key, value);
      }
      if (Object.keys(batch).length) setTimeout(() => listeners.forEach((l) => l(batch, 'sync')), 0);
      // Up to the server, then down to every device.
      setTimeout(() => {
        for (const [key, value] of changes) {
          if (value === undefined) server.delete(key);
          else server.set(key, clone(value));
        }
        setTimeout(() => {
          for (const [d, ls] of devices) for (const [key] of changes) applyTo(d, ls, key, server.get(key));
        }, latency);
      }, latency);
    }

    const d: FakeDeviceArea = {
      data,
      writes,
      refused,
      async get() {
        return Object.fromEntries([...data].map(([k, v]) => [k, clone(v)]));
      },
      async set(items) {
        const problem = rateCheck() ?? quotaCheck(data, items);
        if (problem) {
          refused.push(problem);
          throw new Error(problem);
        }
        writes.push(now());
        commit(Object.entries(items).map(([k, v]) => [k, clone(v)]));
      },
      async remove(keys) {
        const problem = rateCheck();
        if (problem) {
          refused.push(problem);
          throw new Error(problem);
        }
        writes.push(now());
        commit((Array.isArray(keys) ? keys : [keys]).map((k) => [k, undefined]));
      },
      onChanged: { addListener: (l) => listeners.add(l), removeListener: (l) => listeners.delete(l) },
    };
    devices.set(d, listeners);
    return d;
  }

  return { device, server };
}

/** Chrome refuses a `set` that would break a byte or key limit, and writes nothing of it. */
function quotaCheck(data: Map<string, unknown>, items: Record<string, unknown>): string | null {
  const after = new Map(data);
  for (const [k, v] of Object.entries(items)) {
    if (itemBytes(k, v) > SYNC_QUOTA.bytesPerItem) return 'QUOTA_BYTES_PER_ITEM quota exceeded';
    after.set(k, v);
  }
  if (after.size > SYNC_QUOTA.maxItems) return 'MAX_ITEMS quota exceeded';
  let total = 0;
  for (const [k, v] of after) total += itemBytes(k, v);
  return total > SYNC_QUOTA.bytes ? 'QUOTA_BYTES quota exceeded' : null;
}

/** The most writes any sliding window of `windowMs` held. */
export function peakWrites(writes: number[], windowMs: number): number {
  let peak = 0;
  for (let i = 0; i < writes.length; i++) {
    let n = 0;
    for (let j = i; j < writes.length && writes[j]! - writes[i]! < windowMs; j++) n++;
    peak = Math.max(peak, n);
  }
  return peak;
}
