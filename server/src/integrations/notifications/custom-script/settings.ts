// Custom script settings (spec CustomScriptConfig): an executable, its arguments, a timeout, event switches.
// Existence and the executable bit are checked by test() (a finding on `path`); the shape is checked here.
import { isAbsolute } from 'node:path';
import { z } from 'zod';
import { eventFields } from '../common/event-fields.js';

export const customScriptSettings = z.object({
  path: z
    .string()
    .trim()
    .min(1, 'enter the path of the script')
    .refine((p) => isAbsolute(p), 'enter an absolute path')
    .meta({ label: 'Path', help: 'Absolute path of an executable script or program', order: 1 }),
  arguments: z
    .array(z.string().max(4096))
    .max(64)
    .default([])
    .meta({ label: 'Arguments', help: 'Passed as-is, no shell involved', order: 2 }),
  timeoutSeconds: z
    .number()
    .int()
    .min(1)
    .max(600)
    .default(60)
    .meta({ label: 'Timeout (seconds)', help: 'The script and everything it started are killed after this', order: 3 }),
  ...eventFields(),
});

export type CustomScriptSettings = z.output<typeof customScriptSettings>;
