// HDBits JSON API shapes (POST /api/torrents), only the fields idkarr sends or reads.

export interface HdbitsQuery {
  username: string;
  passkey: string;
  category?: number[];
  codec?: number[];
  medium?: number[];
  imdb?: { id: number };
  tvdb?: { id: number; season?: number; episode?: number };
  search?: string;
  limit?: number;
  page?: number;
}

export interface HdbitsTorrent {
  id: number | string;
  hash?: string;
  leechers?: number;
  seeders?: number;
  name?: string;
  times_completed?: number;
  size?: number;
  utadded?: number;
  added?: string;
  numfiles?: number;
  filename?: string;
  freeleech?: string;
  type_category?: number;
  type_codec?: number;
  type_medium?: number;
  type_origin?: number;
  tvdb?: { id?: number; season?: number; episode?: number };
  imdb?: { id?: number };
}

export interface HdbitsResponse {
  status: number;
  message?: string;
  data?: HdbitsTorrent[] | null;
}
