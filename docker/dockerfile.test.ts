import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** Docker is not on the test machines: this checks the shape the docs promise. */
describe('docker/Dockerfile', () => {
  const dockerfile = readFileSync(new URL('./Dockerfile', import.meta.url), 'utf8');
  const instructions = dockerfile
    .replace(/\\\n\s*/g, ' ')
    .split('\n')
    .filter((line) => line.trim() && !line.startsWith('#'));

  it('builds in a deps and a build stage and runs from a third', () => {
    expect(instructions.filter((line) => line.startsWith('FROM ')).map((line) => line.split(' AS ')[1])).toEqual(['deps', 'build', 'runner']);
    expect(instructions).toContain('RUN --mount=type=cache,target=/root/.npm npm ci');
    expect(instructions).toContain('RUN npx nexxo build --adapter node');
  });

  it('copies only the standalone folder into the final stage and runs it as a non-root user', () => {
    const runner = instructions.slice(instructions.findIndex((line) => line.endsWith('AS runner')));
    expect(runner.filter((line) => line.startsWith('COPY '))).toEqual(['COPY --from=build --chown=node:node /app/.nexxo/standalone ./']);
    expect(runner).toContain('USER node');
    expect(runner).toContain('EXPOSE 3000');
    expect(runner.at(-1)).toBe('CMD ["node", "server.js"]');
    expect(runner.find((line) => line.startsWith('ENV '))).toMatch(/PORT=3000 .*HOSTNAME=0\.0\.0\.0/);
  });

  it('checks health with node against 127.0.0.1 and $PORT', () => {
    const healthcheck = instructions.find((line) => line.startsWith('HEALTHCHECK '));
    const command = JSON.parse(healthcheck!.slice(healthcheck!.indexOf('CMD ') + 4)) as string[];
    expect(command.slice(0, 2)).toEqual(['node', '-e']);
    expect(command[2]).toContain("'http://127.0.0.1:' + (process.env.PORT || 3000)");
  });
});
