/**
 * Reads the RSC payload the server inlined into the HTML (`self.__nexxo_rsc.push(chunk)` scripts)
 * as a stream, so hydration needs no second request. Scripts that run after this starts push
 * straight into the stream; it closes when the document has finished parsing.
 */
export function inlinePayloadStream(): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const globals = self as unknown as { __nexxo_rsc?: string[] & { push: (chunk: string) => number } };
  const queue = (globals.__nexxo_rsc ??= [] as never);
  return new ReadableStream({
    start(controller) {
      for (const chunk of queue) controller.enqueue(encoder.encode(chunk));
      queue.length = 0;
      queue.push = (chunk: string) => {
        controller.enqueue(encoder.encode(chunk));
        return 0;
      };
      const close = () => controller.close();
      if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', close, { once: true });
      else close();
    },
  });
}
