import type { Page } from '@playwright/test';

/** Every record of one IndexedDB object store of Dogear's database, read in an extension page. */
export function readAll<T>(extPage: Page, storeName: string): Promise<T[]> {
  return extPage.evaluate(
    (name) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open('dogear');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const all = db.transaction(name).objectStore(name).getAll();
          all.onerror = () => reject(all.error);
          all.onsuccess = () => {
            db.close();
            resolve(all.result as T[]);
          };
        };
      }),
    storeName,
  );
}
