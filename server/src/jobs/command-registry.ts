// Commands known to this process, by name. Validation of POSTed commands happens here so the queue
// only ever stores bodies that passed their schema.
import { z } from 'zod';
import { type Finding, ValidationError } from '../lib/errors.js';
import type { CommandDefinition } from './command.types.js';

export interface ParsedCommand {
  definition: CommandDefinition;
  body: Record<string, unknown>;
}

export class CommandRegistry {
  private readonly definitions = new Map<string, CommandDefinition>();

  register(...definitions: CommandDefinition[]): this {
    for (const d of definitions) {
      if (this.definitions.has(d.name)) throw new Error(`command ${d.name} is registered twice`);
      this.definitions.set(d.name, d);
    }
    return this;
  }

  get(name: string): CommandDefinition | undefined {
    return this.definitions.get(name);
  }

  has(name: string): boolean {
    return this.definitions.has(name);
  }

  names(): string[] {
    return [...this.definitions.keys()].sort();
  }

  /** Validates a command request; throws ValidationError with one finding per offending field. */
  parse(name: string, body: unknown): ParsedCommand {
    const definition = this.definitions.get(name);
    if (!definition) {
      throw new ValidationError(`unknown command ${JSON.stringify(name)}`, [
        { field: 'name', message: `unknown command; known: ${this.names().join(', ') || '(none)'}`, severity: 'error' },
      ]);
    }
    const result = definition.body.safeParse(body ?? {});
    if (!result.success) {
      const findings: Finding[] = result.error.issues.map((issue) => ({
        field: issue.path.map(String).join('.'),
        message: issue.message,
        severity: 'error',
      }));
      throw new ValidationError(`invalid body for command ${name}: ${summarize(findings)}`, findings);
    }
    const parsed = result.data;
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
      // The body is spread into the POST next to `name`, so it has to be an object.
      throw new Error(`command ${name}: body schema must produce an object`);
    }
    return { definition, body: parsed as Record<string, unknown> };
  }
}

/** The schema for commands that take no arguments. */
export const emptyBody = z.object({});

function summarize(findings: Finding[]): string {
  return findings.map((f) => `${f.field || '(body)'} ${f.message}`).join('; ');
}
