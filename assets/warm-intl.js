// Prepares the browser's number and date formatting while the wasm downloads. A page's
// first Intl.NumberFormat costs about 12 ms and its first Intl.DateTimeFormat about 2 ms
// (50 and 9 ms on a phone four times slower: measured in Chromium), however small the
// number; made here, that cost falls in the idle download instead of the first render of
// the page's data, its longest task. The portal's own formatters (src/format.rs) come
// after, each in well under a millisecond. After the first paint: nothing waits for it.
setTimeout(() => {
  new Intl.NumberFormat(navigator.language).format(0);
  new Intl.DateTimeFormat(navigator.language).format(0);
}, 0);
