// Webpack loader for mock/*.json in the app bundle: leaves out what the app never shows. A
// figure's `quote` (its sentence in the source article) is for the data tests, the server and the
// editor's provenance check; the phone only needs the figure. About 5 KB of the main package.
const APP_UNUSED_FIGURE_FIELDS = ['quote']

module.exports = function builtInContentLoader(source) {
  const file = JSON.parse(source)
  for (const figure of Array.isArray(file.figures) ? file.figures : []) {
    for (const field of APP_UNUSED_FIGURE_FIELDS) delete figure[field]
  }
  return JSON.stringify(file)
}
