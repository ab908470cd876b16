#!/bin/sh
# Hostile catalogs: each tests/bad/CASE.xml must give exactly the
# diagnostics and exit status of CASE.err and write nothing.
GOLDEN_DIR=tests/bad exec sh tests/golden/run.sh
