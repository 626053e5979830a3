/**
 * The two spellings of a parameter flag: the vendor name (`--SourceUrls`, as the aliyun CLI
 * takes it) and its kebab case (`--source-urls`, used with the friendly command aliases).
 */

/** `SourceUrls` → `source-urls`, `CallbackURL` → `callback-url`, `TaskId` → `task-id`. */
export function kebabCase(vendorName: string): string {
  return vendorName
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2')
    .toLowerCase();
}

/** Which spelling a command shows in help and messages. */
export type FlagStyle = 'vendor' | 'kebab';

/** The flag for a vendor parameter name in a spelling: `--SourceUrls` or `--source-urls`. */
export function flagFor(vendorName: string, style: FlagStyle): string {
  return `--${style === 'vendor' ? vendorName : kebabCase(vendorName)}`;
}

/** A spelling-insensitive key, to suggest `--TaskId` for `--taskid` or `--Task_Id`. */
export function looseKey(name: string): string {
  return name.toLowerCase().replace(/[-_]/g, '');
}
