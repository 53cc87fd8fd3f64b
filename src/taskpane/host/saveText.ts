/**
 * Hands a text to the browser as a download (a case file, the committee summary as HTML); returns the file name.
 * Kept apart from download.ts so that saving a case does not load the workbook builder.
 * @example downloadText("{…}", "pilot.json", "application/json") // "pilot.json"
 */
export function downloadText(text: string, fileName: string, type: string): string {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return fileName;
}
