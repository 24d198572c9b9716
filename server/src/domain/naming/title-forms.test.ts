import { describe, expect, it } from 'vitest';
import {
  cleanTitle,
  editionTitle,
  joinEpisodeTitles,
  titleFirstCharacter,
  titleThe,
  titleWithoutYear,
  titleYear,
  truncateTitle,
} from './title-forms.js';

describe('title forms', () => {
  it.each([
    ['The Office', 'Office, The'],
    ['The Office (US)', 'Office, The (US)'],
    ['A Series of Unfortunate Events', 'Series of Unfortunate Events, A'],
    ['An Idiot Abroad', 'Idiot Abroad, An'],
    ['Theodore', 'Theodore'],
    ['Anne with an E', 'Anne with an E'],
    ['The', 'The'],
  ])('titleThe(%s) = %s', (title, expected) => {
    expect(titleThe(title)).toBe(expected);
  });

  it.each([
    ['Dune', 2021, 'Dune (2021)'],
    ['Doctor Who (2005)', 2005, 'Doctor Who (2005)'],
    ['Unknown Year', 0, 'Unknown Year'],
  ])('titleYear(%s, %d) = %s', (title, year, expected) => {
    expect(titleYear(title, year)).toBe(expected);
  });

  it('titleWithoutYear', () => {
    expect(titleWithoutYear('Doctor Who (2005)')).toBe('Doctor Who');
    expect(titleWithoutYear('1984')).toBe('1984');
  });

  it.each([
    ['Star Wars: Episode IV - A New Hope', 'Star Wars Episode IV A New Hope'],
    ["Mr. & Mrs. Smith's Return?", 'Mr. and Mrs. Smiths Return'],
    ['Amélie (2001)', 'Amelie 2001'],
    ['AC/DC: Live_at_River Plate', 'AC DC Live at River Plate'],
    ['Spider-Man: No Way Home', 'Spider-Man No Way Home'],
    ['カウボーイビバップ!', 'カウボーイビバップ'],
  ])('cleanTitle(%s) = %s', (title, expected) => {
    expect(cleanTitle(title)).toBe(expected);
  });

  it('titleFirstCharacter sorts by the title without its article', () => {
    expect(titleFirstCharacter('The Wire')).toBe('W');
    expect(titleFirstCharacter('alf')).toBe('A');
    expect(titleFirstCharacter('24')).toBe('2');
  });

  it.each<[(string | null)[], string]>([
    [['Pilot'], 'Pilot'],
    [['Pilot (1)', 'Pilot (2)'], 'Pilot'],
    [['The End, Part 1', 'The End, Part 2'], 'The End'],
    [['Winter Is Coming', 'The Kingsroad'], 'Winter Is Coming + The Kingsroad'],
    [[null, 'Known'], 'Known'],
    [[null, null], ''],
  ])('joinEpisodeTitles(%j) = %s', (titles, expected) => {
    expect(joinEpisodeTitles(titles)).toBe(expected);
  });

  it('editionTitle capitalises lower-case words only', () => {
    expect(editionTitle("director's cut")).toBe("Director's Cut");
    expect(editionTitle('IMAX enhanced')).toBe('IMAX Enhanced');
  });

  it('truncateTitle marks the cut', () => {
    expect(truncateTitle('A very long episode title', 10)).toBe('A very...');
    expect(truncateTitle('Short', 10)).toBe('Short');
  });
});
