// Queue rows carry quality ids (`bluray-1080p`); the quality definitions hold the titles users see (and may
// rename in Settings → Profiles, which shares this query's cache key).
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { get } from '../api/client';

interface QualityDefinition {
  quality: { id: string; name: string };
  title: string;
}

/** Maps a quality id to its title; the id itself until the definitions have loaded (or for an unknown id). */
export function useQualityTitle(): (id: string) => string {
  const defs = useQuery({
    queryKey: ['qualityDefinitions'],
    queryFn: () => get<QualityDefinition[]>('/qualitydefinition'),
    staleTime: 5 * 60_000,
  });
  return useMemo(() => {
    const titles = new Map((defs.data ?? []).map((d) => [d.quality.id, d.title || d.quality.name]));
    return (id: string) => titles.get(id) ?? id;
  }, [defs.data]);
}
