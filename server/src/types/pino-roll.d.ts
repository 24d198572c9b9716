// pino-roll ships no types; this is the part idkarr uses.
declare module 'pino-roll' {
  interface RollOptions {
    file: string;
    extension?: string;
    size?: string;
    frequency?: 'daily' | 'hourly' | number;
    limit?: { count: number };
    mkdir?: boolean;
  }
  export default function roll(opts: RollOptions): Promise<NodeJS.WritableStream & { end(): void }>;
}
