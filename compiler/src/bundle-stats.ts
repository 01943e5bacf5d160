import type { OutputChunk, RolldownOutput } from 'rolldown';

/** One emitted chunk and what went into it, as Rolldown reports it after tree-shaking and minifying. */
export interface ChunkStats {
  /** File name relative to the environment's output folder. */
  fileName: string;
  isEntry: boolean;
  /** Bytes of the emitted code. */
  size: number;
  /** Chunks this one imports statically / dynamically (file names). */
  imports: string[];
  dynamicImports: string[];
  /** Module id → its rendered length in this chunk (bytes before minification of the whole chunk). */
  modules: Record<string, number>;
}

export type BundleStats = Record<'rsc' | 'ssr' | 'client', ChunkStats[]>;

/** Chunk and module sizes of one environment's output (`OutputChunk.modules[id].renderedLength`). */
export function chunkStats(output: RolldownOutput): ChunkStats[] {
  return output.output
    .filter((item): item is OutputChunk => item.type === 'chunk')
    .map((chunk) => ({
      fileName: chunk.fileName,
      isEntry: chunk.isEntry,
      size: Buffer.byteLength(chunk.code),
      imports: chunk.imports,
      dynamicImports: chunk.dynamicImports,
      modules: Object.fromEntries(Object.entries(chunk.modules).map(([id, module]) => [id, module.renderedLength])),
    }));
}
