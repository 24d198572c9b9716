import { describe, expect, it } from 'vitest';
import { parseLanguages } from './language-parser.js';

describe('parseLanguages', () => {
  it.each([
    ['Show.Name.S01E01.FRENCH.720p.HDTV.x264-GRP', ['French']],
    ['Show.Name.S01E01.VFF.1080p.WEB-DL-GRP', ['French']],
    ['Film.2001.Castellano.1080p.BluRay', ['Spanish']],
    ['Show S02 [1080p AVC Esp DD2.0,Ing DD5.1,Cat DD2.0]', ['Spanish', 'English', 'Catalan']],
    ['Show.S01E02.1080p.WEB.ita.eng.AAC', ['Italian', 'English']],
    ['Film.2010.1080p.BluRay.PLDUB.x264-GRP', ['Polish']],
    ['Film.2010.1080p.BluRay.LEK-PL.x264-GRP', ['Polish']],
    ['Film.2010.HebDubbed.1080p', ['Hebrew']],
    ['Show.S01E01.1080p.WEB.pt-BR.AAC-GRP', ['Portuguese (Brazil)']],
    ['Show 2x03 audio latino', ['Spanish (Latino)']],
    ['Show.2020.S01E01.[Azerbaijan.Dubbed].1080p', ['Azerbaijani']],
    ['[Grp] Show - 05 [1080p][简繁内封]', ['Chinese']],
    ['Show (2019) WEB-DL 1080p 3xUkr/Eng | Sub Ukr', ['Ukrainian', 'English']],
  ])('%s', (title, languages) => {
    expect(parseLanguages(title)).toEqual(languages);
  });

  it('returns Unknown when nothing names a language', () => {
    expect(parseLanguages('Show.Name.S01E01.720p.HDTV.x264-GRP')).toEqual(['Unknown']);
  });

  it('ignores language words inside the title itself', () => {
    expect(parseLanguages('The.French.Connection.1971.1080p.BluRay.x264-GRP')).toEqual(['Unknown']);
    expect(parseLanguages('Show.the.German.Way.S01E01.720p.HDTV-GRP')).toEqual(['Unknown']);
    expect(parseLanguages('Show.S02E03.The.Original.Sin.1080p.WEB.h264-GRP')).toEqual(['Unknown']);
  });

  it('treats languages next to Sub/Subs as subtitles, not audio', () => {
    expect(parseLanguages('Show.S03E09.Ger.Eng.Sub.1080p.WEB-GRP')).toEqual(['Unknown']);
    expect(parseLanguages('Film.2012.PL-SUB.1080p-GRP')).toEqual(['Unknown']);
    expect(parseLanguages('Film.2012.1080p.SUBFRENCH.x264-GRP')).toEqual(['Unknown']);
    expect(parseLanguages('Show [1080p JPN AAC SUB ITA ENG]')).toEqual(['Japanese']);
  });

  it('needs uppercase for two-letter codes and media context for lowercase abbreviations', () => {
    expect(parseLanguages('Film 2015 EN 1080p x264-GRP')).toEqual(['English']);
    expect(parseLanguages('Film.2015.En.1080p.WEB-GRP')).toEqual(['Unknown']);
    expect(parseLanguages('Show.S01E01.The.Cat.Returns.720p-GRP')).toEqual(['Unknown']);
    expect(parseLanguages('Film.2016.DTS-ES.5.1.x264-GRP')).toEqual(['Unknown']);
  });

  it('maps dual/multi language tags to Original (and English for ML)', () => {
    expect(parseLanguages('Film.2016.German.DL.1080p.BluRay-GRP')).toEqual(['German', 'Original']);
    expect(parseLanguages('Film.2016.German.1080p.WEB.DL-GRP')).toEqual(['German']);
    expect(parseLanguages('Film.2016.German.ML.1080p-GRP')).toEqual(['German', 'Original', 'English']);
  });

  it('puts regional variants first', () => {
    expect(parseLanguages('Film (Temporada 1) Audio Dual Ingles/Latino 1080p')[0]).toBe('Spanish (Latino)');
  });

  it('does not read the release group as a language', () => {
    expect(parseLanguages('Film.2010.720p.BluRay.x264.-[YTS.LT]')).toEqual(['Unknown']);
  });

  it('stays linear on hostile input', () => {
    const hostile = ['ENG.'.repeat(5000), 'a-'.repeat(5000), ' - '.repeat(3000), 'Sub.'.repeat(4000)];
    for (const title of hostile) {
      const start = performance.now();
      parseLanguages(title);
      expect(performance.now() - start).toBeLessThan(100);
    }
  });
});
