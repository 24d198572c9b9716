import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { get, post } from '../../api/client';
import { keys } from '../../api/query-keys';
import type { Command, ScheduledTask } from '../../api/types';
import { ErrorNote, QueryView } from '../../components/Feedback';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime } from '../library/format';

function interval(min: number): string {
  if (min % 1440 === 0) return `${min / 1440} d`;
  if (min % 60 === 0) return `${min / 60} h`;
  return `${min} min`;
}

export function TasksPage() {
  const client = useQueryClient();
  const tasks = useQuery({ queryKey: keys.tasks, queryFn: () => get<ScheduledTask[]>('/system/task') });
  const commands = useQuery({ queryKey: keys.commands, queryFn: () => get<Command[]>('/command') });
  const run = useMutation({
    mutationFn: (name: string) => post<Command>(`/system/task/${encodeURIComponent(name)}/run`),
    onSettled: () => {
      void client.invalidateQueries({ queryKey: keys.commands });
      void client.invalidateQueries({ queryKey: keys.tasks });
    },
  });
  const active = (commandName: string) =>
    (commands.data ?? []).find((c) => c.name === commandName && (c.status === 'queued' || c.status === 'started'));

  return (
    <>
      <PageHeader title="Tasks" />
      <ErrorNote error={run.error} />
      <QueryView query={tasks} what="tasks">
        {(list) =>
          list.length === 0 ? (
            <p className="muted">No scheduled tasks yet: they are registered when the scheduler starts.</p>
          ) : (
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Interval</th>
                  <th scope="col">Last run</th>
                  <th scope="col">Duration</th>
                  <th scope="col">Next run</th>
                  <th scope="col">
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.map((t) => {
                  const running = active(t.commandName);
                  return (
                    <tr key={t.name}>
                      <td>{t.name}</td>
                      <td>{interval(t.intervalMinutes)}</td>
                      <td>{formatDateTime(t.lastRunAt)}</td>
                      <td>{t.lastDurationMs === null ? '—' : `${(t.lastDurationMs / 1000).toFixed(1)} s`}</td>
                      <td>{formatDateTime(t.nextRunAt)}</td>
                      <td>
                        {running ? (
                          <span role="status">
                            {running.status}
                            {typeof running.progress === 'number' ? (
                              <progress max={100} value={running.progress} aria-label={`${t.name} progress`} />
                            ) : null}
                          </span>
                        ) : (
                          <button
                            type="button"
                            onClick={() => run.mutate(t.name)}
                            disabled={run.isPending && run.variables === t.name}
                            aria-label={`Run ${t.name} now`}
                          >
                            Run now
                          </button>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )
        }
      </QueryView>
    </>
  );
}
