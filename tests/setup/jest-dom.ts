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
