// The event switches every notification definition carries (spec WebhookConfig: onGrab, onDownload, ...).
import { z } from 'zod';
import type { NotificationEventType } from '../../../providers/ports/notifier.port.js';

const on = (label: string, order: number, def = true, help?: string) =>
  z
    .boolean()
    .default(def)
    .meta({ label, order: 100 + order, ...(help ? { help } : {}) });

export const eventFields = () => ({
  onGrab: on('On grab', 1),
  onDownload: on('On import', 2),
  onUpgrade: on('On upgrade', 3),
  onRename: on('On rename', 4, false),
  onSeriesAdd: on('On series add', 5, false),
  onSeriesDelete: on('On series delete', 6, false),
  onEpisodeFileDelete: on('On episode file delete', 7, false),
  onMovieAdd: on('On movie add', 8, false),
  onMovieDelete: on('On movie delete', 9, false),
  onMovieFileDelete: on('On movie file delete', 10, false),
  onHealthIssue: on('On health issue', 11, false),
  includeHealthWarnings: z
    .boolean()
    .default(false)
    .meta({ label: 'Include health warnings', help: 'Off: only errors', order: 112, advanced: true }),
  onHealthRestored: on('On health restored', 13, false),
  // Kept for Sonarr/Radarr parity of the switches; nothing emits the event because idkarr has no updater.
  onApplicationUpdate: on(
    'On application update',
    14,
    false,
    'Never fires: idkarr has no self-updater; update it with your package manager or image',
  ),
  onManualInteractionRequired: on('On manual interaction required', 15, false),
});

export type EventSwitches = { [K in keyof ReturnType<typeof eventFields>]: boolean };

const SWITCH: Record<NotificationEventType, keyof EventSwitches | null> = {
  grab: 'onGrab',
  download: 'onDownload',
  upgrade: 'onUpgrade',
  rename: 'onRename',
  series_add: 'onSeriesAdd',
  series_delete: 'onSeriesDelete',
  episode_file_delete: 'onEpisodeFileDelete',
  movie_add: 'onMovieAdd',
  movie_delete: 'onMovieDelete',
  movie_file_delete: 'onMovieFileDelete',
  health_issue: 'onHealthIssue',
  health_restored: 'onHealthRestored',
  app_update: 'onApplicationUpdate',
  manual_interaction_required: 'onManualInteractionRequired',
  manual_test: null,
};

/** Whether a definition with these switches wants this event (manual tests always go through). */
export function wantsEvent(
  settings: Partial<EventSwitches>,
  type: NotificationEventType,
  healthLevel?: 'ok' | 'notice' | 'warning' | 'error',
): boolean {
  const key = SWITCH[type];
  if (key === null) return true;
  if (settings[key] !== true) return false;
  if (type === 'health_issue' && healthLevel === 'warning') return settings.includeHealthWarnings === true;
  return true;
}
