import { describe, expect, it } from 'vitest';
import { parseSubtitleInfo } from './subtitle-info.parser.js';

describe('parseSubtitleInfo', () => {
  it.each([
    ['Film (2010).en.srt', 'English'],
    ['Film (2010).ENG.forced.srt', 'English'],
    ['Film (2010).Deutsch.srt', 'German'],
    ['Film (2010).pt-BR.srt', 'Portuguese (Brazil)'],
    ['Film (2010).es-419.srt', 'Spanish (Latino)'],
    ['Film-Title-fre-forced.srt', 'French'],
    ['/media/films/Film (2010)/Film (2010).nl.srt', 'Dutch'],
  ])('%s -> %s', (fileName, language) => {
    expect(parseSubtitleInfo(fileName).language).toBe(language);
  });

  it('reads tags and the subtitle title in any order', () => {
    expect(parseSubtitleInfo('Show - S01E01 - [x264].Commentary.sdh.eng.default.ass')).toEqual({
      language: 'English',
      tags: ['sdh', 'default'],
      title: 'Commentary',
      rawTitle: 'Commentary',
    });
  });

  it('splits a title glued to the language with a dash', () => {
    const info = parseSubtitleInfo('Show - S01E01 - [x264].de-Director Notes.srt');
    expect(info.language).toBe('German');
    expect(info.title).toBe('Director Notes');
  });

  it('drops a " - N" copy counter from the title but keeps it in the raw title', () => {
    const info = parseSubtitleInfo('Film (2010) [x264].Signs - 2.en.srt');
    expect(info.title).toBe('Signs');
    expect(info.rawTitle).toBe('Signs - 2');
  });

  it('returns Unknown without tags or title when there is no language', () => {
    expect(parseSubtitleInfo('Film (2010) [x264].forced.srt')).toEqual({
      language: 'Unknown',
      tags: [],
      title: null,
      rawTitle: null,
    });
    expect(parseSubtitleInfo('Film Title.srt').language).toBe('Unknown');
  });

  it('uses the video file name, when given, to tell the suffix apart', () => {
    expect(parseSubtitleInfo('Film.Title.2010.en.srt').language).toBe('English');
    expect(parseSubtitleInfo('/x/Film.Title.2010.en.srt', '/x/Film.Title.2010.mkv')).toEqual({
      language: 'English',
      tags: [],
      title: null,
      rawTitle: null,
    });
    expect(parseSubtitleInfo('Film.Title.2010.Signs.en.forced.srt', 'Film.Title.2010.mkv').title).toBe('Signs');
  });
});
