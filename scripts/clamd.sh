#!/usr/bin/env bash
# Starts ClamAV's daemon for development and tests, with a signature database of its own
# that knows only the EICAR test file (no signature download works here, and none is
# needed to prove the path end to end). Usage: scripts/clamd.sh WORKDIR
# Prints "clamd ready on WORKDIR/clamd.sock" when it answers, then waits on clamd (it
# runs in the foreground: stop it by killing this script's process group or clamd's pid,
# written to WORKDIR/clamd.pid).
set -euo pipefail
work=$(mkdir -p "${1:?usage: scripts/clamd.sh WORKDIR}" && cd "$1" && pwd)
mkdir -p "$work/db"
# The EICAR test string (public, harmless by design); its MD5 signature in a .hdb.
printf '%s' 'X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*' > "$work/eicar.com"
(cd "$work" && sigtool --md5 eicar.com) | sed 's/:eicar.com$/:Eicar-Test-Signature/' > "$work/db/eicar.hdb"
rm -f "$work/eicar.com" "$work/clamd.sock"
cat > "$work/clamd.conf" <<CONF
Foreground yes
LocalSocket $work/clamd.sock
PidFile $work/clamd.pid
DatabaseDirectory $work/db
LogFile $work/clamd.log
LogTime yes
# Uploads may be 100 MiB (and more by flag): scan streams up to 1 GiB whole.
StreamMaxLength 1024M
MaxScanSize 1024M
MaxFileSize 1024M
# No bytecode signatures or downloads here.
Bytecode no
CONF
clamd --config-file="$work/clamd.conf" >>"$work/clamd.out" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null || true' EXIT INT TERM
for _ in $(seq 1 300); do
  if [ -S "$work/clamd.sock" ]; then
    echo "clamd ready on $work/clamd.sock"
    wait "$pid"
    exit $?
  fi
  kill -0 "$pid" 2>/dev/null || { echo "clamd exited; see $work/clamd.log" >&2; exit 1; }
  sleep 0.1
done
echo "clamd did not start in 30 s; see $work/clamd.log" >&2
exit 1
