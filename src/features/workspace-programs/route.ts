// Where the programs editor opens: kept here, not in src/routes.ts, so the mini-program's main
// package (which imports routes.ts) gains nothing from an H5-only page.
export const PROGRAMS_EDITOR_ROUTE = '/subpackages/organizer/programs/index'
