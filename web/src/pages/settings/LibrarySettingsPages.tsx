// Library settings pages, split by area; re-exported here so the router's lazy imports stay one chunk.
export { CustomFormatsPage, RemotePathMappingsPage } from './CustomFormatsPages';
export { ImportListExclusionsPage, TagsPage } from './ExclusionsTagsPages';
export { ProfilesPage } from './ProfilesPage';
