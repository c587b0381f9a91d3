#!/usr/bin/env bash
# The corpus workflow through its Slurm profile on a one-node Slurm cluster started here, on
# localhost: its own munged, slurmctld and slurmd, configured in a temporary folder and stopped at
# the end. Checks that the outputs equal those of `termalign run` on the same archive.
#   slurm_test.sh TERMALIGN_BINARY SOURCE_DIR
# Exits 77 (skipped) with the reason when it cannot run here: not root (slurmd starts jobs as
# their user), or snakemake, munge or Slurm (slurm-wlm) not installed.
set -euo pipefail
binary=$1
source_dir=$2

skip() {
  echo "skipped: $*"
  exit 77
}
[[ $(id -u) -eq 0 ]] || skip "a local Slurm cluster needs root (slurmd)"
for tool in snakemake munged slurmctld slurmd sbatch scontrol sinfo srun; do
  command -v "$tool" >/dev/null || skip "$tool is not installed (apt-get install slurm-wlm munge snakemake)"
done

work=$(mktemp -d /tmp/termalign-slurm.XXXXXX)
cleanup() {
  for pid_file in "$work/slurmd.pid" "$work/slurmctld.pid" "$work/munged.pid"; do
    [[ -s $pid_file ]] && kill "$(cat "$pid_file")" 2>/dev/null || true
  done
  sleep 1
  [[ -n ${KEEP_WORK:-} ]] || rm -rf "$work"
}
trap cleanup EXIT
mkdir -p "$work/state" "$work/spool" "$work/run"

# munge, with a key of its own and its own socket.
dd if=/dev/urandom of="$work/munge.key" bs=1024 count=1 status=none
chmod 600 "$work/munge.key"
munged --force --key-file="$work/munge.key" --socket="$work/munge.socket" \
  --pid-file="$work/munged.pid" --log-file="$work/munged.log" --seed-file="$work/munged.seed" ||
  skip "munged does not start on this machine: $(tail -3 "$work/munged.log" 2>/dev/null)"

# Ports other than Slurm's defaults, so that a cluster already on this machine is left alone.
node=$(hostname -s)
cat >"$work/slurm.conf" <<EOF
ClusterName=termalign-test
SlurmctldHost=$node
SlurmctldPort=6917
SlurmdPort=6918
AuthType=auth/munge
AuthInfo=socket=$work/munge.socket
SlurmUser=root
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
# Schedule every second rather than every minute: the jobs are short.
SchedulerParameters=sched_interval=1,bf_interval=1
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
MpiDefault=none
ReturnToService=2
SlurmctldPidFile=$work/slurmctld.pid
SlurmdPidFile=$work/slurmd.pid
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldLogFile=$work/slurmctld.log
SlurmdLogFile=$work/slurmd.log
NodeName=$node CPUs=$(nproc) RealMemory=$(awk '/MemTotal/ { print int($2 / 1024) }' /proc/meminfo) State=UNKNOWN
PartitionName=test Nodes=$node Default=YES MaxTime=INFINITE State=UP
EOF
export SLURM_CONF=$work/slurm.conf
export USER=${USER:-$(id -un)}  # Snakemake's Slurm support reads it
# A machine that cannot hold a cluster (no daemons allowed, a host name that does not resolve)
# is no failure of the workflow: the test says why and is skipped; what fails once the node is
# up is the workflow's.
slurmctld -i || skip "slurmctld does not start here: $(tail -3 "$work/slurmctld.log" 2>/dev/null)"
slurmd || skip "slurmd does not start here: $(tail -3 "$work/slurmd.log" 2>/dev/null)"
for _ in $(seq 60); do
  sinfo -h -o %t 2>/dev/null | grep -q idle && break
  sleep 0.5
done
sinfo -h -o %t 2>/dev/null | grep -q idle ||
  skip "the one-node cluster did not come up: $(tail -5 "$work/slurmctld.log" "$work/slurmd.log" 2>/dev/null | tr '\n' ' ')"

cd "$work/run"
python3 "$source_dir/workflow/corpus_gen.py" archive 20 4 --broken 1
export SOURCE_DATE_EPOCH=1700000000
"$binary" run archive/manifest.tsv -o run -q >/dev/null 2>&1 && exit_code=0 || exit_code=$?
[[ $exit_code -eq 2 ]] || { echo "run: exit $exit_code, expected 2 (one pair fails)"; exit 1; }

snakemake -s "$source_dir/workflow/Snakefile" --profile "$source_dir/workflow/profiles/slurm" \
  --config manifest=archive/manifest.tsv output=wf binary="$binary" batch=4 map_mem_mb=200 \
  glossary_mem_mb=500 >snakemake.log 2>&1 ||
  { tail -40 snakemake.log; exit 1; }

# The jobs went through Slurm: each one left its log (5 map and 5 check jobs of 4 pairs, the
# glossary, the merge and the report).
jobs=$(ls .snakemake/slurm_logs/*/*.log 2>/dev/null | wc -l)
[[ $jobs -eq 13 ]] || { echo "expected 13 Slurm job logs, found $jobs"; exit 1; }
status=0
for file in termalign.tmx qa.jsonl glossary.tbx; do
  cmp -s "run/$file" "wf/$file" || { echo "wf/$file differs from run/$file"; status=1; }
done
diff -r run/tmx wf/tmx >/dev/null || { echo "wf/tmx differs from run/tmx"; status=1; }
[[ $(wc -l <wf/errors.txt) -eq 1 ]] || { echo "wf/errors.txt: expected one failed pair"; status=1; }
[[ $status -eq 0 ]] && echo "the workflow through Slurm ($jobs jobs) wrote what run writes"
exit $status
