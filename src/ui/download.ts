/**
 * Saves text the user asked for (a report, a backup) as a file through the browser's download.
 */

/** A file name part from free text: lower case, no accents, words joined by dashes. */
export function fileSlug(text: string, max = 40): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max)
    .replace(/-+$/, '');
  return slug || 'vigie';
}

/** Starts the download of `text` as `name`. */
export function downloadText(name: string, type: string, text: string): void {
  downloadBlob(name, new Blob([text], { type }));
}

/**
 * Starts the download of `blob` as `name`. A large file is best built as a Blob of many pieces
 * (`new Blob(pieces)`): it is then never one huge string in memory.
 */
export function downloadBlob(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own copy once it has started.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
