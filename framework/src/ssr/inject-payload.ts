/**
 * Inlines the RSC stream into the HTML stream as `<script>` tags, so the browser hydrates from the
 * same render the HTML came from. React writes one flush as several chunks that may split a tag,
 * so scripts are written only after a macrotask boundary (when React's flush is complete) and never
 * before the first HTML chunk, which opens `<html>` and `<body>`. Text rows travel as strings;
 * bytes that are not UTF-8 (typed arrays in props) travel as base64, `[ "…" ]`.
 */
export function injectPayload(payload: ReadableStream<Uint8Array>): TransformStream<Uint8Array, Uint8Array> {
  const encoder = new TextEncoder();
  const chunks = new PayloadChunks();
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
    const scripts = pending.map((argument) => `<script>(self.__nexxo_rsc=self.__nexxo_rsc||[]).push(${argument})</script>`).join('');
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
      const argument = chunks.encode(value);
      if (argument) pending.push(argument);
      scheduleScripts();
    }
    const rest = chunks.finish();
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
    // No backpressure towards React: every chunk of a flush passes through here in the task React
    // wrote it, before the scripts' timer can fire. With it, a slow reader (a compressing server)
    // held the rest of a flush back and a script landed in the middle of a tag.
    // A finite count: workerd (Cloudflare) rejects a highWaterMark that is not an integer.
  }, undefined, { highWaterMark: 2 ** 31 - 1 });
}

/**
 * Turns payload bytes into script arguments: a JSON string for UTF-8 text (an incomplete character
 * at the end of a chunk waits for the next one), a one-element array of base64 for anything else.
 */
class PayloadChunks {
  readonly #decoder = new TextDecoder('utf-8', { fatal: true });
  #carry = new Uint8Array(0);

  encode(bytes: Uint8Array): string | null {
    const all = concat(this.#carry, bytes);
    const complete = completeUtf8Length(all);
    try {
      const text = this.#decoder.decode(all.subarray(0, complete));
      this.#carry = all.slice(complete);
      return text ? safeLiteral(text) : null;
    } catch {
      this.#carry = new Uint8Array(0);
      return `[${JSON.stringify(toBase64(all))}]`;
    }
  }

  finish(): string | null {
    if (this.#carry.byteLength === 0) return null;
    const rest = this.#carry;
    this.#carry = new Uint8Array(0);
    return `[${JSON.stringify(toBase64(rest))}]`;
  }
}

/** Length of `bytes` without a UTF-8 sequence cut off at the end. */
function completeUtf8Length(bytes: Uint8Array): number {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const byte = bytes[bytes.length - back]!;
    if ((byte & 0xc0) === 0x80) continue; // continuation byte: look further back for the lead
    const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return needed > back ? bytes.length - back : bytes.length;
  }
  return bytes.length;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.byteLength === 0) return b;
  const result = new Uint8Array(a.byteLength + b.byteLength);
  result.set(a);
  result.set(b, a.byteLength);
  return result;
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let index = 0; index < bytes.length; index += 0x8000) binary += String.fromCharCode(...bytes.subarray(index, index + 0x8000));
  return btoa(binary);
}

function endsWith(chunk: Uint8Array, suffix: Uint8Array): boolean {
  if (chunk.byteLength < suffix.byteLength) return false;
  const offset = chunk.byteLength - suffix.byteLength;
  return suffix.every((byte, index) => chunk[offset + index] === byte);
}

/** A JSON string literal is safe inside <script> once `<` is escaped (no `</script>`, no `<!--`). */
function safeLiteral(text: string): string {
  return JSON.stringify(text).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}
