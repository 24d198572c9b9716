// Small library configuration records: root folders and tags.

export interface RootFolder {
  id: number;
  path: string;
}

export interface UnmappedFolder {
  name: string;
  path: string;
}

/** A root folder as the API shows it: what the disk says right now. */
export interface RootFolderView extends RootFolder {
  accessible: boolean;
  /** Bytes; null when the folder cannot be read. */
  freeSpace: number | null;
  totalSpace: number | null;
  unmappedFolders: UnmappedFolder[];
}

export interface Tag {
  id: number;
  label: string;
}

/** Where a tag is used, by the names Sonarr's /tag/detail uses plus movies and the provider kinds. */
export interface TagDetail extends Tag {
  movieIds: number[];
  seriesIds: number[];
  downloadClientIds: number[];
  indexerIds: number[];
  mediaServerIds: number[];
  notificationIds: number[];
  metadataIds: number[];
  importListIds: number[];
}
