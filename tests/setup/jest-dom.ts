import '@testing-library/jest-dom/vitest';

// jsdom has no layout, so no ResizeObserver: Svelte's bind:clientWidth needs one to exist.
// This one never reports a size; views keep their initial sizes in component tests.
if (!('ResizeObserver' in globalThis)) {
  globalThis.ResizeObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
}

// jsdom has no media queries either: Svelte's MediaQuery needs `matchMedia` to exist. In
// component tests no query matches (a wide screen, no preference), and none ever changes.
if (typeof window !== 'undefined' && typeof window.matchMedia !== 'function') {
  window.matchMedia = (query: string) =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addEventListener() {},
      removeEventListener() {},
      addListener() {},
      removeListener() {},
      dispatchEvent: () => false,
    }) as MediaQueryList;
}
