import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { settingsJsonSchema } from '../../../providers/settings-schema.js';
import { eventFields, wantsEvent } from './event-fields.js';

describe('notification event switches', () => {
  it('onApplicationUpdate says in its help that it never fires (idkarr has no self-updater)', () => {
    const json = settingsJsonSchema(z.object(eventFields()));
    const prop = (json.properties as Record<string, Record<string, unknown>>).onApplicationUpdate;
    expect(prop?.help).toMatch(/never fires.*no self-updater/i);
  });

  it('onRename gates rename messages', () => {
    expect(wantsEvent({ onRename: true }, 'rename')).toBe(true);
    expect(wantsEvent({ onRename: false }, 'rename')).toBe(false);
    expect(wantsEvent({}, 'rename')).toBe(false);
  });
});
