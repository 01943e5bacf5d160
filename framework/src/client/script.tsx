'use client';
import { useEffect, useRef, useState, useSyncExternalStore, type ReactNode, type ScriptHTMLAttributes } from 'react';
import { preload } from 'react-dom';

export type ScriptStrategy = 'beforeInteractive' | 'afterInteractive' | 'lazyOnload' | 'worker';

export interface ScriptProps extends Omit<ScriptHTMLAttributes<HTMLScriptElement>, 'onLoad' | 'onError' | 'children'> {
  /** When the script loads. Default `'afterInteractive'`. */
  strategy?: ScriptStrategy;
  /** Identifies an inline script (required for one), and deduplicates scripts across renders. */
  id?: string;
  /** After the script has loaded, once. */
  onLoad?: (event: Event) => void;
  /** After the script has loaded, and again each time a component with it mounts later. */
  onReady?: () => void;
  onError?: (error: unknown) => void;
  /** An inline script's code. */
  children?: string;
}

/** Scripts (by id, else src) that have run; a later <Script> with the same key does not load it again. */
const loadedKeys = new Set<string>();
/** Downloads by src: several <Script>s with one src share it, each gets its onLoad. */
const downloads = new Map<string, Promise<void>>();

const noSubscription = () => () => {};

/**
 * A third-party or inline script, loaded when it least delays the page, once per document:
 * - `beforeInteractive`: in the server HTML, so it runs before the app hydrates. Place it in the
 *   root layout.
 * - `afterInteractive` (default): right after hydration.
 * - `lazyOnload`: when the browser is idle after the page has loaded.
 * @example
 * <Script src="https://example.com/analytics.js" strategy="lazyOnload" onLoad={() => console.log('ready')} />
 * <Script id="setup">{`window.dataLayer = [];`}</Script>
 */
export function Script(props: ScriptProps): ReactNode {
  const { strategy = 'afterInteractive', src, id, onReady } = props;
  if (strategy === 'worker')
    throw new Error(`<Script strategy="worker"${src ? ` src="${src}"` : ''}> is not supported by Nexxo: running scripts in a web worker needs Partytown, which Nexxo does not include. Use strategy="lazyOnload" (loads when the browser is idle) or "afterInteractive".`);
  if (!src && !id && (props.children || props.dangerouslySetInnerHTML))
    throw new Error('An inline <Script> needs an `id`, so that Nexxo can tell whether it has already run: <Script id="setup">{`…`}</Script>.');
  const key = id ?? src ?? null;
  // Server render and hydration see the script in the HTML; a component mounted later on the client does not.
  const onClient = useSyncExternalStore(noSubscription, () => true, () => false);
  const [inServerHtml] = useState(!onClient);
  const onReadyCalled = useRef(false);
  const loadCalled = useRef(false);

  useEffect(() => {
    if (onReadyCalled.current) return;
    onReadyCalled.current = true;
    if (onReady && key && loadedKeys.has(key)) onReady();
  }, [onReady, key]);

  useEffect(() => {
    if (loadCalled.current) return;
    loadCalled.current = true;
    if (strategy === 'beforeInteractive' && inServerHtml) {
      // It ran from the server HTML before hydration.
      if (key && !loadedKeys.has(key)) {
        loadedKeys.add(key);
        if (src) downloads.set(src, Promise.resolve());
        onReady?.();
      }
    } else if (strategy === 'lazyOnload') loadWhenIdle(props);
    else loadScript(props);
  }, [props, strategy, inServerHtml, key, src, onReady]);

  if (strategy === 'beforeInteractive' && inServerHtml) {
    const attributes = scriptAttributes(props);
    const code = inlineCode(props);
    return code === null ? <script {...attributes} src={src} /> : <script {...attributes} dangerouslySetInnerHTML={{ __html: code }} />;
  }
  // Fetched early, from <head>; run after hydration.
  if (strategy === 'afterInteractive' && src) preload(src, { as: 'script', ...(props.integrity ? { integrity: props.integrity } : {}), ...(props.crossOrigin !== undefined ? { crossOrigin: props.crossOrigin } : {}) });
  return null;
}

function inlineCode(props: ScriptProps): string | null {
  if (props.dangerouslySetInnerHTML) return String(props.dangerouslySetInnerHTML.__html ?? '');
  if (typeof props.children === 'string') return props.children;
  if (Array.isArray(props.children)) return (props.children as unknown[]).join('');
  return null;
}

/** The props that are attributes of the <script> element. */
function scriptAttributes(props: ScriptProps): ScriptHTMLAttributes<HTMLScriptElement> & { 'data-nscript': string } {
  const { strategy = 'afterInteractive', onLoad: _onLoad, onReady: _onReady, onError: _onError, children: _children, dangerouslySetInnerHTML: _html, src: _src, ...attributes } = props;
  return { ...attributes, 'data-nscript': strategy };
}

function loadScript(props: ScriptProps): void {
  const { src, id, onLoad, onReady, onError, strategy = 'afterInteractive' } = props;
  const key = id ?? src;
  if (key && loadedKeys.has(key)) return;
  const pending = src ? downloads.get(src) : undefined;
  if (src && pending) {
    if (key) loadedKeys.add(key);
    pending.then(() => onLoad?.(new Event('load')), (error: unknown) => onError?.(error));
    return;
  }
  const ran = () => {
    if (key) loadedKeys.add(key);
    onReady?.();
  };
  const element = document.createElement('script');
  const code = inlineCode(props);
  for (const [name, value] of Object.entries(scriptAttributes(props))) {
    if (value === undefined || value === false || typeof value === 'function' || typeof value === 'object') continue;
    element.setAttribute(ATTRIBUTE_NAMES[name] ?? name.toLowerCase(), value === true ? '' : String(value));
  }
  element.setAttribute('data-nscript', strategy);
  if (code !== null) {
    element.textContent = code;
    document.body.appendChild(element);
    ran();
    return;
  }
  if (!src) return;
  const download = new Promise<void>((resolve, reject) => {
    element.addEventListener('load', (event) => {
      resolve();
      onLoad?.(event);
      ran();
    });
    element.addEventListener('error', (event) => reject(event));
  });
  download.catch((error: unknown) => {
    downloads.delete(src);
    onError?.(error);
  });
  downloads.set(src, download);
  element.src = src;
  document.body.appendChild(element);
}

function loadWhenIdle(props: ScriptProps): void {
  const idle = () => (typeof requestIdleCallback === 'function' ? requestIdleCallback(() => loadScript(props)) : setTimeout(() => loadScript(props), 1));
  if (document.readyState === 'complete') idle();
  else window.addEventListener('load', idle, { once: true });
}

// React prop names whose attribute is spelled differently.
const ATTRIBUTE_NAMES: Record<string, string> = { className: 'class', htmlFor: 'for', crossOrigin: 'crossorigin', noModule: 'nomodule', referrerPolicy: 'referrerpolicy', fetchPriority: 'fetchpriority' };
