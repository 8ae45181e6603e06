export function firstScreenFits(
  where: { hash: string; search: string },
  stored: (key: string) => string | null,
  fontPx: number,
): boolean
export function firstScreenScript(): string
