/**
 * Timing probe for the built app, injected before the app's own scripts (Playwright
 * `addInitScript`). It records when the first study card becomes interactive, and, when armed,
 * how long a key press takes to show its result: the keydown time stamp, the DOM change, and the
 * first animation frame after it.
 */
import type { AppProbe, ColdStartTiming, ImportTimeline, TransitionKind, TransitionTiming } from './protocol';

const SHOWN_CARD = '.study-card[data-card-key]';

function shownCardKey(): string | undefined {
  return document.querySelector(SHOWN_CARD)?.getAttribute('data-card-key') ?? undefined;
}

/** True once a study card is shown and every button under it is enabled. */
function cardInteractive(): boolean {
  if (!document.querySelector(SHOWN_CARD)) return false;
  const buttons = [...document.querySelectorAll<HTMLButtonElement>('.study-actions button')];
  return buttons.length > 0 && buttons.every((button) => !button.disabled);
}

/** Resolves with `performance.now()` at the first DOM change after which `ready` holds, and at the frame after it. */
function whenReady(ready: () => boolean): Promise<{ domAt: number; frameAt: number }> {
  return new Promise((resolve) => {
    const settle = () => {
      const domAt = performance.now();
      requestAnimationFrame(() => resolve({ domAt, frameAt: performance.now() }));
    };
    if (ready()) {
      settle();
      return;
    }
    const observer = new MutationObserver(() => {
      if (!ready()) return;
      observer.disconnect();
      settle();
    });
    observer.observe(document, { childList: true, subtree: true, attributes: true });
  });
}

const coldStart: Promise<ColdStartTiming> = whenReady(cardInteractive).then(({ domAt, frameAt }) => {
  const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
  return {
    interactiveAt: domAt,
    frameAt,
    domContentLoadedAt: navigation?.domContentLoadedEventEnd ?? Number.NaN,
    controlled: navigator.serviceWorker?.controller != null,
  };
});

/** Resolves with the event's time stamp the next time `type` reaches the window. */
function nextEvent(type: string): Promise<number> {
  return new Promise((resolve) => addEventListener(type, (event) => resolve(event.timeStamp), { capture: true, once: true }));
}

function importPhase(phase: string): () => boolean {
  return () => document.querySelector(`.import-screen[data-phase="${phase}"]`) !== null;
}

async function recordImport(): Promise<ImportTimeline> {
  const chosen = nextEvent('change');
  const confirm = whenReady(importPhase('confirm'));
  const chosenAt = await chosen;
  const { domAt: confirmAt } = await confirm;
  const clicked = nextEvent('click');
  const done = whenReady(importPhase('done'));
  return { chosenAt, confirmAt, clickedAt: await clicked, doneAt: (await done).domAt };
}

/**
 * IndexedDB transactions the page has open. The probe wraps `IDBDatabase.transaction` to count
 * them, so the runner can wait until the app has finished the work it starts after showing a card.
 */
let openTransactions = 0;
const openTransaction = IDBDatabase.prototype.transaction;
IDBDatabase.prototype.transaction = function (this: IDBDatabase, ...args: Parameters<IDBDatabase['transaction']>): IDBTransaction {
  const transaction = openTransaction.apply(this, args);
  openTransactions += 1;
  // An error event is followed by abort, so complete and abort cover every end.
  const close = () => (openTransactions -= 1);
  transaction.addEventListener('complete', close, { once: true });
  transaction.addEventListener('abort', close, { once: true });
  return transaction;
} as IDBDatabase['transaction'];

/** Resolves with `performance.now()` once no transaction has been open for two checks 5 ms apart. */
async function whenStorageIdle(): Promise<number> {
  let quietChecks = 0;
  while (quietChecks < 2) {
    await new Promise((resolve) => setTimeout(resolve, 5));
    quietChecks = openTransactions === 0 ? quietChecks + 1 : 0;
  }
  return performance.now();
}

const probe: AppProbe = {
  coldStart,
  pending: undefined,
  importDone: undefined,
  storageIdle: whenStorageIdle,
  armImport() {
    this.importDone = recordImport();
  },
  arm(kind: TransitionKind) {
    const before = shownCardKey();
    const done =
      kind === 'answer' ? () => document.querySelector('.grades') !== null : () => shownCardKey() !== before || document.querySelector('.summary') !== null;
    let keyAt = Number.NaN;
    addEventListener('keydown', (event) => (keyAt = event.timeStamp), { capture: true, once: true });
    this.pending = whenReady(done).then(({ domAt, frameAt }): TransitionTiming => ({ keyAt, domAt, frameAt, cardKey: shownCardKey() }));
  },
};

window.layerdeckProbe = probe;
