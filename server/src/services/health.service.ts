// Aggregates health issues from every source (providers, backups, later: disk space, import problems...).
export interface HealthIssue {
  source: string;
  type: 'ok' | 'notice' | 'warning' | 'error';
  message: string;
  /** Where the UI should link to fix it, e.g. `/settings/downloadclients/3`. */
  wikiUrl?: string;
  definitionId?: number;
  kind?: string;
}

export type HealthSource = () => HealthIssue[] | Promise<HealthIssue[]>;

export class HealthService {
  private sources: HealthSource[] = [];

  register(source: HealthSource): void {
    this.sources.push(source);
  }

  async issues(): Promise<HealthIssue[]> {
    const all = await Promise.all(
      this.sources.map(async (s) => {
        try {
          return await s();
        } catch (err) {
          return [
            { source: 'health', type: 'error' as const, message: `a health check failed: ${(err as Error).message}` },
          ];
        }
      }),
    );
    return all.flat();
  }
}
