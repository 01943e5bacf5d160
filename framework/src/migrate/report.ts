/** One line of the report: where (file, and a 1-based line when known) and what. */
export interface ReportItem {
  file: string;
  line?: number;
  message: string;
}

type Section = 'changed' | 'rewritten' | 'kept' | 'attention' | 'blocking';

const HEADINGS: Record<Section, string> = {
  changed: 'Changed',
  rewritten: 'Rewritten code',
  kept: 'Works as is',
  attention: 'Needs attention',
  blocking: 'Unsupported / blocking (the app will not run until these are fixed)',
};

/**
 * What a migration did and what it left to the user, collected by each step and printed at the
 * end. Items under `blocking` make `nexxo migrate` exit with 1.
 */
export class MigrationReport {
  private readonly items: Record<Section, ReportItem[]> = { changed: [], rewritten: [], kept: [], attention: [], blocking: [] };

  changed(file: string, message: string): void {
    this.items.changed.push({ file, message });
  }

  rewritten(file: string, line: number, message: string): void {
    this.items.rewritten.push({ file, line, message });
  }

  kept(file: string, message: string): void {
    this.items.kept.push({ file, message });
  }

  attention(file: string, message: string, line?: number): void {
    this.items.attention.push({ file, line, message });
  }

  blocking(file: string, message: string, line?: number): void {
    this.items.blocking.push({ file, line, message });
  }

  get blocked(): boolean {
    return this.items.blocking.length > 0;
  }

  list(section: Section): readonly ReportItem[] {
    return this.items[section];
  }

  /** Plain text, one item per line, empty sections left out; `nextSteps` closes it. */
  render(nextSteps: string[]): string {
    const parts: string[] = [];
    for (const section of Object.keys(HEADINGS) as Section[]) {
      const items = this.items[section];
      if (items.length === 0) continue;
      parts.push(`${HEADINGS[section]}:\n${items.map((item) => `  ${locationOf(item)}: ${indentContinuation(item.message)}`).join('\n')}`);
    }
    if (parts.length === 0) parts.push('Nothing to change: the project already looks like a Nexxo app.');
    parts.push(`Next steps:\n${nextSteps.map((step) => `  ${step}`).join('\n')}`);
    return parts.join('\n\n');
  }
}

function locationOf(item: ReportItem): string {
  return item.line === undefined ? item.file : `${item.file}:${item.line}`;
}

function indentContinuation(message: string): string {
  return message.replace(/\n/g, '\n    ');
}
