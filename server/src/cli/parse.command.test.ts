import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runParseCommand } from './parse.command.js';

function collect(): { stream: PassThrough; text: () => string } {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}

async function run(args: string[], input = '') {
  const out = collect();
  const err = collect();
  const code = await runParseCommand(args, { stdin: Readable.from([input]), stdout: out.stream, stderr: err.stream });
  return { code, out: out.text(), err: err.text() };
}

describe('idkarr parse', () => {
  it('prints a TV release in human-readable form', async () => {
    const r = await run(['Series.Title.S02E05.720p.HDTV.x264-GRP']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('type:');
    expect(r.out).toContain('tv');
    expect(r.out).toMatch(/series:\s+Series Title/);
    expect(r.out).toMatch(/season:\s+2/);
    expect(r.out).toMatch(/episodes:\s+5/);
  });

  it('prints one JSON object with --json', async () => {
    const r = await run(['Series.Title.2015.09.07.Part1.720p.HULU.WEBRip.AAC2.0.H.264-Sonarr', '--json']);
    const obj = JSON.parse(r.out) as { type: string; parsed: { airDate: string; dailyPart: number } };
    expect(obj.type).toBe('tv');
    expect(obj.parsed.airDate).toBe('2015-09-07');
    expect(obj.parsed.dailyPart).toBe(1);
  });

  it('auto falls back to the movie parser when there is no episode numbering', async () => {
    const r = await run(['--json', 'Some.Movie.2013.German.DTS.DL.720p.BluRay.x264-Pate']);
    const obj = JSON.parse(r.out) as { type: string | null };
    expect(obj.type).toBe('movie');
  });

  it('--type tv refuses a title without episode numbering', async () => {
    const r = await run(['--type', 'tv', '--json', 'Some.Movie.2013.German.DTS.DL.720p.BluRay.x264-Pate']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out)).toMatchObject({ type: null, parsed: null });
  });

  it('--stdin reads one title per line and writes JSON Lines', async () => {
    const r = await run(['--stdin'], 'Series.S01E01.720p.HDTV-GRP\n\n[Group] Anime Show - 07 [720p]\n');
    expect(r.code).toBe(0);
    const lines = r.out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { input: string; parsed: { absoluteEpisodeNumbers: number[] } });
    expect(lines).toHaveLength(2);
    expect(lines[1]!.input).toBe('[Group] Anime Show - 07 [720p]');
    expect(lines[1]!.parsed.absoluteEpisodeNumbers).toEqual([7]);
  });

  it('rejects bad arguments with exit code 2', async () => {
    expect((await run([])).code).toBe(2);
    expect((await run(['x', '--type', 'music'])).code).toBe(2);
    expect((await run(['x', '--bogus'])).code).toBe(2);
    expect((await run(['x', '--stdin'])).code).toBe(2);
  });
});
