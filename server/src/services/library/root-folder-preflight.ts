// The hardlink preflight shown when a root folder is added: can torrents be hardlinked from each known download
// folder into it? The library owns root folders but the import side owns download folders and the link test,
// so the import wiring plugs the check in here (late, the library is wired first); without it the answer is empty.
export interface HardlinkPreflightResult {
  downloadPath: string;
  rootFolderPath: string;
  hardlinks: boolean;
  sameFileSystem: boolean;
  message: string;
}

export type HardlinkPreflightCheck = (rootFolderPath: string) => Promise<HardlinkPreflightResult[]>;

export class RootFolderPreflight {
  private check: HardlinkPreflightCheck | undefined;

  use(check: HardlinkPreflightCheck): void {
    this.check = check;
  }

  /** Never fails the caller: a preflight that cannot run says nothing rather than blocking the add. */
  async hardlinks(rootFolderPath: string): Promise<HardlinkPreflightResult[]> {
    if (!this.check) return [];
    try {
      return await this.check(rootFolderPath);
    } catch {
      return [];
    }
  }
}
