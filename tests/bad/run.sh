#!/bin/sh
# Hostile catalogs: each tests/bad/CASE.xml must give exactly the
# diagnostics and exit status of CASE.err and write nothing, within the
# golden runner's 60 s and, here, 512 MiB of address space (not under the
# sanitizers, which reserve terabytes of it).
[ -n "${ERRCAT_SANITIZE:-}" ] || ulimit -v 524288
GOLDEN_DIR=tests/bad exec sh tests/golden/run.sh
