/** Which files are reports, by their names: what "From a report" accepts, and what a drop opens as one. */
export const REPORT_FILE = /\.(docx|md|markdown|txt|text)$/i;
export const REPORT_ACCEPT = '.docx,.md,.markdown,.txt,text/markdown,text/plain';
/** Files with no text to read (scanned documents, images): opened as a report, they are said to be so. */
export const NO_TEXT_FILE = /\.(pdf|png|jpe?g|gif|tiff?|webp|heic|bmp)$/i;
