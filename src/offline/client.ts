/**
 * The page's side of the offline copy: register the service worker, offer a new version with a
 * "Reload" button, save the rest of the handbook when the connection allows (or when asked), and
 * say when the page in front of the reader is the saved copy because the network failed.
 */
import { messageSW, Workbox } from 'workbox-window';
import { OFFLINE_MESSAGES, SIGN_IN_PARAMETER, type OfflineStatus, type OpenedAnswer, type SaveResult } from './messages.ts';
import { savesWithoutAsking, type Connection } from './auto-save.ts';
import { progressText, savedAtText, SIGN_IN_TEXT, sizeText } from './notes.ts';

export async function startOfflineSupport(root: HTMLElement): Promise<void> {
  if (!('serviceWorker' in navigator)) return;
  const base = root.dataset.base ?? '/';
  const ui = elements(root);
  forgetSignInParameter();
  // Asked first, of the worker that answered this page (a newer one may be installing), and on
  // its own: with a server that hangs, registering and the answer both wait on the network.
  const controller = navigator.serviceWorker.controller;
  const openedOffline = controller ? showWhenOpenedOffline(ui, controller) : Promise.resolve(false);
  const workbox = new Workbox(`${base}sw.js`, { scope: base });
  workbox.addEventListener('waiting', () => offerNewVersion(ui, workbox));
  const registration = await workbox.register();
  if (!registration) return;
  await navigator.serviceWorker.ready;
  const ask = async <T>(type: string, extra: Record<string, unknown> = {}): Promise<T> => {
    const active = registration.active;
    if (!active) throw new Error('No active service worker.');
    return (await messageSW(active, { type, ...extra })) as T;
  };

  navigator.serviceWorker.addEventListener('message', (event: MessageEvent<{ type?: string; saved?: number; total?: number }>) => {
    if (event.data?.type === OFFLINE_MESSAGES.progress) showProgress(ui, { saved: event.data.saved ?? 0, total: event.data.total ?? 0 });
  });

  const save = async () => {
    ui.save.hidden = true;
    const result = await ask<SaveResult>(OFFLINE_MESSAGES.save);
    showProgress(ui, result);
    if (result.signIn) showSignIn(ui);
    else if (result.outdated) await registration.update();
  };
  ui.save.addEventListener('click', () => void save());

  const status = await ask<OfflineStatus>(OFFLINE_MESSAGES.status);
  showProgress(ui, status);
  if (status.saved >= status.total || (await openedOffline)) return;
  const connection = (navigator as Navigator & { connection?: Connection }).connection;
  if (savesWithoutAsking(status.totalBytes - status.savedBytes, connection)) await save();
  else {
    ui.save.textContent = `Save the whole handbook on this device (${sizeText(status.totalBytes - status.savedBytes)})`;
    ui.save.hidden = false;
  }
}

interface OfflineElements {
  progress: HTMLElement;
  save: HTMLButtonElement;
  savedAt: HTMLElement;
  update: HTMLElement;
}

function elements(root: HTMLElement): OfflineElements {
  const find = <T extends HTMLElement>(selector: string, scope: ParentNode = root) => {
    const element = scope.querySelector<T>(selector);
    if (!element) throw new Error(`The offline support markup has no ${selector}.`);
    return element;
  };
  return {
    progress: find('[data-offline-progress]'),
    save: find<HTMLButtonElement>('[data-offline-save]'),
    // On policy pages the note sits under the title; elsewhere it has a place in the footer.
    savedAt: document.querySelector<HTMLElement>('[data-offline-saved]') ?? find('[data-offline-saved-fallback]'),
    update: find('[data-update-prompt]'),
  };
}

/**
 * Say "this is the copy on this device" when the worker answered this page from the copy because
 * the network failed, and "sign in again" when a sign-in page answered instead of the page (the
 * copy, meanwhile, cannot be brought up to date). Only the worker knows: `navigator.onLine` stays
 * true behind a captive portal or on a line that times out. True when the reader is offline.
 */
async function showWhenOpenedOffline(ui: OfflineElements, worker: ServiceWorker): Promise<boolean> {
  const answer = (await messageSW(worker, { type: OFFLINE_MESSAGES.openedOffline })) as OpenedAnswer | null;
  if (answer?.signIn) showSignIn(ui);
  if (!answer?.offlineCopyFrom) return false;
  ui.savedAt.textContent = savedAtText(answer.offlineCopyFrom);
  ui.savedAt.hidden = false;
  return true;
}

function showProgress(ui: OfflineElements, status: Pick<OfflineStatus, 'saved' | 'total'>): void {
  if (status.total === 0) return;
  ui.progress.textContent = progressText(status);
  ui.progress.closest<HTMLElement>('[data-offline-copy]')?.removeAttribute('hidden');
}

/** Back from signing in: the address the reader sees (and shares) is the page's own. */
function forgetSignInParameter(): void {
  const address = new URL(location.href);
  if (!address.searchParams.has(SIGN_IN_PARAMETER)) return;
  address.searchParams.delete(SIGN_IN_PARAMETER);
  history.replaceState(history.state, '', address.href);
}

/**
 * The reader's session behind the handbook's sign-in ended: the copy cannot be brought up to
 * date until they sign in again. The link goes to the server (not the copy), through the sign-in.
 */
function showSignIn(ui: OfflineElements): void {
  if (ui.update.querySelector('[data-sign-in]')) return;
  const text = document.createElement('p');
  text.textContent = SIGN_IN_TEXT;
  const link = document.createElement('a');
  link.dataset.signIn = '';
  link.textContent = 'Sign in';
  const address = new URL(location.href);
  address.searchParams.set(SIGN_IN_PARAMETER, '');
  link.href = address.href;
  ui.update.replaceChildren(text, link);
  ui.update.classList.add('update-prompt--shown');
}

/** A new version is installed and waiting: say so, and switch over only when the reader is ready. */
function offerNewVersion(ui: OfflineElements, workbox: Workbox): void {
  if (ui.update.querySelector('button')) return;
  const text = document.createElement('p');
  text.textContent = 'A newer version of the handbook is ready.';
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = 'Reload';
  button.addEventListener('click', () => {
    button.disabled = true;
    // Reload once the new worker is in charge, so every file on the next page is the new version's.
    workbox.addEventListener('controlling', () => location.reload());
    workbox.messageSkipWaiting();
  });
  ui.update.replaceChildren(text, button);
  ui.update.classList.add('update-prompt--shown');
}
