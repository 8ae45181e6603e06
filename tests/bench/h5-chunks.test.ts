// The H5 path figure is read from the build: which files index.html starts and which chunks each
// route's loader asks for. These builds are small hand-written stand-ins of Taro's output.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { h5PathScripts, h5RouteChunks, h5Scripts } from '../../bench/h5-chunks.cjs'
import { setPath } from '../../bench/weapp-harness.cjs'

let dist: string

const chunk = (ids: (number | string)[], body: string) =>
  `"use strict";(self.webpackJsonp=self.webpackJsonp||[]).push([[${ids.join(',')}],{${body}}]);`
const route = (path: string, ids: number[]) =>
  `Object.assign({"path":"${path}","load":function load(a,u){return[${
    ids.length === 1 ? `s.e(${ids[0]})` : `Promise.all([${ids.map((i) => `s.e(${i})`).join(',')}])`
  }.then(s.bind(s,1234)),a,u]}},{})`

function writeBuild(routes: string) {
  dist = mkdtempSync(join(tmpdir(), 'h5-'))
  mkdirSync(join(dist, 'js'))
  writeFileSync(
    join(dist, 'index.html'),
    '<html><head><script defer="defer" src="/js/337.aa.js"></script><script defer="defer" src="/js/app.aa.js"></script></head></html>',
  )
  writeFileSync(join(dist, 'js', '337.aa.js'), chunk([337], '"1":function(){}'))
  writeFileSync(join(dist, 'js', 'app.aa.js'), `!function(){var x=[${routes}]}()`)
  writeFileSync(join(dist, 'js', 'built-in.bb.js'), chunk([783], `"2":function(){var c="${'内容'.repeat(500)}"}`))
  writeFileSync(join(dist, 'js', '742.cc.js'), chunk([742], '"3":function(){}'))
  writeFileSync(join(dist, 'js', '10.dd.js'), chunk([10], '"4":function(){}'))
  writeFileSync(join(dist, 'js', '11.ee.js'), chunk([11], '"5":function(){}'))
}

afterEach(() => rmSync(dist, { recursive: true, force: true }))

describe('H5 JS on a path, read from the build', () => {
  it('counts the entry scripts and each chunk the routes load, each file once', () => {
    writeBuild([route('pages/feed/index', [783, 742, 10]), route('pages/report/index', [783, 742, 11])].join(','))
    const { routes, entry } = h5RouteChunks(dist)
    expect(entry).toEqual(['js/337.aa.js', 'js/app.aa.js'])
    expect(routes.get('pages/feed/index')).toEqual(['js/built-in.bb.js', 'js/742.cc.js', 'js/10.dd.js'])
    const path = h5PathScripts(dist, ['pages/feed/index', 'pages/report/index'])
    expect(path.missing).toEqual([])
    expect(path.files).toEqual([
      'js/337.aa.js',
      'js/app.aa.js',
      'js/built-in.bb.js',
      'js/742.cc.js',
      'js/10.dd.js',
      'js/11.ee.js',
    ])
    const all = h5Scripts(dist)
    expect(path.bytes).toBe(all.reduce((a, s) => a + s.bytes, 0))
    expect(all[0].file).toBe('js/built-in.bb.js')
  })

  it('reads a route that loads a single chunk', () => {
    writeBuild(route('pages/feed/index', [10]))
    expect(h5PathScripts(dist, ['pages/feed/index']).files).toEqual(['js/337.aa.js', 'js/app.aa.js', 'js/10.dd.js'])
  })

  it('lists a route the build does not have as missing', () => {
    writeBuild(route('pages/feed/index', [783, 10]))
    expect(h5PathScripts(dist, ['pages/feed/index', 'subpackages/signup/form/index']).missing).toEqual([
      'subpackages/signup/form/index',
    ])
  })

  it('refuses a route whose chunk has no file', () => {
    writeBuild(route('pages/feed/index', [783, 999]))
    expect(() => h5RouteChunks(dist)).toThrow(/pages\/feed\/index/)
  })
})

describe('weapp harness page data', () => {
  it('applies setData paths as the mini-program does', () => {
    const data: Record<string, unknown> = {}
    setPath(data, 'root.cn', [{ nn: 'view', cn: [{ nn: 'text', v: 'a' }] }])
    setPath(data, 'root.cn.[0].cn.[0].v', 'b')
    setPath(data, 'root.cn.[0].cn.[1]', { nn: 'text', v: 'c' })
    expect(data).toEqual({
      root: {
        cn: [
          {
            nn: 'view',
            cn: [
              { nn: 'text', v: 'b' },
              { nn: 'text', v: 'c' },
            ],
          },
        ],
      },
    })
  })
})
