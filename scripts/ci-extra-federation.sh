#!/usr/bin/env bash
# Adding a federation is adding a file: copy a federation no test names (tests/fixtures/ci-federation)
# into mock/, with its source text, run the whole `npm test` unchanged, and take it out again.
set -euo pipefail
cd "$(dirname "$0")/.."

FIXTURE=tests/fixtures/ci-federation
added=()
cleanup() {
  for f in "${added[@]}"; do rm -f "$f"; done
}
trap cleanup EXIT

for f in "$FIXTURE"/*.json "$FIXTURE"/*.txt; do
  target="mock/$(basename "$f")"
  if [ -e "$target" ]; then
    echo "ci-extra-federation: $target already exists; not overwriting it" >&2
    exit 1
  fi
  cp "$f" "$target"
  added+=("$target")
done

echo "ci-extra-federation: added ${added[*]}"
npm test
