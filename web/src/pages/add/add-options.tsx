// Choices the add, import and edit forms share, with the API's values and the labels the UI shows.

export const MOVIE_AVAILABILITY = [
  { value: 'announced', label: 'Announced' },
  { value: 'inCinemas', label: 'In cinemas' },
  { value: 'released', label: 'Released' },
];

export const SERIES_MONITOR = [
  { value: 'all', label: 'All episodes' },
  { value: 'future', label: 'Future episodes' },
  { value: 'missing', label: 'Missing episodes' },
  { value: 'existing', label: 'Existing episodes' },
  { value: 'pilot', label: 'Pilot only' },
  { value: 'first_season', label: 'First season' },
  { value: 'latest_season', label: 'Latest season' },
  { value: 'none', label: 'None' },
];

export const SERIES_TYPES = [
  { value: 'standard', label: 'Standard' },
  { value: 'daily', label: 'Daily' },
  { value: 'anime', label: 'Anime' },
];

/** The <option>s of one of the lists above. */
export function Options({ list }: { list: ReadonlyArray<{ value: string; label: string }> }) {
  return (
    <>
      {list.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </>
  );
}
