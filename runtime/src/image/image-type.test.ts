import { describe, expect, it } from 'vitest';
import { sniffImageType } from './image-type.js';

const bytes = (...parts: (string | number[])[]) => new Uint8Array(parts.flatMap((part) => (typeof part === 'string' ? [...new TextEncoder().encode(part)] : part)));

describe('sniffImageType', () => {
  it('recognises images by their first bytes', () => {
    expect(sniffImageType(bytes([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(sniffImageType(bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a]))).toBe('image/png');
    expect(sniffImageType(bytes('GIF89a'))).toBe('image/gif');
    expect(sniffImageType(bytes('RIFF', [0, 0, 0, 0], 'WEBPVP8 '))).toBe('image/webp');
    expect(sniffImageType(bytes([0, 0, 0, 0x1c], 'ftypavif'))).toBe('image/avif');
    expect(sniffImageType(bytes([0, 0, 1, 0]))).toBe('image/x-icon');
  });

  it('recognises SVG after a prolog, comments and a doctype, and nothing else that is text', () => {
    expect(sniffImageType(bytes('\uFEFF<?xml version="1.0"?>\n<!-- c -->\n<!DOCTYPE svg>\n<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBe('image/svg+xml');
    expect(sniffImageType(bytes('<svg>'))).toBe('image/svg+xml');
    expect(sniffImageType(bytes('<html><svg></svg></html>'))).toBeNull();
    expect(sniffImageType(bytes('{"json": true}'))).toBeNull();
    expect(sniffImageType(new Uint8Array())).toBeNull();
  });
});
