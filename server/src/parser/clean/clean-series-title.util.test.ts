import { describe, expect, it } from 'vitest';
import { cleanSeriesTitle } from './clean-series-title.util.js';

describe('cleanSeriesTitle', () => {
  it('folds case, accents and punctuation', () => {
    expect(cleanSeriesTitle('Élan: Vital!')).toBe('elanvital');
    expect(cleanSeriesTitle('Show (2019)')).toBe('show2019');
  });

  it('drops small words inside the title but keeps them at the ends', () => {
    expect(cleanSeriesTitle('Lord of the Rings')).toBe('lordrings');
    expect(cleanSeriesTitle('The Office')).toBe('theoffice');
    expect(cleanSeriesTitle('Something and')).toBe('somethingand');
  });

  it('spells out a percentage', () => {
    expect(cleanSeriesTitle('99% Done')).toBe('99percentdone');
  });
});
