// Schemas shared by the server and the web UI. The server validates with them; the UI parses with them.
import { z } from 'zod';

export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  errors: z
    .array(z.object({ field: z.string(), message: z.string(), severity: z.enum(['error', 'warning']).optional() }))
    .optional(),
});
export type Problem = z.infer<typeof problemSchema>;

/** Every WebSocket message is `{type, data}`; `type` names an event such as `command.progress`. */
export const wsMessageSchema = z.object({ type: z.string(), data: z.unknown() });
export type WsMessage = z.infer<typeof wsMessageSchema>;

export const pagedSchema = <T extends z.ZodType>(item: T) =>
  z.object({
    page: z.number().int(),
    pageSize: z.number().int(),
    totalRecords: z.number().int(),
    records: z.array(item),
  });

export const SECRET_SENTINEL = '********';
