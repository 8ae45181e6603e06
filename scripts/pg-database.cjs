// A throw-away PostgreSQL database on the server `adminUrl` points at: the server tests and the
// load benchmark each get an empty one and drop it afterwards. The role needs CREATEDB.
const { randomBytes } = require('node:crypto')
const pg = require('pg')

async function run(url, sql) {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    await client.query(sql)
  } finally {
    await client.end()
  }
}

/**
 * @param {string} adminUrl postgres://… of an existing database on the server
 * @param {string} prefix name prefix, letters and underscores
 * @returns {Promise<{ url: string, drop(): Promise<void> }>}
 */
async function createDatabase(adminUrl, prefix) {
  if (!/^[a-z_]+$/.test(prefix)) throw new Error(`database prefix ${prefix}: letters and underscores only`)
  // The name is made here from the prefix and hex digits only; CREATE DATABASE takes no parameters.
  const name = `${prefix}_${randomBytes(6).toString('hex')}`
  await run(adminUrl, `CREATE DATABASE ${name}`)
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  return { url: url.toString(), drop: () => run(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) }
}

module.exports = { createDatabase }
