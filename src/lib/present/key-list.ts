/** Every key the dashboard and presentation mode answer to, in words, for the key help. */
export const PRESENTATION_KEYS: [string, string][] = [
  ['→  PageDown  Space', 'Next scene'],
  ['←  PageUp', 'Previous scene'],
  ['Home  End', 'First and last scene'],
  ['?', 'This help'],
  ['s', 'Speaker view: notes and a timer, in a second window'],
  ['Esc', 'Leave presentation mode (your own filters come back)'],
];

export const DASHBOARD_KEYS: [string, string][] = [
  ['p', 'Present'],
  ['?', 'This help'],
  ['Tab', 'The skip links, then each view’s controls'],
  ['Esc', 'Clear the filter of the view that has the focus'],
  ['Shift / Ctrl + click', 'Add to a view’s picks'],
  ['Arrows, Home, End', 'Move within the timeline and the matrices'],
];
