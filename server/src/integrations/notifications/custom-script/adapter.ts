// The custom script notifier: runs the configured executable with the event's `idkarr_*` variables. A non-zero
// exit, a timeout or a spawn failure is a permanent failure (ScriptFailedError, not retried): the same script
// with the same input would fail the same way. Exit code and (capped) output travel in the delivery report.
import { type Finding, IdkarrError, NotFoundError } from '../../../lib/errors.js';
import type { IntegrationContext } from '../../../providers/integration.js';
import type { NotificationMessage, NotifierPort } from '../../../providers/ports/notifier.port.js';
import type { HealthCheckResult } from '../../../providers/ports.js';
import { testMessage } from '../../../services/notifications/messages.js';
import { scriptProcessEnv } from './environment.js';
import { type RunResult, runScript, scriptPathProblem } from './runner.js';
import type { CustomScriptSettings } from './settings.js';

export interface ScriptReport {
  exitCode: number | null;
  signal: string | null;
  timedOut: boolean;
  durationMs: number;
  stdout: string;
  stderr: string;
  truncated: boolean;
}

/** A script run that did not succeed. Never retried; `report` is recorded with the outbox row. */
export class ScriptFailedError extends IdkarrError {
  readonly code = 'script_failed';
  constructor(
    message: string,
    readonly report: ScriptReport | null,
  ) {
    super(message);
  }
}

function toReport(r: RunResult): ScriptReport {
  return {
    exitCode: r.exitCode,
    signal: r.signal,
    timedOut: r.timedOut,
    durationMs: r.durationMs,
    stdout: r.stdout,
    stderr: r.stderr,
    truncated: r.truncated,
  };
}

export class CustomScriptNotifier implements NotifierPort {
  constructor(
    private readonly settings: CustomScriptSettings,
    private readonly ctx: IntegrationContext,
    private readonly opts: { killGraceMs?: number; maxOutputBytes?: number } = {},
  ) {}

  async send(message: NotificationMessage, signal?: AbortSignal): Promise<void> {
    await this.deliver(message, signal);
  }

  /** send() plus the exit code and output; the outbox worker records the report with the row. */
  async deliver(message: NotificationMessage, signal?: AbortSignal): Promise<{ report: ScriptReport }> {
    const problem = await scriptPathProblem(this.settings.path);
    if (problem) throw new ScriptFailedError(problem, null);
    let result: RunResult;
    try {
      result = await runScript({
        path: this.settings.path,
        args: this.settings.arguments,
        env: scriptProcessEnv(message),
        timeoutMs: this.settings.timeoutSeconds * 1000,
        clock: this.ctx.clock,
        ...(this.opts.killGraceMs === undefined ? {} : { killGraceMs: this.opts.killGraceMs }),
        ...(this.opts.maxOutputBytes === undefined ? {} : { maxOutputBytes: this.opts.maxOutputBytes }),
        ...(signal ? { signal } : {}),
      });
    } catch (err) {
      // spawn failures (ENOEXEC for a script without a shebang, EACCES, ...)
      const code = (err as NodeJS.ErrnoException)?.code ?? 'error';
      throw new ScriptFailedError(`the script could not be started (${code})`, null);
    }
    const report = toReport(result);
    this.ctx.log.info(
      { eventType: message.type, exitCode: result.exitCode, timedOut: result.timedOut, durationMs: result.durationMs },
      'custom script finished',
    );
    if (result.timedOut)
      throw new ScriptFailedError(
        `the script timed out after ${this.settings.timeoutSeconds} s and was killed`,
        report,
      );
    if (result.exitCode !== 0) {
      const how = result.exitCode === null ? `was ended by ${result.signal}` : `exited with code ${result.exitCode}`;
      const last = result.stderr.trim().split('\n').pop()?.slice(0, 200);
      throw new ScriptFailedError(`the script ${how}${last ? `: ${last}` : ''}`, report);
    }
    return { report };
  }

  async test(): Promise<Finding[]> {
    const problem = await scriptPathProblem(this.settings.path);
    if (problem) return [{ field: 'settings.path', message: problem, severity: 'error' }];
    try {
      await this.send(
        testMessage({
          instanceName: 'idkarr',
          applicationUrl: '',
          occurredAt: new Date(this.ctx.clock.now()).toISOString(),
        }),
      );
    } catch (err) {
      if (err instanceof ScriptFailedError)
        return [{ field: 'settings.path', message: `test run failed: ${err.message}`, severity: 'error' }];
      throw err;
    }
    return [];
  }

  /** Does not run the script: checks it is still there and executable. */
  async healthCheck(): Promise<HealthCheckResult> {
    const problem = await scriptPathProblem(this.settings.path);
    if (problem) throw new NotFoundError(problem);
    return { latencyMs: 0 };
  }
}
