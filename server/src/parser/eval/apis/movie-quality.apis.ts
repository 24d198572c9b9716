// STUB: adapters for this area's fixture `api` values; replaced by the area's owner.
import type { ApiModule } from './api.types.js';

export const apis: ApiModule = { adapters: {} };
