// Naming formats for movies and series with a live preview (GET /config/naming/example with the edited values,
// debounced), saved with PUT /config/naming.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import { get, put, qs } from '../../../api/client';
import { keys } from '../../../api/query-keys';
import { ProblemNote } from '../../../components/Feedback';
import { CheckboxRow, SelectRow } from '../../../components/FormRows';

interface SeriesNaming {
  renameEpisodes: boolean;
  replaceIllegalCharacters: boolean;
  colonReplacementFormat: string;
  multiEpisodeStyle: string;
  standardEpisodeFormat: string;
  dailyEpisodeFormat: string;
  animeEpisodeFormat: string;
  seriesFolderFormat: string;
  seasonFolderFormat: string;
  specialsFolderFormat: string;
}
interface MovieNaming {
  renameMovies: boolean;
  replaceIllegalCharacters: boolean;
  colonReplacementFormat: string;
  standardMovieFormat: string;
  movieFolderFormat: string;
}
export interface Naming {
  series: SeriesNaming;
  movie: MovieNaming;
}
type Examples = Record<string, string>;

const COLON = [
  { value: 'delete', label: 'Delete' },
  { value: 'dash', label: 'Replace with dash' },
  { value: 'spaceDash', label: 'Replace with space dash' },
  { value: 'spaceDashSpace', label: 'Replace with space dash space' },
  { value: 'smart', label: 'Smart replace' },
];
const MULTI = ['extend', 'duplicate', 'repeat', 'scene', 'range', 'prefixedRange'].map((m) => ({ value: m, label: m }));

const SERIES_FORMATS: Array<{ key: keyof SeriesNaming; label: string; example: string }> = [
  { key: 'standardEpisodeFormat', label: 'Standard episode format', example: 'singleEpisodeExample' },
  { key: 'dailyEpisodeFormat', label: 'Daily episode format', example: 'dailyEpisodeExample' },
  { key: 'animeEpisodeFormat', label: 'Anime episode format', example: 'animeEpisodeExample' },
  { key: 'seriesFolderFormat', label: 'Series folder format', example: 'seriesFolderExample' },
  { key: 'seasonFolderFormat', label: 'Season folder format', example: 'seasonFolderExample' },
  { key: 'specialsFolderFormat', label: 'Specials folder format', example: 'specialsFolderExample' },
];
const MOVIE_FORMATS: Array<{ key: keyof MovieNaming; label: string; example: string }> = [
  { key: 'standardMovieFormat', label: 'Standard movie format', example: 'movieExample' },
  { key: 'movieFolderFormat', label: 'Movie folder format', example: 'movieFolderExample' },
];

function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setV(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return v;
}

function exampleQuery(n: Naming): string {
  const params: Record<string, string> = {};
  for (const [k, v] of Object.entries(n.series)) params[`series.${k}`] = String(v);
  for (const [k, v] of Object.entries(n.movie)) params[`movie.${k}`] = String(v);
  return qs(params);
}

export function NamingForm({ saved }: { saved: Naming }) {
  const uid = useId();
  const client = useQueryClient();
  const [draft, setDraft] = useState<Naming>(saved);
  const debounced = useDebounced(draft, 250);
  const examples = useQuery({
    queryKey: [...keys.naming, 'example', debounced],
    queryFn: () => get<Examples>(`/config/naming/example${exampleQuery(debounced)}`),
    placeholderData: (prev) => prev,
    retry: false,
  });
  const save = useMutation({
    mutationFn: () => put<Naming>('/config/naming', draft),
    onSuccess: (n) => {
      client.setQueryData(keys.naming, n);
      setDraft(n);
    },
  });
  const dirty = JSON.stringify(draft) !== JSON.stringify(saved);
  const setSeries = (patch: Partial<SeriesNaming>) => setDraft({ ...draft, series: { ...draft.series, ...patch } });
  const setMovie = (patch: Partial<MovieNaming>) => setDraft({ ...draft, movie: { ...draft.movie, ...patch } });
  const findings = (field: string) =>
    [save.error, examples.error]
      .flatMap((e) =>
        e && typeof e === 'object' && 'findings' in e
          ? (e as { findings: Array<{ field: string; message: string }> }).findings
          : [],
      )
      .filter((f) => f.field.endsWith(field));

  const preview = (key: string, label: string) => (
    <output className="naming-preview" aria-label={`${label} preview`} data-testid={`preview-${key}`}>
      {examples.data?.[key] ?? '…'}
    </output>
  );

  const formatRow = (section: 'series' | 'movie', key: string, label: string, example: string, value: string) => {
    const id = `${uid}-${section}-${key}`;
    const f = findings(`${section}.${key}`);
    return (
      <div className="form-row" key={key}>
        <label htmlFor={id}>{label}</label>
        <div>
          <input
            id={id}
            type="text"
            value={value}
            size={60}
            aria-invalid={f.length > 0 || undefined}
            onChange={(e) =>
              section === 'series' ? setSeries({ [key]: e.target.value }) : setMovie({ [key]: e.target.value })
            }
          />
          {preview(example, label)}
          {f.map((x) => (
            <p key={x.message} className="error small">
              {x.message}
            </p>
          ))}
        </div>
      </div>
    );
  };

  return (
    <form
      className="schema-form"
      aria-label="Naming"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <section className="section" aria-labelledby={`${uid}-movies`}>
        <h2 id={`${uid}-movies`}>Movie naming</h2>
        <CheckboxRow
          label="Rename movies"
          checked={draft.movie.renameMovies}
          onChange={(v) => setMovie({ renameMovies: v })}
        />
        <CheckboxRow
          label="Replace illegal characters (movies)"
          checked={draft.movie.replaceIllegalCharacters}
          onChange={(v) => setMovie({ replaceIllegalCharacters: v })}
        />
        <SelectRow
          label="Movie colon replacement"
          value={draft.movie.colonReplacementFormat}
          options={COLON}
          onChange={(v) => setMovie({ colonReplacementFormat: v })}
        />
        {MOVIE_FORMATS.map((f) => formatRow('movie', f.key, f.label, f.example, String(draft.movie[f.key])))}
      </section>
      <section className="section" aria-labelledby={`${uid}-series`}>
        <h2 id={`${uid}-series`}>Episode naming</h2>
        <CheckboxRow
          label="Rename episodes"
          checked={draft.series.renameEpisodes}
          onChange={(v) => setSeries({ renameEpisodes: v })}
        />
        <CheckboxRow
          label="Replace illegal characters (episodes)"
          checked={draft.series.replaceIllegalCharacters}
          onChange={(v) => setSeries({ replaceIllegalCharacters: v })}
        />
        <SelectRow
          label="Episode colon replacement"
          value={draft.series.colonReplacementFormat}
          options={COLON}
          onChange={(v) => setSeries({ colonReplacementFormat: v })}
        />
        <SelectRow
          label="Multi-episode style"
          value={draft.series.multiEpisodeStyle}
          options={MULTI}
          onChange={(v) => setSeries({ multiEpisodeStyle: v })}
        />
        {SERIES_FORMATS.map((f) => formatRow('series', f.key, f.label, f.example, String(draft.series[f.key])))}
        <div className="form-row">
          <span>Multi-episode example</span>
          {preview('multiEpisodeExample', 'Multi-episode')}
        </div>
      </section>
      <ProblemNote error={save.error ?? examples.error} />
      {save.isSuccess && !dirty ? (
        <p role="status" className="ok">
          Saved.
        </p>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={!dirty || save.isPending}>
          Save
        </button>
        <button type="button" disabled={!dirty} onClick={() => setDraft(saved)}>
          Discard changes
        </button>
      </div>
    </form>
  );
}
