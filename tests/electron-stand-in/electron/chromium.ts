import {
  chromium,
  type Frame,
  type Page,
  type Route,
  type Request as PwRequest,
} from 'playwright-core';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decode, encode } from '../codec';
import { IPC_BINDING } from '../page/renderer-runtime';
import { toAppUrl, toPageUrl } from '../url-mapping';
import { ipcMain } from './ipc-main';
import { cancellableEvent, runtime } from './runtime';
import { mappedSchemes, protocolHandlerFor, sessionForWindows } from './session';
import { contentsOf, type WebContents } from './windows';

const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/**
 * Electron's Chromium: one browser with one default session (a persistent context), started
 * before main runs. It listens for DevTools on a loopback port, so the test can drive the
 * windows as Playwright's _electron does with the real app.
 */
export async function startChromium(): Promise<void> {
  const profile = mkdtempSync(join(tmpdir(), 'electron-stand-in-profile-'));
  process.on('exit', () => rmSync(profile, { recursive: true, force: true }));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: existsSync(DEBIAN_CHROMIUM) ? DEBIAN_CHROMIUM : undefined,
    headless: runtime.options.headless,
    locale: runtime.options.locale,
    viewport: null,
    args: [
      '--remote-debugging-port=0',
      // Without these, Chromium keeps trying to reach Google's services on a closed network.
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      '--disable-gpu',
    ],
  });
  runtime.context = context;
  // A persistent context opens with a blank tab; Electron has no window until main makes one.
  for (const page of context.pages()) await page.close();
  await context.exposeBinding(IPC_BINDING, (source, kind: string, channel: string, args: unknown) =>
    carryIpc(source.page, source.frame, kind, channel, args),
  );
  await context.route('**/*', (route, request) => answer(route, request));
  runtime.report({ type: 'cdp', port: await devToolsPort(profile) });
}

async function devToolsPort(profile: string): Promise<number> {
  const file = join(profile, 'DevToolsActivePort');
  for (let i = 0; i < 200 && !existsSync(file); i++) await new Promise((r) => setTimeout(r, 25));
  return Number(readFileSync(file, 'utf8').split('\n')[0]);
}

/** ipcRenderer.invoke and send, arriving from a page: main's handlers get an Electron-shaped event. */
async function carryIpc(
  page: Page,
  frame: Frame,
  kind: string,
  channel: string,
  encodedArgs: unknown,
): Promise<unknown> {
  const contents = contentsOf(page);
  if (!contents) return encode({ ok: false, error: 'Error: no web contents for this page' });
  const args = decode(encodedArgs) as unknown[];
  const event = {
    sender: contents,
    senderFrame: contents.frameFor(frame),
    frameId: contents.frameFor(frame).routingId,
    processId: 1,
  };
  if (kind === 'window-open') {
    const [frameName, features] = args as [string, string];
    await openWindow(contents, toAppUrl(channel), frameName, features);
    return null;
  }
  if (kind === 'send') {
    ipcMain.emit(channel, event, ...args);
    return null;
  }
  const handler = ipcMain.handlerFor(channel);
  if (!handler)
    return encode({ ok: false, error: `Error: No handler registered for '${channel}'` });
  try {
    return encode({ ok: true, value: await handler(event, ...args) });
  } catch (error) {
    return encode({ ok: false, error: String(error) });
  }
}

/** Every request a window makes: navigation events, the session's hooks, then the app's protocol. */
async function answer(route: Route, request: PwRequest): Promise<void> {
  const url = toAppUrl(request.url());
  const frame = request.frame();
  const contents = contentsOf(frame.page());
  if (contents && request.isNavigationRequest() && refusesNavigation(contents, frame, url)) {
    runtime.refusedNavigations.push(url);
    return route.abort('aborted');
  }
  const cancelled = await sessionForWindows.cancels({
    url,
    method: request.method(),
    resourceType: request.resourceType(),
    webContentsId: contents?.id,
  });
  if (cancelled) {
    runtime.cancelledRequests.push(url);
    return route.abort('blockedbyclient');
  }
  const handler = protocolHandlerFor(url);
  if (!handler) return route.continue();
  const response = await handler(
    new Request(url, { method: request.method(), headers: await request.allHeaders() }),
  );
  const headers = await sessionForWindows.headersAfterHook(url, response.status, response.headers);
  return route.fulfill({
    status: response.status,
    headers: Object.fromEntries(
      Object.entries(headers).map(([name, values]) => [name, values.join(', ')]),
    ),
    body: Buffer.from(await response.arrayBuffer()),
  });
}

/** will-frame-navigate for any frame, will-navigate for the main frame; either may cancel. */
function refusesNavigation(contents: WebContents, frame: Frame, url: string): boolean {
  const isMainFrame = frame === frame.page().mainFrame();
  if (isMainFrame && contents.takeOwnNavigation()) return false;
  const event = cancellableEvent({ url, isMainFrame, frame: contents.frameFor(frame) });
  contents.emit('will-frame-navigate', event);
  if (isMainFrame && !event.defaultPrevented) contents.emit('will-navigate', event, url);
  return event.defaultPrevented;
}

/** window.open: main's handler decides; a denied open makes nothing and is recorded. */
async function openWindow(
  contents: WebContents,
  url: string,
  frameName: string,
  features: string,
): Promise<void> {
  const decision = contents.windowOpenHandler?.({ url, frameName, features }) ?? {
    action: 'allow',
  };
  if (decision.action === 'deny') {
    runtime.deniedWindowOpens.push(url);
    return;
  }
  const page = await runtime.context!.newPage();
  await page.goto(toPageUrl(url, mappedSchemes())).catch(() => undefined);
}
