import { describe, expect, it } from 'vitest';
import { injectPayload } from './inject-payload.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A byte stream that produces each chunk after waiting `delay` ms. */
function streamOf(chunks: string[], delay = 0): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let index = 0;
  return new ReadableStream({
    async pull(controller) {
      await sleep(delay);
      if (index < chunks.length) controller.enqueue(encoder.encode(chunks[index++]));
      else controller.close();
    },
  });
}

/** Pipes the HTML through injectPayload and returns the output chunks as text. */
async function render(html: ReadableStream<Uint8Array>, payload: ReadableStream<Uint8Array>): Promise<string[]> {
  const decoder = new TextDecoder();
  const chunks: string[] = [];
  const reader = html.pipeThrough(injectPayload(payload)).getReader();
  for (let read = await reader.read(); !read.done; read = await reader.read()) chunks.push(decoder.decode(read.value));
  return chunks;
}

const SCRIPT = /<script>\(self\.__nexxo_rsc=self\.__nexxo_rsc\|\|\[\]\)\.push\(("[^<]*")\)<\/script>/g;
/** The strings pushed by every script tag in the output, JSON-decoded. */
const pushed = (output: string) => [...output.matchAll(SCRIPT)].map((match) => JSON.parse(match[1]!) as string);

const HTML = ['<!DOCTYPE html><html><head></head><body>', '<main>Hello</main>', '<p>more</p>', '</body></html>'];

describe('injectPayload', () => {
  it('inlines the payload as __nexxo_rsc push scripts whose strings add up to the payload', async () => {
    const payload = ['0:{"a":1}\n', '1:["$","div",null,{}]\n', '2:"end"\n'];
    const output = (await render(streamOf(HTML, 5), streamOf(payload, 5))).join('');
    expect(pushed(output).length).toBeGreaterThan(0);
    expect(pushed(output).join('')).toBe(payload.join(''));
    expect(output.replace(SCRIPT, '')).toBe(HTML.join(''));
  });

  it('writes no script before the first HTML chunk', async () => {
    // The payload is complete long before the HTML starts.
    const html = streamOf(HTML, 30);
    const chunks = await render(html, streamOf(['0:"early"\n', '1:"also early"\n']));
    expect(chunks[0]).toBe(HTML[0]);
    expect(pushed(chunks.join('')).join('')).toBe('0:"early"\n1:"also early"\n');
  });

  it('keeps </body></html> at the very end, after the last script', async () => {
    // The payload ends after the HTML's last chunk was already written.
    const output = (await render(streamOf(HTML), streamOf(['0:"a"\n', '1:"late"\n'], 20))).join('');
    expect(output.endsWith(')</script></body></html>')).toBe(true);
    expect(output.indexOf('</body></html>')).toBe(output.length - '</body></html>'.length);
    expect(pushed(output).join('')).toBe('0:"a"\n1:"late"\n');
  });

  it('escapes </script> and <!-- in the payload so they cannot break out of the script tag', async () => {
    const hostile = '0:"</script><script>alert(1)</script><!-- \u2028"\n';
    const output = (await render(streamOf(HTML, 5), streamOf([hostile], 5))).join('');
    // Every `<script` and `</script` in the output belongs to one of the injected tags.
    const ownTags = output.match(/<script>\(self\.__nexxo_rsc=/g)?.length ?? 0;
    expect(ownTags).toBeGreaterThan(0);
    expect(output.match(/<script/gi)).toHaveLength(ownTags);
    expect(output.match(/<\/script/gi)).toHaveLength(ownTags);
    expect(output).not.toContain('<!--');
    expect(output).not.toContain('\u2028');
    expect(pushed(output).join('')).toBe(hostile);
  });

  it('never writes a script inside a flush React split into chunks, however slowly the response is read', async () => {
    // React writes one flush as several chunks in one task; a slow reader (a compressing server)
    // must not let the timer for the scripts fire between them, in the middle of a tag.
    const encoder = new TextEncoder();
    const html = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(encoder.encode(HTML[0]!));
        setTimeout(() => {
          for (const part of ['<img id="x" alt="a', '" srcset="/a 1x, /b 2x" src', '="/b"/>', '</body></html>']) controller.enqueue(encoder.encode(part));
          controller.close();
        }, 5);
      },
    });
    const payload = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(encoder.encode('0:"a"\n'));
        // Arrives while the reader holds the first chunk of the flush.
        setTimeout(() => controller.enqueue(encoder.encode('1:"b"\n')), 25);
        setTimeout(() => controller.close(), 60);
      },
    });
    const reader = html.pipeThrough(injectPayload(payload)).getReader();
    let output = '';
    for (let read = await reader.read(); !read.done; read = await reader.read()) {
      output += new TextDecoder().decode(read.value);
      await sleep(10);
    }
    expect(output).toContain('<img id="x" alt="a" srcset="/a 1x, /b 2x" src="/b"/>');
    expect(pushed(output).join('')).toBe('0:"a"\n1:"b"\n');
  });

  it('decodes a multi-byte character split across payload chunks', async () => {
    const bytes = new TextEncoder().encode('0:"café"\n');
    const split = bytes.indexOf(0xc3) + 1;
    const payload = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes.slice(0, split));
        controller.enqueue(bytes.slice(split));
        controller.close();
      },
    });
    const output = (await render(streamOf(HTML, 5), payload)).join('');
    expect(pushed(output).join('')).toBe('0:"café"\n');
  });
});
