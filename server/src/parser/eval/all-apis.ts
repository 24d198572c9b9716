// The evaluator's view of every parser area: the three adapter modules merged by fixture `api` name.
import { apis as languageGroup } from './apis/language-group.apis.js';
import { apis as movieQuality } from './apis/movie-quality.apis.js';
import { apis as tv } from './apis/tv.apis.js';
import { mergeApiModules } from './compare.core.js';

export const allApis = mergeApiModules([tv, movieQuality, languageGroup]);
