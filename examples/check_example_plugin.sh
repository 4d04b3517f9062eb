#!/usr/bin/env bash
# Install the example plugin into an environment and check that imrparse loads it.
#
#   examples/check_example_plugin.sh BIN_DIR
#
# BIN_DIR is the environment's bin directory (the one with its pip and imrparse, e.g.
# .venv/bin). The plugin is uninstalled again at the end, so the environment's other
# tests do not see its extras.
set -euo pipefail

BIN=${1:?usage: $0 BIN_DIR (the venv bin directory with pip and imrparse)}
BIN=$(cd "$BIN" && pwd)
cd "$(dirname "$0")/.."

cleanup() { "$BIN/pip" uninstall -q -y imrparse-example-plugin >/dev/null 2>&1 || true; }
trap cleanup EXIT

"$BIN/pip" install -q ./examples/imrparse-example-plugin

echo "--- imrparse plugins"
"$BIN/imrparse" plugins | grep example

echo "--- imrparse parse --format tsv"
letter=$(ls tests/fixtures/letters/*.txt 2>/dev/null | head -n 1 || true)
if [ -n "$letter" ]; then
    out=$("$BIN/imrparse" parse "$letter" --format tsv)
else  # no fixtures in this checkout: the synthetic sample letter of imrparse.testing
    out=$("$BIN/python" -c 'import imrparse.testing as t; print(t.SAMPLE_LETTER, end="")' \
          | "$BIN/imrparse" parse - --format tsv)
fi
printf '%s\n' "$out"
header=${out%%$'\n'*}  # no `| head`: under pipefail its early exit can fail the pipe
lines=$(printf '%s\n' "$out" | wc -l)
if [ "$header" != "$(printf 'source\tcase_number\titem\trequest\tdecision\tcategory\trationale_words')" ] || [ "$lines" -lt 2 ]; then
    echo "check_example_plugin: unexpected tsv output" >&2
    exit 1
fi
echo "example plugin: ok"
