#!/bin/sh
# A sweep as a Slurm array job on a single-node cluster started here and shut down again
# whatever happens (Debian's slurm-wlm and munge; as root). The tasks run
#   lrlab sweep CFG --shard $SLURM_ARRAY_TASK_ID/4   (odd tasks: --shard auto/4)
# and their merge must equal the unsharded sweep byte for byte.
#
# Everything is private, so that nothing of the machine is touched and two runs can overlap: a
# fresh munge key, munged on its own socket (AuthInfo), a slurm.conf in a temporary directory
# (SLURM_CONF) on two free ports, state and spool dirs there. No cgroups: proctrack/linuxproc
# and task/none. The node is this host by name, reached at 127.0.0.1, so that the hostname need
# not resolve.
#   tests/cluster/test_slurm.sh build/lrlab
set -u
[ $# -eq 1 ] || { echo "usage: $0 LRLAB" >&2; exit 2; }
L=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
CFG=$(cd "$(dirname "$0")" && pwd)/sweep_config.json
[ "$(id -u)" -eq 0 ] || { echo "SKIP: the Slurm test runs daemons as root" >&2; exit 77; }
for c in munged slurmctld slurmd sbatch scontrol sinfo python3; do
    command -v $c > /dev/null || PATH=$PATH:/usr/sbin
    command -v $c > /dev/null ||
        { echo "FAIL: $c missing (scripts/install-deps.sh installs slurm-wlm, munge)" >&2; exit 1; }
done

S=$(mktemp -d /tmp/lrlab-slurm.XXXXXX)
chmod 755 "$S"
export SLURM_CONF="$S/slurm.conf"
stop() {
    [ -f "$S/slurm.conf" ] && timeout 10 scontrol shutdown > /dev/null 2>&1
    for p in slurmd.bg slurmctld.bg munge/munged.pid; do
        [ -f "$S/$p" ] && kill "$(cat "$S/$p")" 2> /dev/null
    done
    sleep 1
    for p in slurmd.bg slurmctld.bg munge/munged.pid; do
        [ -f "$S/$p" ] && kill -9 "$(cat "$S/$p")" 2> /dev/null
    done
    rm -rf "$S"
}
trap stop EXIT
trap 'exit 1' INT TERM HUP PIPE
fail() {
    echo "FAIL: $*" >&2
    for f in "$S"/log/*; do echo "--- $f" >&2; tail -5 "$f" >&2; done
    exit 1
}

# munge: a private key (root can read it; munged checks owner and mode) and socket.
MUSER=munge
id munge > /dev/null 2>&1 || MUSER=root
mkdir -p "$S/sock" "$S/munge" "$S/log" "$S/state" "$S/spool" "$S/out"
dd if=/dev/urandom of="$S/munge/key" bs=1024 count=1 2> /dev/null
chown -R "$MUSER" "$S/sock" "$S/munge"
chmod 755 "$S/sock"
chmod 700 "$S/munge"
chmod 600 "$S/munge/key"
runuser -u "$MUSER" -- munged --force --socket="$S/sock/munge.socket" --key-file="$S/munge/key" \
    --log-file="$S/munge/munged.log" --pid-file="$S/munge/munged.pid" \
    --seed-file="$S/munge/munged.seed" || fail "munged did not start"
munge -S "$S/sock/munge.socket" -n | unmunge -S "$S/sock/munge.socket" > /dev/null ||
    fail "munge cannot encode and decode a credential"

# Two free TCP ports for slurmctld and slurmd.
set -- $(python3 -c 'import socket
s=[socket.socket() for _ in range(2)]
[x.bind(("127.0.0.1", 0)) for x in s]
print(*[x.getsockname()[1] for x in s])')
H=$(hostname -s)
cat > "$SLURM_CONF" <<CONF
ClusterName=lrlabtest
SlurmctldHost=$H(127.0.0.1)
SlurmctldPort=$1
SlurmdPort=$2
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$S/sock/munge.socket
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
StateSaveLocation=$S/state
SlurmdSpoolDir=$S/spool
SlurmctldPidFile=$S/slurmctld.pid
SlurmdPidFile=$S/slurmd.pid
SlurmctldLogFile=$S/log/slurmctld.log
SlurmdLogFile=$S/log/slurmd.log
ReturnToService=2
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
MpiDefault=none
SchedulerParameters=sched_interval=1
NodeName=$H NodeAddr=127.0.0.1 CPUs=$(nproc) State=UNKNOWN
PartitionName=lrlab Nodes=ALL Default=YES MaxTime=INFINITE State=UP
CONF
slurmctld -D > "$S/log/slurmctld.out" 2>&1 &
echo $! > "$S/slurmctld.bg"
slurmd -D -N "$H" > "$S/log/slurmd.out" 2>&1 &
echo $! > "$S/slurmd.bg"
i=0
until sinfo -h -o %T 2> /dev/null | grep -q idle; do
    i=$((i + 1)); [ $i -le 60 ] || fail "the node did not become idle in 30 s"; sleep 0.5
done

# The array job, then the merge.
GRID="--lr-range 0.001:10:7 --optimizers sgd,adam --target-loss 0.6"
cat > "$S/job.sh" <<JOB
#!/bin/sh
SHARD=auto/4
[ \$((SLURM_ARRAY_TASK_ID % 2)) -eq 0 ] && SHARD=\$SLURM_ARRAY_TASK_ID/4
exec "$L" sweep "$CFG" $GRID --shard \$SHARD --out "$S/out/shard-\$SLURM_ARRAY_TASK_ID.csv"
JOB
timeout 180 sbatch --wait --array=0-3 --chdir="$S" --output="$S/log/task-%a.txt" "$S/job.sh" \
    > /dev/null || fail "the array job failed or timed out"
"$L" sweep "$CFG" $GRID --out "$S/full.csv" || fail "unsharded sweep"
"$L" merge "$S"/out/shard-*.csv --out "$S/merged.csv" || fail "merge of the Slurm shards"
cmp "$S/merged.csv" "$S/full.csv" || fail "the merged Slurm shards differ from the unsharded sweep"
echo "slurm: a 4-task array job's shards merge into the unsharded sweep"
