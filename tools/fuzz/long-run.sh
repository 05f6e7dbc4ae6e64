#!/usr/bin/env bash
# The long fuzz campaign (docs/fuzzing.md): kshape-fuzz in release, one seed after another,
# until the time is up; a crash that ends the fuzzer itself is kept with its seed and the run goes
# on with the next seed. Findings end up in OUT/crashes/.
#
#   tools/fuzz/long-run.sh [HOURS] [OUT]      (default 1 hour, .build/fuzz-long)
#
# Every other seed runs kshape under a limit on virtual memory (ULIMIT_V kilobytes, 250000 by
# default; 0 for none): there a failed allocation would stop kshape where a MemoryError is due.
set -uo pipefail
cd "$(dirname "$0")/../.."
hours=${1:-1}
out=${2:-.build/fuzz-long}
mkdir -p "$out/crashes"
swift build -c release --product kshape >/dev/null && swift build -c release --product kshape-fuzz >/dev/null || exit 1
bin=$(swift build -c release --show-bin-path)
limit=${ULIMIT_V:-250000}
limited="$(cd "$out" && pwd)/kshape-limited"
printf '#!/bin/sh\nulimit -v %s\nexec "%s" "$@"\n' "$limit" "$bin/kshape" > "$limited"
chmod +x "$limited"
end=$(( $(date +%s) + ${hours%.*} * 3600 ))
seed=${SEED:-$(date +%s)}
total=0
while [ "$(date +%s)" -lt "$end" ]; do
  left=$(( end - $(date +%s) ))
  binary="$bin/kshape"
  if [ "$limit" != 0 ] && [ $(( seed % 2 )) = 1 ]; then binary="$limited"; fi
  "$bin/kshape-fuzz" --seed "$seed" --seconds "$(( left < 600 ? left : 600 ))" --out "$out" \
    --binary "$binary" --binary-every 10 --max-loop 2147483648 > "$out/seed-$seed.log" 2>&1
  status=$?
  ran=$(grep -oE ': [0-9]+ inputs in' "$out/seed-$seed.log" | grep -oE '[0-9]+' | head -1)
  total=$(( total + ${ran:-0} ))
  if [ $status -ne 0 ]; then
    echo "seed $seed: status $status (see $out/seed-$seed.log)"
    for f in "$out"/current.*; do
      [ -e "$f" ] && mv "$f" "$out/crashes/seed-$seed-in-process.${f##*.}"
    done
  fi
  seed=$(( seed + 1 ))
done
echo "long run: about $total inputs over $hours h; findings: $(ls "$out/crashes" | wc -l) in $out/crashes"
