// Same Babel setup as the app.
module.exports = require('../../babel.config.js')
