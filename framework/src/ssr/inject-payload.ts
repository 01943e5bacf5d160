/**
 * Inlines the RSC stream into the HTML stream as `<script>` tags, so the browser hydrates from the
 * same render the HTML came from. React writes one flush as several chunks that may split a tag,
 * so scripts are written only after a macrotask boundary (when React's flush is complete) and never
 * before the first HTML chunk, which opens `<html>` and `<body>`.
 */
export function injectPayload(payload: ReadableStream<Uint8Array>): TransformStream<Uint8Array, Uint8Array> {
  const encoder = new TextEncoder();
  const decoder = new TextDecoder();
  let pending: string[] = [];
  let controller: TransformStreamDefaultController<Uint8Array> | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let payloadDone: Promise<void> | undefined;
  let closed = false;
  /** React writes `</body></html>` last; it is held back so the final scripts stay inside the document. */
  let documentEnd = false;
  const documentEndBytes = encoder.encode('</body></html>');

  const writeScripts = () => {
    timer = undefined;
    if (!controller || closed || pending.length === 0) return;
    const scripts = pending.map(scriptFor).join('');
    pending = [];
    try {
      controller.enqueue(encoder.encode(scripts));
    } catch {
      // The response was cancelled (the client went away).
      closed = true;
    }
  };
  const scheduleScripts = () => {
    if (controller && !timer) timer = setTimeout(writeScripts, 0);
  };

  const readPayload = async () => {
    const reader = payload.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      pending.push(decoder.decode(value, { stream: true }));
      scheduleScripts();
    }
    const rest = decoder.decode();
    if (rest) pending.push(rest);
  };

  return new TransformStream({
    start() {
      payloadDone = readPayload();
      // The HTML stream waits for the payload anyway; a rejected read must not be unhandled.
      payloadDone.catch(() => {});
    },
    transform(chunk, streamController) {
      controller = streamController;
      if (endsWith(chunk, documentEndBytes)) {
        documentEnd = true;
        chunk = chunk.subarray(0, chunk.byteLength - documentEndBytes.byteLength);
      }
      if (chunk.byteLength > 0) streamController.enqueue(chunk);
      scheduleScripts();
    },
    async flush(streamController) {
      controller = streamController;
      await payloadDone;
      if (timer) clearTimeout(timer);
      writeScripts();
      if (documentEnd) streamController.enqueue(documentEndBytes);
      closed = true;
    },
  });
}

function endsWith(chunk: Uint8Array, suffix: Uint8Array): boolean {
  if (chunk.byteLength < suffix.byteLength) return false;
  const offset = chunk.byteLength - suffix.byteLength;
  return suffix.every((byte, index) => chunk[offset + index] === byte);
}

/** A JSON string literal is safe inside <script> once `<` is escaped (no `</script>`, no `<!--`). */
function scriptFor(chunk: string): string {
  const literal = JSON.stringify(chunk).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
  return `<script>(self.__nexxo_rsc=self.__nexxo_rsc||[]).push(${literal})</script>`;
}
