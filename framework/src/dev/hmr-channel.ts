import type { DevMessage } from '../client/dev/dev-client.js';

/** A page that threw while rendering connects to the channel only after its HTML arrived. */
const RENDER_ERROR_REPLAY_MS = 3000;

/**
 * Server-sent events to every open page: one stream per page, messages as JSON. A page that
 * connects while the build is broken gets the error at once.
 */
export class HmrChannel {
  readonly #clients = new Set<ReadableStreamDefaultController<Uint8Array>>();
  readonly #encoder = new TextEncoder();
  #currentError: DevMessage | null = null;
  /** The last render error, replayed to a page that connects just after it (the page that threw). */
  #recentRenderError: { message: DevMessage; at: number } | null = null;

  connect(request: Request): Response {
    let client: ReadableStreamDefaultController<Uint8Array>;
    const stream = new ReadableStream<Uint8Array>({
      start: (controller) => {
        client = controller;
        this.#clients.add(controller);
        controller.enqueue(this.#encoder.encode(': connected\n\n'));
        if (this.#currentError) controller.enqueue(this.#frame(this.#currentError));
        else if (this.#recentRenderError && Date.now() - this.#recentRenderError.at < RENDER_ERROR_REPLAY_MS) controller.enqueue(this.#frame(this.#recentRenderError.message));
      },
      cancel: () => {
        this.#clients.delete(client);
      },
    });
    request.signal.addEventListener('abort', () => this.#clients.delete(client));
    return new Response(stream, { headers: { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache', Connection: 'keep-alive' } });
  }

  send(message: DevMessage): void {
    // A page that connects later needs to know the build is broken, not about an old render.
    if (message.type === 'error' && message.source === 'build') this.#currentError = message;
    if (message.type === 'error' && message.source === 'render') this.#recentRenderError = { message, at: Date.now() };
    if (message.type === 'clear-error') {
      this.#currentError = null;
      this.#recentRenderError = null;
    }
    const frame = this.#frame(message);
    for (const client of this.#clients) {
      try {
        client.enqueue(frame);
      } catch {
        this.#clients.delete(client);
      }
    }
  }

  close(): void {
    for (const client of this.#clients) {
      try {
        client.close();
      } catch {
        // already closed
      }
    }
    this.#clients.clear();
  }

  #frame(message: DevMessage): Uint8Array {
    return this.#encoder.encode(`data: ${JSON.stringify(message)}\n\n`);
  }
}
