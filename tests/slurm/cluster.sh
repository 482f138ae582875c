# shellcheck shell=bash
# A real single-node Slurm cluster in one directory, for tests: munged, slurmctld and slurmd from
# Debian's munge and slurm-wlm, with a generated key and slurm.conf. Nothing outside the directory
# is written (no /etc/slurm, no /run/munge), and the ports are free ones picked at start, so two
# clusters on one machine do not meet. Source this file, then:
#   cluster_start DIR   -> 0 up (node idle, SLURM_CONF exported); 77 the daemons cannot start here
#                          (not root, not installed, or a daemon exits at once: its log is printed)
#   cluster_stop DIR    -> cancels the jobs, stops the daemons by their pid files, waits for them
# Settings known to work on a VM or container without systemd or cgroup delegation:
# proctrack/linuxproc, task/none, no cgroup.conf, SlurmUser=root, munged as user munge.

CLUSTER_SKIP=77

cluster_log() { echo "slurm cluster: $*" >&2; }

# A TCP port nobody listens on now (the kernel picks it; a race with another binder is unlikely).
cluster_free_port() {
  /usr/bin/python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# pid in FILE, if that process is alive.
cluster_pid_alive() {
  local pid
  [ -s "$1" ] || return 1
  pid=$(cat "$1")
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null
}

# Waits up to $2 seconds for the daemon of pid file $1 to write its pid and stay alive.
cluster_wait_pid() {
  local file=$1 seconds=$2 i
  for ((i = 0; i < seconds * 10; i++)); do
    cluster_pid_alive "$file" && return 0
    sleep 0.1
  done
  return 1
}

cluster_cannot_start() {  # name, log file
  cluster_log "SKIP: $1 cannot start on this machine; its log:"
  [ -f "$2" ] && tail -n 20 "$2" >&2
  return $CLUSTER_SKIP
}

cluster_check_host() {
  if [ "$(id -u)" -ne 0 ]; then
    cluster_log "SKIP: must run as root (munged runs as user munge, slurmd as root)"
    return $CLUSTER_SKIP
  fi
  local tool
  for tool in munged slurmctld slurmd sbatch sinfo squeue scancel; do
    if ! command -v "$tool" >/dev/null && [ ! -x "/usr/sbin/$tool" ]; then
      cluster_log "SKIP: $tool is not installed (tools/setup.sh installs munge and slurm-wlm)"
      return $CLUSTER_SKIP
    fi
  done
  if ! getent passwd munge >/dev/null; then
    cluster_log "SKIP: no user munge (Debian's munge package creates it)"
    return $CLUSTER_SKIP
  fi
}

# munged with its own key and socket. It refuses a key others can read and a socket directory that
# others cannot traverse or can write.
cluster_start_munge() {
  local dir=$1/munge
  mkdir -p "$dir"
  dd if=/dev/urandom of="$dir/munge.key" bs=1024 count=1 status=none
  chown -R munge: "$dir"
  chmod 0755 "$dir"
  chmod 0400 "$dir/munge.key"
  # munged forks only once it is ready; its exit status says whether it started.
  if ! runuser -u munge -- /usr/sbin/munged --key-file="$dir/munge.key" --socket="$dir/munge.socket" \
    --pid-file="$dir/munged.pid" --log-file="$dir/munged.log" --seed-file="$dir/munged.seed" \
    </dev/null >"$dir/start.log" 2>&1 || ! cluster_wait_pid "$dir/munged.pid" 10; then
    cat "$dir/start.log" >&2
    cluster_cannot_start munged "$dir/munged.log"
  fi
}

cluster_write_conf() {
  local dir=$1 node=$2 ctld_port=$3 slurmd_port=$4 memory_mb
  memory_mb=$(awk '/^MemTotal:/ { print int($2 / 1024) }' /proc/meminfo)
  # config_overrides: the node is registered as configured (2 CPUs) whatever the machine has,
  # so a bigger or smaller CI runner never drains it.
  cat >"$dir/slurm.conf" <<EOF
ClusterName=gongkaitest
SlurmctldHost=$node(127.0.0.1)
SlurmUser=root
SlurmdUser=root
SlurmctldPort=$ctld_port
SlurmdPort=$slurmd_port
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$dir/munge/munge.socket
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/slurmctld.log
SlurmdLogFile=$dir/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SwitchType=switch/none
MpiDefault=none
SchedulerType=sched/builtin
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
SlurmdParameters=config_overrides
ReturnToService=2
JobCompType=jobcomp/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SlurmctldTimeout=30
SlurmdTimeout=30
InactiveLimit=0
KillWait=5
MinJobAge=4
NodeName=$node NodeHostname=$node NodeAddr=127.0.0.1 CPUs=2 RealMemory=$memory_mb State=UNKNOWN
PartitionName=debug Nodes=$node Default=YES MaxTime=INFINITE State=UP
EOF
}

# Waits up to $1 seconds for sinfo to show the node idle.
cluster_wait_idle() {
  local seconds=$1 i state=
  for ((i = 0; i < seconds * 2; i++)); do
    state=$(sinfo --noheader --format=%T 2>/dev/null | head -n 1)
    [ "$state" = idle ] && return 0
    sleep 0.5
  done
  cluster_log "the node is not idle after ${seconds}s (state '${state:-none}')"
  return 1
}

cluster_start() {
  local dir=$1 node=localhost
  cluster_check_host || return
  chmod 0755 "$dir"
  if ! runuser -u munge -- test -x "$dir"; then
    cluster_log "user munge cannot reach $dir: make its parent folders traversable (chmod o+x)"
    return 1
  fi
  mkdir -p "$dir/state" "$dir/spool"
  cluster_write_conf "$dir" "$node" "$(cluster_free_port)" "$(cluster_free_port)"
  export SLURM_CONF=$dir/slurm.conf
  cluster_start_munge "$dir" || return
  # -i: ignore any state in StateSaveLocation (it is new anyway).
  /usr/sbin/slurmctld -i </dev/null >"$dir/slurmctld.start.log" 2>&1
  cluster_wait_pid "$dir/slurmctld.pid" 15 ||
    { cat "$dir/slurmctld.start.log" >&2; cluster_cannot_start slurmctld "$dir/slurmctld.log"; return; }
  /usr/sbin/slurmd -N "$node" </dev/null >"$dir/slurmd.start.log" 2>&1
  cluster_wait_pid "$dir/slurmd.pid" 15 ||
    { cat "$dir/slurmd.start.log" >&2; cluster_cannot_start slurmd "$dir/slurmd.log"; return; }
  if ! cluster_wait_idle 60; then
    tail -n 20 "$dir/slurmctld.log" "$dir/slurmd.log" >&2
    return 1
  fi
  cluster_log "up in $dir: $(sinfo --noheader --format='%P %D %T %c CPUs')"
}

# Stops the daemons of the given pid files together (each takes 1-2 s to shut down): TERM, then
# KILL for any still alive after 10 s.
cluster_stop_daemons() {
  local file pids=() pid i alive
  for file in "$@"; do
    cluster_pid_alive "$file" && pids+=("$(cat "$file")")
  done
  [ ${#pids[@]} -gt 0 ] || return 0
  kill -TERM "${pids[@]}" 2>/dev/null
  for ((i = 0; i < 100; i++)); do
    alive=()
    for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && alive+=("$pid"); done
    [ ${#alive[@]} -eq 0 ] && return 0
    sleep 0.1
  done
  cluster_log "pids ${alive[*]} ignored TERM; killing them"
  kill -KILL "${alive[@]}" 2>/dev/null
}

cluster_stop() {
  local dir=$1 i
  [ -n "$dir" ] && [ -d "$dir" ] || return 0
  export SLURM_CONF=$dir/slurm.conf
  # Jobs first, so that no slurmstepd outlives its slurmd.
  if cluster_pid_alive "$dir/slurmctld.pid"; then
    scancel --quiet --full --partition=debug 2>/dev/null
    for ((i = 0; i < 40; i++)); do
      [ -z "$(squeue --noheader 2>/dev/null)" ] && break
      sleep 0.25
    done
  fi
  cluster_stop_daemons "$dir/slurmd.pid" "$dir/slurmctld.pid"
  cluster_stop_daemons "$dir/munge/munged.pid"
}
