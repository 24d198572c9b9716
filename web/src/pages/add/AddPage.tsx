// Add a movie or a series: search TMDB/TVDB through /movie/lookup or /series/lookup (a name, or tmdb:/imdb:/tvdb:
// ids), pick a result, choose root folder, quality profile, monitoring, tags and search-on-add, then POST it.
// Problem details (409 already added, 400 findings) are shown next to the form.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { type FormEvent, useId, useState } from 'react';
import { get, post, qs } from '../../api/client';
import { keys } from '../../api/query-keys';
import type { MediaImage, QualityProfile, RootFolder, Tag } from '../../api/types';
import { Loading, ProblemNote } from '../../components/Feedback';
import { PageHeader } from '../../components/PageHeader';
import { TagCheckboxes } from '../../components/TagCheckboxes';
import { MOVIE_AVAILABILITY, Options, SERIES_MONITOR, SERIES_TYPES } from './add-options';

export interface LookupResult {
  tmdbId: number | null;
  tvdbId?: number | null;
  imdbId: string | null;
  title: string;
  year: number;
  overview: string | null;
  images: MediaImage[];
  folder: string;
  network?: string | null;
  id?: number;
}

type Kind = 'movie' | 'series';

export function LookupPoster({ images, title }: { images: MediaImage[]; title: string }) {
  const src = images.find((i) => i.coverType === 'poster')?.remoteUrl;
  const [failed, setFailed] = useState(false);
  return (
    <div className="poster poster-small">
      {src && !failed ? (
        <img src={src} alt={`${title} poster`} loading="lazy" onError={() => setFailed(true)} />
      ) : (
        <span aria-hidden="true">{title}</span>
      )}
    </div>
  );
}

function AddForm({ kind, item, onDone }: { kind: Kind; item: LookupResult; onDone: () => void }) {
  const uid = useId();
  const client = useQueryClient();
  const roots = useQuery({ queryKey: keys.rootFolders, queryFn: () => get<RootFolder[]>('/rootfolder') });
  const profiles = useQuery({
    queryKey: keys.qualityProfiles,
    queryFn: () => get<QualityProfile[]>('/qualityprofile'),
  });
  const tags = useQuery({ queryKey: keys.tags, queryFn: () => get<Tag[]>('/tag') });
  const [root, setRoot] = useState('');
  const [profile, setProfile] = useState('');
  const [monitor, setMonitor] = useState(kind === 'movie' ? 'true' : 'all');
  const [availability, setAvailability] = useState('released');
  const [seriesType, setSeriesType] = useState('standard');
  const [chosenTags, setChosenTags] = useState<number[]>([]);
  const [search, setSearch] = useState(false);
  const rootPath = root || roots.data?.[0]?.path || '';
  const profileId = Number(profile || profiles.data?.[0]?.id || 0);

  const add = useMutation({
    mutationFn: () => {
      if (kind === 'movie')
        return post<{ id: number }>('/movie', {
          tmdbId: item.tmdbId,
          qualityProfileId: profileId,
          rootFolderPath: rootPath,
          monitored: monitor === 'true',
          minimumAvailability: availability,
          tags: chosenTags,
          addOptions: { searchForMovie: search },
        });
      return post<{ id: number }>('/series', {
        ...(item.tvdbId ? { tvdbId: item.tvdbId } : { tmdbId: item.tmdbId }),
        qualityProfileId: profileId,
        rootFolderPath: rootPath,
        seriesType,
        monitored: monitor !== 'none',
        tags: chosenTags,
        addOptions: { monitor, searchForMissingEpisodes: search },
      });
    },
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: kind === 'movie' ? keys.movies : keys.series });
      void client.invalidateQueries({ queryKey: ['lookup', kind] });
    },
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate();
  };

  if (add.data)
    return (
      <div className="section" role="status">
        <p className="ok">
          Added {item.title}.{' '}
          <Link to={kind === 'movie' ? '/movie/$id' : '/series/$id'} params={{ id: String(add.data.id) }}>
            Open {item.title}
          </Link>
        </p>
        <button type="button" onClick={onDone}>
          Add another
        </button>
      </div>
    );

  return (
    <form className="schema-form section" onSubmit={submit} aria-label={`Add ${item.title}`}>
      <h2>
        Add {item.title} ({item.year})
      </h2>
      {roots.data && roots.data.length === 0 ? (
        <p className="warn">
          No root folder yet: add one under <Link to="/settings/mediamanagement">Media Management</Link>.
        </p>
      ) : null}
      <div className="form-row">
        <label htmlFor={`${uid}-root`}>Root folder</label>
        <select id={`${uid}-root`} value={rootPath} onChange={(e) => setRoot(e.target.value)}>
          {(roots.data ?? []).map((r) => (
            <option key={r.id} value={r.path}>
              {r.path}
            </option>
          ))}
        </select>
      </div>
      <div className="form-row">
        <label htmlFor={`${uid}-profile`}>Quality profile</label>
        <select id={`${uid}-profile`} value={String(profileId)} onChange={(e) => setProfile(e.target.value)}>
          {(profiles.data ?? []).map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </div>
      {kind === 'movie' ? (
        <>
          <div className="form-row">
            <label htmlFor={`${uid}-mon`}>Monitor</label>
            <select id={`${uid}-mon`} value={monitor} onChange={(e) => setMonitor(e.target.value)}>
              <option value="true">Movie only</option>
              <option value="false">None</option>
            </select>
          </div>
          <div className="form-row">
            <label htmlFor={`${uid}-avail`}>Minimum availability</label>
            <select id={`${uid}-avail`} value={availability} onChange={(e) => setAvailability(e.target.value)}>
              <Options list={MOVIE_AVAILABILITY} />
            </select>
          </div>
        </>
      ) : (
        <>
          <div className="form-row">
            <label htmlFor={`${uid}-mon`}>Monitor</label>
            <select id={`${uid}-mon`} value={monitor} onChange={(e) => setMonitor(e.target.value)}>
              <Options list={SERIES_MONITOR} />
            </select>
          </div>
          <div className="form-row">
            <label htmlFor={`${uid}-type`}>Series type</label>
            <select id={`${uid}-type`} value={seriesType} onChange={(e) => setSeriesType(e.target.value)}>
              <Options list={SERIES_TYPES} />
            </select>
          </div>
        </>
      )}
      {tags.data && tags.data.length > 0 ? (
        <TagCheckboxes tags={tags.data} value={chosenTags} onChange={setChosenTags} />
      ) : null}
      <div className="form-row">
        <label>
          <input type="checkbox" checked={search} onChange={(e) => setSearch(e.target.checked)} />{' '}
          {kind === 'movie' ? 'Start search for the movie' : 'Start search for missing episodes'}
        </label>
      </div>
      <ProblemNote error={add.error} />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={add.isPending || !rootPath || !profileId}>
          {add.isPending ? 'Adding…' : `Add ${kind === 'movie' ? 'movie' : 'series'}`}
        </button>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}

export function AddPage({ kind }: { kind: Kind }) {
  const uid = useId();
  const [input, setInput] = useState('');
  const [term, setTerm] = useState('');
  const [chosen, setChosen] = useState<LookupResult | null>(null);
  const lookup = useQuery({
    queryKey: ['lookup', kind, term],
    queryFn: () => get<LookupResult[]>(`/${kind}/lookup${qs({ term })}`),
    enabled: term.length > 0,
    staleTime: 60_000,
  });
  const noun = kind === 'movie' ? 'movie' : 'series';
  const hint = kind === 'movie' ? 'a title, tmdb:550 or imdb:tt0137523' : 'a title, tvdb:ID, tmdb:ID or imdb:ttID';

  return (
    <>
      <PageHeader title={kind === 'movie' ? 'Add movie' : 'Add series'}>
        <Link to={kind === 'movie' ? '/add/import/movie' : '/add/import/series'}>
          Import existing {kind === 'movie' ? 'movies' : 'series'}
        </Link>
      </PageHeader>
      <search>
        <form
          className="toolbar search"
          onSubmit={(e) => {
            e.preventDefault();
            setChosen(null);
            setTerm(input.trim());
          }}
        >
          <label htmlFor={`${uid}-term`} className="sr-only">
            {`Search for a ${noun}`}
          </label>
          <input
            id={`${uid}-term`}
            type="search"
            value={input}
            placeholder={hint}
            aria-describedby={`${uid}-hint`}
            onChange={(e) => setInput(e.target.value)}
          />
          <button type="submit" className="primary">
            Search
          </button>
          <span id={`${uid}-hint`} className="muted small">
            Search by {hint}
          </span>
        </form>
      </search>
      {chosen ? <AddForm kind={kind} item={chosen} onDone={() => setChosen(null)} /> : null}
      {term && lookup.isPending ? <Loading what="results" /> : null}
      <ProblemNote error={lookup.error} />
      {lookup.data ? (
        <section aria-label="Search results" className="section">
          <p role="status" className="muted">
            {lookup.data.length === 1 ? '1 result' : `${lookup.data.length} results`}
          </p>
          <ul className="lookup-results">
            {lookup.data.map((r) => (
              <li key={`${r.tmdbId}-${r.tvdbId}-${r.title}`} className="lookup-result" data-testid="lookup-result">
                <LookupPoster images={r.images} title={r.title} />
                <div>
                  <h3>
                    {r.title} <span className="muted">({r.year})</span>
                  </h3>
                  <p className="muted small">
                    {[r.network, r.tmdbId ? `TMDB ${r.tmdbId}` : null, r.tvdbId ? `TVDB ${r.tvdbId}` : null, r.imdbId]
                      .filter(Boolean)
                      .join(' · ')}
                  </p>
                  <p className="overview-text">{r.overview ?? ''}</p>
                  {r.id ? (
                    <Link to={kind === 'movie' ? '/movie/$id' : '/series/$id'} params={{ id: String(r.id) }}>
                      Already in the library: open
                    </Link>
                  ) : (
                    <button type="button" aria-label={`Choose ${r.title} (${r.year})`} onClick={() => setChosen(r)}>
                      Choose
                    </button>
                  )}
                </div>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

export const AddMoviePage = () => <AddPage kind="movie" />;
export const AddSeriesPage = () => <AddPage kind="series" />;
