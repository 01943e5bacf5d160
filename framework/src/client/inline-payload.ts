type InlineChunk = string | [base64: string];

/**
 * Reads the RSC payload the server inlined into the HTML (`self.__nexxo_rsc.push(chunk)` scripts)
 * as a stream, so hydration needs no second request. Scripts that run after this starts push
 * straight into the stream; it closes when the document has finished parsing.
 */
export function inlinePayloadStream(): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const globals = self as unknown as { __nexxo_rsc?: InlineChunk[] & { push: (chunk: InlineChunk) => number } };
  const queue = (globals.__nexxo_rsc ??= [] as never);
  const bytesOf = (chunk: InlineChunk): Uint8Array =>
    typeof chunk === 'string' ? encoder.encode(chunk) : Uint8Array.from(atob(chunk[0]), (character) => character.charCodeAt(0));
  return new ReadableStream({
    start(controller) {
      for (const chunk of queue) controller.enqueue(bytesOf(chunk));
      queue.length = 0;
      queue.push = (chunk: InlineChunk) => {
        controller.enqueue(bytesOf(chunk));
        return 0;
      };
      const close = () => controller.close();
      if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', close, { once: true });
      else close();
    },
  });
}
