// Keyboard access to what scrolls: only H5 needs it (keyboard-scroll.h5.ts); the mini-program scrolls
// its pages itself, so here it is a no-op that costs the main package nothing.
export function installKeyboardScroll(): void {}
