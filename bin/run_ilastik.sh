#!/usr/bin/env bash
# Drop-in for ilastik's run_ilastik.sh: existing scripts work by pointing at this file instead.
# Every argument (including --headless) is passed to jilastik unchanged.
exec "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../jilastik" "$@"
