// Build configuration shared by weapp and H5; dev.ts / prod.ts add mode-specific settings.
import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import type { IMiniAppConfig } from '@tarojs/taro/types/compile'
import devConfig from './dev'
import prodConfig from './prod'

/** The H5 chunk that holds the built-in content and the mock service (bench/measure.mjs names it). */
const BUILT_IN_CHUNK = 'built-in'
const MOCK_DIR = path.resolve(__dirname, '..', 'mock')
const MOCK_SERVICE_DIR = path.resolve(__dirname, '..', 'src', 'services', 'mock')
const inDir = (file: string, dir: string) => file.startsWith(dir + path.sep)

/** The content files, the require.context that lists them (a module with no file), and the mock. */
function isBuiltIn(module: { resource?: string; context?: string | null }): boolean {
  const file = module.resource
  if (!file) return module.context === MOCK_DIR
  return (inDir(file, MOCK_DIR) && file.endsWith('.json')) || inDir(file, MOCK_SERVICE_DIR)
}

type WebpackChain = Parameters<NonNullable<IMiniAppConfig<'webpack5'>['webpackChain']>>[0]

/** The content files go through a loader that leaves out what the app does not show. */
function stripAppUnused(chain: WebpackChain) {
  chain.module
    .rule('built-in-content')
    .test((file: string) => inDir(file, MOCK_DIR) && file.endsWith('.json'))
    .use('built-in-content')
    .loader(path.resolve(__dirname, 'built-in-content-loader.cjs'))
}

/**
 * A build that sends sign-ups to a server is a service someone runs: its 隐私说明 must name who
 * and how to reach them. A production build without them is refused (development builds say so
 * on the page instead).
 */
function checkOperator() {
  if (process.env.NODE_ENV !== 'production' || !process.env.TARO_APP_API_BASE?.trim()) return
  const missing = ['TARO_APP_OPERATOR', 'TARO_APP_OPERATOR_CONTACT'].filter((k) => !process.env[k]?.trim())
  if (missing.length > 0) {
    throw new Error(
      `设置了 TARO_APP_API_BASE 的正式构建必须写明运营方：请设置 ${missing.join('、')}（见 README 环境变量），隐私说明里要告诉用户谁负责她的信息、怎样联系。`,
    )
  }
}

/**
 * Taro's H5 chooseLocation opens Tencent's map picker with the key in the LOCATION_APIKEY constant.
 * Defined only when TARO_APP_MAP_KEY is set: without it the programs page shows no map button.
 */
function mapKeyConstant(): Record<string, string> {
  const key = process.env.TARO_APP_MAP_KEY?.trim()
  return key ? { LOCATION_APIKEY: JSON.stringify(key) } : {}
}

export default defineConfig<'webpack5'>(async (merge) => {
  checkOperator()
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'jinguo-nianzhong-pandian',
    date: '2026-11-23',
    // Styles are written in CSS px for a 375-wide phone; Taro turns them into rpx / rem.
    designWidth: 375,
    deviceRatio: { 375: 2, 640: 2.34 / 2, 750: 1, 828: 1.81 / 2 },
    sourceRoot: 'src',
    // OUTPUT_ROOT lets a second H5 build (pointed at a server) sit beside the default one.
    outputRoot: process.env.OUTPUT_ROOT || `dist/${process.env.TARO_ENV}`,
    plugins: [],
    defineConstants: mapKeyConstant(),
    alias: {
      '@': path.resolve(__dirname, '..', 'src'),
      '@mock': path.resolve(__dirname, '..', 'mock'),
    },
    copy: {
      // weapp reads its light/dark colours from theme.json (app.config.ts sets themeLocation).
      patterns: process.env.TARO_ENV === 'weapp' ? [{ from: 'src/theme.json', to: 'dist/weapp/theme.json' }] : [],
      options: {},
    },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    terser: {
      enable: true,
      // Taro's default escapes every non-ASCII character (\uXXXX, 6 bytes for a Chinese character
      // that UTF-8 stores in 3). Mini-program and browser scripts are UTF-8, so keep them as they are.
      config: { output: { ascii_only: false } },
    },
    mini: {
      webpackChain: stripAppUnused,
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      output: {
        filename: 'js/[name].[hash:8].js',
        chunkFilename: 'js/[name].[chunkhash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[hash].css',
        chunkFilename: 'css/[name].[chunkhash].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false },
      },
      webpackChain(chain) {
        stripAppUnused(chain)
        // Taro splits only the entry's chunks on H5, so each page chunk carried its own copy of
        // everything it shares with other pages: the built-in content and mock service, Taro's
        // components, the store. Two groups take them out of the page chunks:
        const splitChunks = chain.optimization.get('splitChunks')
        chain.optimization.splitChunks({
          ...splitChunks,
          cacheGroups: {
            ...splitChunks.cacheGroups,
            // the content and the mock service in one chunk, loaded once by every page that reads
            // data; a build pointed at a server has neither, so it has no such chunk;
            [BUILT_IN_CHUNK]: {
              name: BUILT_IN_CHUNK,
              test: isBuiltIn,
              chunks: 'all',
              enforce: true,
              priority: 200,
            },
            // code two or more pages share, one chunk per set of pages that shares it (name: false),
            // so a later page's own libraries never land on the member's path through the app.
            pageShared: {
              name: false,
              chunks: 'async',
              minChunks: 2,
              minSize: 10000,
              priority: 150,
              reuseExistingChunk: true,
            },
          },
        })
      },
    },
  }
  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig)
  }
  return merge({}, baseConfig, prodConfig)
})
