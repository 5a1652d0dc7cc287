/** Saves a file the app made (a CSV, a PNG) through the browser's own download. */
export function download(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Some browsers read the blob a little after the click: it is let go a while later.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
