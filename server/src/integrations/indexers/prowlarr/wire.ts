// Prowlarr API v1 shapes, only the fields idkarr reads (names as Prowlarr's OpenAPI document spells them).

export interface ProwlarrCategory {
  id: number;
  name?: string;
  subCategories?: ProwlarrCategory[];
}

export interface ProwlarrRelease {
  guid?: string;
  title?: string;
  size?: number;
  grabs?: number;
  indexerId?: number;
  indexer?: string;
  imdbId?: number;
  tmdbId?: number;
  tvdbId?: number;
  publishDate?: string;
  commentUrl?: string;
  downloadUrl?: string;
  infoUrl?: string;
  posterUrl?: string;
  indexerFlags?: string[];
  categories?: ProwlarrCategory[];
  magnetUrl?: string;
  infoHash?: string;
  seeders?: number;
  leechers?: number;
  protocol?: string;
  downloadVolumeFactor?: number;
  uploadVolumeFactor?: number;
  minimumRatio?: number;
  minimumSeedTime?: number;
}

export interface ProwlarrIndexer {
  id: number;
  name: string;
  protocol: string;
  enable: boolean;
  supportsRss?: boolean;
  supportsSearch?: boolean;
  priority?: number;
  tags?: number[];
  capabilities?: { categories?: ProwlarrCategory[] };
}
