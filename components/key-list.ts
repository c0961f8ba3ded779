import { KEY_HELP } from '@/lib/keys/keymap';

/**
 * The listing shortcuts as a definition list: in the help card on a listing and on the options page. Built
 * with DOM calls, as the content script draws everything it shows without a UI library.
 */
export function keyList(doc: Document): HTMLDListElement {
  const dl = doc.createElement('dl');
  for (const { keys, label } of KEY_HELP) {
    // Groups a term with its description without a box of its own: the list lays them out as one grid.
    const group = doc.createElement('div');
    group.style.display = 'contents';
    const dt = doc.createElement('dt');
    for (const key of keys) {
      const kbd = doc.createElement('kbd');
      kbd.textContent = key;
      dt.append(kbd);
    }
    const dd = doc.createElement('dd');
    dd.textContent = label;
    group.append(dt, dd);
    dl.append(group);
  }
  return dl;
}
