import { browser } from 'wxt/browser';
import type { Store } from '@/lib/store';

// MV2 Firefox has browserAction, MV3 has action.
const action = browser.action ?? browser.browserAction;

/** The toolbar badge shows how many papers are still to read, unless switched off. */
export async function updateBadge(store: Store): Promise<void> {
  const [settings, toRead] = await Promise.all([store.getSettings(), store.countByStatus('saved')]);
  const text = settings.badge && toRead > 0 ? (toRead > 999 ? '999+' : String(toRead)) : '';
  await action.setBadgeText({ text });
  await action.setBadgeBackgroundColor({ color: '#b45309' });
}
