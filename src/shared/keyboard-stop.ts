// A keyboard stop for a Taro View in H5: ViewProps has no tabIndex, though the element takes it.
export const keyboardStop: object = { tabIndex: 0 }
