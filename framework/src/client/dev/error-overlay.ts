/** What the dev server reports about a build or render error. */
export interface DevError {
  message: string;
  file?: string;
  line?: number;
  column?: number;
  /** Source lines around the error, with the failing line marked. */
  frame?: string;
}

const TAG = 'nexxo-error-overlay';

/** Shows the error over the page, in a shadow root so the app's CSS cannot touch it. */
export function showErrorOverlay(error: DevError): void {
  hideErrorOverlay();
  const host = document.createElement(TAG);
  const root = host.attachShadow({ mode: 'open' });
  const location = error.file ? `${error.file}${error.line ? `:${error.line}${error.column ? `:${error.column}` : ''}` : ''}` : '';
  root.innerHTML = `
    <style>
      :host { position: fixed; inset: 0; z-index: 2147483647; background: rgba(0,0,0,.66); display: grid; place-items: start center; overflow: auto; font: 14px/1.5 ui-monospace, SFMono-Regular, Menlo, monospace; }
      .panel { margin: 48px 16px; max-width: 960px; width: calc(100% - 32px); background: #181818; color: #eee; border-top: 4px solid #ff5555; border-radius: 6px; padding: 20px 24px; box-shadow: 0 12px 40px rgba(0,0,0,.5); }
      h2 { margin: 0 0 8px; font-size: 16px; color: #ff7777; }
      .file { color: #7fb4ff; margin-bottom: 12px; }
      pre { margin: 0; white-space: pre-wrap; overflow-x: auto; background: #0e0e0e; padding: 12px; border-radius: 4px; }
      .hint { margin-top: 12px; color: #aaa; font-size: 12px; }
    </style>
    <div class="panel" role="alert">
      <h2></h2>
      <div class="file"></div>
      <pre></pre>
      <div class="hint">Fix the file and save: the page recovers by itself. <button type="button">Dismiss (Esc)</button></div>
    </div>`;
  const dismiss = () => {
    host.remove();
    removeEventListener('keydown', onKey);
  };
  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape') dismiss();
  };
  root.querySelector('button')!.addEventListener('click', dismiss);
  addEventListener('keydown', onKey);
  root.querySelector('h2')!.textContent = error.message.split('\n')[0] ?? 'Error';
  root.querySelector('.file')!.textContent = location;
  root.querySelector('pre')!.textContent = error.frame ?? error.message;
  document.documentElement.appendChild(host);
}

export function hideErrorOverlay(): void {
  document.querySelectorAll(TAG).forEach((element) => element.remove());
}
