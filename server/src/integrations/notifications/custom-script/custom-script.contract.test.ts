// Custom scripts run for real: a shell script writes its environment to a file (the idkarr_* variables are
// asserted), a script that sleeps after starting a child is killed with the child at the timeout, and bad paths
// are findings on `path`.
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../../lib/clock.js';
import { ValidationError } from '../../../lib/errors.js';
import { silentLogger } from '../../../lib/logger.js';
import type { IntegrationContext } from '../../../providers/integration.js';
import { parseSettings } from '../../../providers/settings-schema.js';
import {
  downloadMessage,
  fileDeleteMessage,
  grabMessage,
  type MessageContext,
} from '../../../services/notifications/messages.js';
import { CustomScriptNotifier, ScriptFailedError } from './adapter.js';
import { customScriptSettings } from './settings.js';

const CTX: MessageContext = {
  instanceName: 'idkarr',
  applicationUrl: 'http://localhost:8989',
  occurredAt: '2030-01-01T00:00:00.000Z',
};
const SERIES = {
  id: 1,
  title: 'Breaking Bad',
  titleSlug: 'breaking-bad',
  path: '/tv/Breaking Bad',
  tvdbId: 81189,
  imdbId: 'tt0903747',
  type: 'standard',
  year: 2008,
};
const EPISODES = [
  { id: 1, episodeNumber: 1, seasonNumber: 1, title: 'Pilot' },
  { id: 2, episodeNumber: 2, seasonNumber: 1, title: "Cat's in the Bag..." },
];
const FILE = {
  id: 1,
  relativePath: 'Season 01/Breaking.Bad.S01E01-E02.BluRay.1080p.mkv',
  path: '/tv/Breaking Bad/Season 01/Breaking.Bad.S01E01-E02.BluRay.1080p.mkv',
  quality: 'Bluray-1080p',
  qualityVersion: 1,
  releaseGroup: 'DEMAND',
  sceneName: 'Breaking.Bad.S01E01E02.1080p.BluRay.x264-DEMAND',
  size: 4294967296,
  dateAdded: '2030-01-01T00:00:00.000Z',
};

const ctx: IntegrationContext = {
  log: silentLogger(),
  clock: systemClock,
  kind: 'notification',
  definitionId: 1,
  definitionName: 'script',
};

function script(dir: string, name: string, body: string, mode = 0o755): string {
  const path = join(dir, name);
  writeFileSync(path, `#!/bin/sh\n${body}\n`);
  chmodSync(path, mode);
  return path;
}

function envFile(path: string): Record<string, string> {
  const out: Record<string, string> = {};
  // `env -0`: NUL-separated, so values with newlines or '=' survive.
  for (const entry of readFileSync(path, 'utf8').split('\0')) {
    const i = entry.indexOf('=');
    if (i > 0) out[entry.slice(0, i)] = entry.slice(i + 1);
  }
  return out;
}

function notifier(settings: Record<string, unknown>, opts: { killGraceMs?: number } = {}): CustomScriptNotifier {
  return new CustomScriptNotifier(parseSettings(customScriptSettings, settings) as never, ctx, opts);
}

/** Running (a zombie counts as gone: killed, only not reaped yet, e.g. by a container's PID 1 that never reaps). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

describe('custom script contract', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'idkarr-script-'));
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('passes the idkarr_* variables of a Download (import) event, with arguments, and records exit code and output', async () => {
    const out = join(dir, 'env-download.txt');
    const path = script(dir, 'dump.sh', `env -0 > "${out}"\necho "args: $1 $2"\necho "to stderr" >&2`);
    const n = notifier({ path, arguments: ['--flag', 'two words'] });
    const previousKey = process.env.IDKARR_API_KEY;
    process.env.IDKARR_API_KEY = 'must-not-leak-1234567890';
    let result: Awaited<ReturnType<CustomScriptNotifier['deliver']>>;
    try {
      result = await n.deliver(
        downloadMessage(CTX, {
          subject: { series: SERIES, episodes: EPISODES },
          file: FILE,
          downloadClient: 'SABnzbd',
          downloadClientType: 'sabnzbd',
          downloadId: 'SABnzbd_nzo_abc123',
        }),
      );
    } finally {
      if (previousKey === undefined) delete process.env.IDKARR_API_KEY;
      else process.env.IDKARR_API_KEY = previousKey;
    }
    expect(result.report).toMatchObject({
      exitCode: 0,
      timedOut: false,
      stdout: 'args: --flag two words\n',
      stderr: 'to stderr\n',
    });
    const env = envFile(out);
    expect(env.IDKARR_API_KEY).toBeUndefined();
    expect(env.PATH).toBe(process.env.PATH);
    const ours = Object.fromEntries(Object.entries(env).filter(([k]) => k.startsWith('idkarr_')));
    expect(ours).toEqual({
      idkarr_eventtype: 'Download',
      idkarr_instancename: 'idkarr',
      idkarr_applicationurl: 'http://localhost:8989',
      idkarr_series_id: '1',
      idkarr_series_title: 'Breaking Bad',
      idkarr_series_titleslug: 'breaking-bad',
      idkarr_series_path: '/tv/Breaking Bad',
      idkarr_series_tvdbid: '81189',
      idkarr_series_imdbid: 'tt0903747',
      idkarr_series_type: 'standard',
      idkarr_series_year: '2008',
      idkarr_episodefile_id: '1',
      idkarr_episodefile_episodeids: '1,2',
      idkarr_episodefile_seasonnumber: '1',
      idkarr_episodefile_seasonumber: '1',
      idkarr_episodefile_episodenumbers: '1,2',
      idkarr_episodefile_episodecount: '2',
      idkarr_episodefile_episodetitles: "Pilot|Cat's in the Bag...",
      idkarr_episodefile_episodeairdates: ',',
      idkarr_episodefile_episodeairdatesutc: ',',
      idkarr_episodefile_path: FILE.path,
      idkarr_episodefile_relativepath: FILE.relativePath,
      idkarr_episodefile_quality: 'Bluray-1080p',
      idkarr_episodefile_qualityversion: '1',
      idkarr_episodefile_releasegroup: 'DEMAND',
      idkarr_episodefile_scenename: 'Breaking.Bad.S01E01E02.1080p.BluRay.x264-DEMAND',
      idkarr_episodefile_size: '4294967296',
      idkarr_episodefile_dateadded: '2030-01-01T00:00:00.000Z',
      idkarr_download_client: 'SABnzbd',
      idkarr_download_client_type: 'sabnzbd',
      idkarr_download_id: 'SABnzbd_nzo_abc123',
      idkarr_isupgrade: 'False',
    });
  });

  it('passes release variables on Grab and the delete reason on a file delete', async () => {
    const out = join(dir, 'env-grab.txt');
    const path = script(dir, 'dump-grab.sh', `env -0 > "${out}"`);
    await notifier({ path }).send(
      grabMessage(CTX, {
        subject: {
          movie: { id: 5, title: 'Fight Club', year: 1999, folderPath: '/movies/Fight Club (1999)', tmdbId: 550 },
        },
        release: {
          quality: 'Bluray-1080p',
          qualityVersion: 2,
          releaseGroup: 'GRP',
          releaseTitle: 'Fight.Club.1999.1080p.BluRay.x264-GRP',
          indexer: 'NZBgeek',
          size: 123456789,
        },
        downloadClient: 'qBittorrent',
        downloadId: 'HASH1',
      }),
    );
    expect(envFile(out)).toMatchObject({
      idkarr_eventtype: 'Grab',
      idkarr_movie_id: '5',
      idkarr_movie_title: 'Fight Club',
      idkarr_movie_year: '1999',
      idkarr_movie_path: '/movies/Fight Club (1999)',
      idkarr_movie_tmdbid: '550',
      idkarr_release_indexer: 'NZBgeek',
      idkarr_release_quality: 'Bluray-1080p',
      idkarr_release_qualityversion: '2',
      idkarr_release_title: 'Fight.Club.1999.1080p.BluRay.x264-GRP',
      idkarr_release_size: '123456789',
      idkarr_release_releasegroup: 'GRP',
      idkarr_download_client: 'qBittorrent',
      idkarr_download_id: 'HASH1',
    });

    const out2 = join(dir, 'env-delete.txt');
    const path2 = script(dir, 'dump-delete.sh', `env -0 > "${out2}"`);
    await notifier({ path: path2 }).send(
      fileDeleteMessage(CTX, { subject: { series: SERIES, episodes: EPISODES }, file: FILE, reason: 'Manual' }),
    );
    expect(envFile(out2)).toMatchObject({
      idkarr_eventtype: 'EpisodeFileDelete',
      idkarr_episodefile_deletereason: 'Manual',
      idkarr_episodefile_path: FILE.path,
    });
  });

  it('a non-zero exit is a permanent failure carrying the exit code and output', async () => {
    const path = script(dir, 'fail.sh', 'echo partial\necho "boom: bad config" >&2\nexit 3');
    const err = await notifier({ path })
      .send(grabMessage(CTX, { subject: { series: SERIES, episodes: EPISODES }, release: {} as never }))
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ScriptFailedError);
    expect((err as ScriptFailedError).retryable).toBe(false);
    expect((err as ScriptFailedError).message).toBe('the script exited with code 3: boom: bad config');
    expect((err as ScriptFailedError).report).toMatchObject({ exitCode: 3, stdout: 'partial\n', timedOut: false });
  });

  it('kills the script and the child it started when the timeout passes', async () => {
    const pidFile = join(dir, 'child.pid');
    // The child ignores nothing special; the parent waits on it, so only a group kill ends both.
    const path = script(dir, 'hang.sh', `sleep 300 &\necho $! > "${pidFile}"\nwait`);
    const started = Date.now();
    const err = await notifier({ path, timeoutSeconds: 1 }, { killGraceMs: 200 })
      .send(grabMessage(CTX, { subject: { series: SERIES, episodes: EPISODES }, release: {} as never }))
      .catch((e: unknown) => e);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(err).toBeInstanceOf(ScriptFailedError);
    expect((err as ScriptFailedError).message).toContain('timed out after 1 s');
    expect((err as ScriptFailedError).report?.timedOut).toBe(true);
    const childPid = Number(readFileSync(pidFile, 'utf8').trim());
    expect(childPid).toBeGreaterThan(0);
    // Give the kernel a moment to reap it.
    for (let i = 0; i < 20 && alive(childPid); i++) await new Promise((r) => setTimeout(r, 50));
    expect(alive(childPid)).toBe(false);
  });

  it('a child that ignores SIGTERM is killed too (SIGKILL after the grace period)', async () => {
    const pidFile = join(dir, 'stubborn.pid');
    const path = script(
      dir,
      'stubborn.sh',
      `sh -c 'trap "" TERM; sleep 300' &\necho $! > "${pidFile}"\ntrap "" TERM\nwait`,
    );
    const err = await notifier({ path, timeoutSeconds: 1 }, { killGraceMs: 200 })
      .send(grabMessage(CTX, { subject: { series: SERIES, episodes: EPISODES }, release: {} as never }))
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ScriptFailedError);
    const childPid = Number(readFileSync(pidFile, 'utf8').trim());
    for (let i = 0; i < 40 && alive(childPid); i++) await new Promise((r) => setTimeout(r, 50));
    expect(alive(childPid)).toBe(false);
  });

  it('a missing or non-executable path is a finding on path; a relative path is a settings finding', async () => {
    const missing = await notifier({ path: join(dir, 'nope.sh') }).test();
    expect(missing).toEqual([
      { field: 'settings.path', message: expect.stringContaining('does not exist'), severity: 'error' },
    ]);
    const plain = script(dir, 'plain.sh', 'exit 0', 0o644);
    const notExec = await notifier({ path: plain }).test();
    expect(notExec).toEqual([
      { field: 'settings.path', message: expect.stringContaining('not executable'), severity: 'error' },
    ]);
    expect(await notifier({ path: dir }).test()).toEqual([
      expect.objectContaining({ field: 'settings.path', message: expect.stringContaining('not a file') }),
    ]);
    expect(() => parseSettings(customScriptSettings, { path: 'scripts/x.sh' })).toThrow(ValidationError);
    await expect(notifier({ path: plain }).healthCheck()).rejects.toThrow('not executable');
  });

  it('test() runs the script with a Test event', async () => {
    const out = join(dir, 'env-test.txt');
    const path = script(dir, 'ok.sh', `env -0 > "${out}"`);
    expect(await notifier({ path }).test()).toEqual([]);
    expect(existsSync(out)).toBe(true);
    expect(envFile(out)).toMatchObject({ idkarr_eventtype: 'Test', idkarr_series_title: 'Test Title' });
    const failing = script(dir, 'bad.sh', 'exit 1');
    expect(await notifier({ path: failing }).test()).toEqual([
      expect.objectContaining({ field: 'settings.path', message: 'test run failed: the script exited with code 1' }),
    ]);
  });
});
