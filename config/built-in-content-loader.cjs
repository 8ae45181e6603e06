// Webpack loader for mock/*.json in the app bundle: leaves out what the app never shows, and keeps
// the sign-up forms apart.
// - A figure's `quote` (its sentence in the source article) is for the data tests, the server and the
//   editor's provenance check; the phone only needs the figure. About 5 KB of the main package.
// - A program's sign-up form (about 8 KB) is needed only by the pages that sign up: with the query
//   `?forms` on the file (src/services/mock/content-forms.ts, loaded with those pages) this loader
//   gives the file's forms by program id, and without it the file comes without them. The query
//   makes the forms a module of their own resource, which the mini-program build places apart.
const APP_UNUSED_FIGURE_FIELDS = ['quote']

module.exports = function builtInContentLoader(source) {
  const file = JSON.parse(source)
  const programs = Array.isArray(file.programs) ? file.programs : []
  if (this.resourceQuery === '?forms') {
    const forms = {}
    for (const program of programs) if (program.signup) forms[program.id] = program.signup.form
    return JSON.stringify(forms)
  }
  for (const figure of Array.isArray(file.figures) ? file.figures : []) {
    for (const field of APP_UNUSED_FIGURE_FIELDS) delete figure[field]
  }
  for (const program of programs) if (program.signup) delete program.signup.form
  return JSON.stringify(file)
}
