#!/usr/bin/env bash
# End-to-end check of the cluster jar (jobs/target/corpus-jobs-cluster.jar) on a real standalone Spark cluster:
# a master and two worker processes on this machine (loopback only), the embedded sample submitted with
# deploy/spark-submit.sh while executors are killed under it, the counts checked, and the shards compared byte
# for byte with those of local-mode runs on one and two cores with 1, 7 and 8 shuffle partitions, of a run on
# HDFS, and of a run on one worker: one set of SHA-256 values.
# Needs no Spark installation: SPARK_HOME is assembled from the Spark jars Maven resolves for jobs/.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(mktemp -d)"
master_pid=""
dfs_pid=""
worker_pids=()
cleanup() {
  for pid in "${worker_pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  [ -n "$dfs_pid" ] && kill "$dfs_pid" 2>/dev/null || true
  [ -n "$master_pid" ] && kill "$master_pid" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

cd "$root"
mvn -B -q -DskipTests -pl jobs -am install
mvn -B -q -pl jobs dependency:build-classpath -DincludeScope=compile -Dmdep.outputFile="$work/classpath.txt"

# SPARK_HOME/jars: what a cluster has (Spark with its Jackson and Guava, Hadoop, S3A), i.e. the job's class path
# without the libraries the cluster jar carries itself.
export SPARK_HOME="$work/spark"
mkdir -p "$SPARK_HOME/jars" "$SPARK_HOME/bin"
tr ':' '\n' < "$work/classpath.txt" | grep -vE '/(corpus-[a-z]+-|jsoup-|jwarc-|picocli-|dec-0|juniversalchardet-)' |
  while read -r jar; do ln -s "$jar" "$SPARK_HOME/jars/"; done
cat > "$SPARK_HOME/bin/spark-submit" <<'SUBMIT'
#!/usr/bin/env bash
exec java -Xmx1g -cp "$SPARK_HOME/jars/*" org.apache.spark.deploy.SparkSubmit "$@"
SUBMIT
chmod +x "$SPARK_HOME/bin/spark-submit"
export SPARK_LOCAL_IP=127.0.0.1 SPARK_SCALA_VERSION=2.13

port=$((20000 + RANDOM % 20000))
java -Xmx512m -cp "$SPARK_HOME/jars/*" org.apache.spark.deploy.master.Master \
  --host 127.0.0.1 --port "$port" --webui-port 0 > "$work/master.log" 2>&1 &
master_pid=$!
for w in 1 2; do
  java -Xmx512m -cp "$SPARK_HOME/jars/*" org.apache.spark.deploy.worker.Worker "spark://127.0.0.1:$port" \
    --host 127.0.0.1 --cores 1 --memory 1g --webui-port 0 --work-dir "$work/worker$w" > "$work/worker$w.log" 2>&1 &
  worker_pids+=($!)
done
for _ in $(seq 1 60); do
  [ "$(grep -c "Registering worker" "$work/master.log")" -ge 2 ] && break
  sleep 1
done
[ "$(grep -c "Registering worker" "$work/master.log")" -ge 2 ] || { cat "$work"/*.log; exit 1; }

# The sample on the two workers, with an executor JVM killed with -9 three times: while extract's tasks read,
# while a dedup job with a shuffle (connected components) runs, and while pack writes its shards. The driver's
# REST API (the UI on a port of its own) says which stage runs and which executor has tasks; the standalone
# master starts a new executor in place of each one killed, and Spark runs the lost tasks and shuffle outputs
# again. The run must finish without a restart and write the same shards as a clean run in local mode.
out="$work/out"
ui_port=$((20000 + RANDOM % 20000))
SPARK_SUBMIT="$SPARK_HOME/bin/spark-submit" deploy/spark-submit.sh \
  --master "spark://127.0.0.1:$port" --conf spark.ui.enabled=true --conf spark.ui.port="$ui_port" \
  --executor-memory 768m --executor-cores 1 --driver-java-options -Dlog4j2.level=warn -- \
  run --out "$out" > "$work/run.log" 2> "$work/run.err" &
submit_pid=$!
api="http://127.0.0.1:$ui_port/api/v1/applications"
# Waits, polling the driver every 50 ms, until a job of stage $1 runs tasks (one with a shuffle if $2 is
# "shuffle"), then prints the id of an executor with active tasks (of any live one if the tasks just ended);
# prints nothing if the application ends first.
busy_executor() {
  python3 - "$1" "$2" "$api" "$submit_pid" <<'POLL' 2>/dev/null || true
import json, os, sys, time, urllib.request
stage, shuffle, api, driver = sys.argv[1], sys.argv[2] == "shuffle", sys.argv[3], int(sys.argv[4])
def get(path):
    return json.load(urllib.request.urlopen(api + path, timeout=5))
while True:
    try:
        os.kill(driver, 0)
    except OSError:
        sys.exit(0)
    try:
        app = get("")[0]["id"]
        jobs = get(f"/{app}/jobs?status=running")
        if any(j.get("jobGroup") == stage and (j["numActiveTasks"] > 0 or j["numTasks"] > j["numCompletedTasks"])
               and (not shuffle or len(j["stageIds"]) > 1) for j in jobs):
            executors = [e for e in get(f"/{app}/executors") if e["id"] != "driver" and e["isActive"]]
            busy = [e["id"] for e in executors if e["activeTasks"] > 0] or [e["id"] for e in executors]
            if busy:
                print(busy[0])
                sys.exit(0)
    except Exception:
        pass
    time.sleep(0.05)
POLL
}
kills=0
for target in extract:any dedup:shuffle pack:any; do
  stage="${target%%:*}"
  executor="$(busy_executor "$stage" "${target#*:}")"
  pid=""
  [ -n "$executor" ] && pid="$(pgrep -f "CoarseGrainedExecutorBackend.* --executor-id $executor " | head -1)"
  if [ -z "$pid" ] || ! kill -9 "$pid"; then
    echo "found no executor to kill in $stage"; cat "$work/run.log" "$work/run.err"; exit 1
  fi
  echo "killed executor $executor (pid $pid) with -9 during $stage (${target#*:})"
  kills=$((kills + 1))
done
wait "$submit_pid" || { echo "the run with executors killed failed:"; cat "$work/run.log" "$work/run.err"; exit 1; }
cat "$work/run.log"
grep -qE "^extract +ran +[0-9]+ +[0-9]+ +[0-9]+ +3 " "$work/run.log" || { echo "no funnel line for extract"; exit 1; }
grep -q '"status" : "succeeded"' "$out/run.json" || { echo "run.json does not say succeeded"; exit 1; }
[ "$(grep -c "Lost executor" "$work/run.err")" -ge "$kills" ] || { echo "the driver did not see $kills executors lost"; exit 1; }
for w in 1 2; do
  grep -q "app-" "$work/worker$w.log" || { echo "worker $w ran no executor"; exit 1; }
done

# The same sample in local mode, in processes of their own, on one and two cores with 1, 7 and the default
# number of shuffle partitions: every run's shards must be the same bytes as the cluster's.
bin/corpus run --out "$work/local" > "$work/local.log" 2>&1 || { cat "$work/local.log"; exit 1; }
cluster_sums="$(cd "$out/pack" && sha256sum shards/*.parquet)"
local_sums="$(cd "$work/local/pack" && sha256sum shards/*.parquet)"
[ "$cluster_sums" = "$local_sums" ] || { echo "shards differ from local mode:"; echo "$cluster_sums"; echo "$local_sums"; exit 1; }
echo "standalone cluster: the job ran on a master and two workers, $kills executors killed, shards equal to local mode's"
echo "$cluster_sums"
for matrix in "local[1] 7" "local[2] 1"; do
  set -- $matrix
  bin/corpus run --master "$1" --set "spark.conf.spark.sql.shuffle.partitions=$2" --out "$work/local-$2" \
    > "$work/local-$2.log" 2>&1 || { cat "$work/local-$2.log"; exit 1; }
  sums="$(cd "$work/local-$2/pack" && sha256sum shards/*.parquet)"
  [ "$sums" = "$local_sums" ] || { echo "shards of $1 with $2 shuffle partitions differ:"; echo "$sums"; exit 1; }
  echo "$1 with $2 shuffle partitions: shards equal"
done

# HDFS: a real name node and data node (Hadoop's MiniDFSCluster, in a process of its own, its classpath resolved
# by Maven from hadoop-minicluster), the sample's archive, benchmark and reference set put into it, and the same
# run submitted to the same cluster reading hdfs:// and writing hdfs://. YARN is not tried: spark-yarn_2.13 4.1.0
# is not in the repository this machine reaches (docs/decisions.md).
mkdir -p "$work/minidfs/conf" "$work/minidfs/data"
cat > "$work/minidfs/pom.xml" <<'POM'
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>local</groupId><artifactId>minidfs</artifactId><version>1</version><packaging>pom</packaging>
  <dependencies>
    <dependency><groupId>org.apache.hadoop</groupId><artifactId>hadoop-minicluster</artifactId><version>3.4.2</version></dependency>
    <dependency><groupId>junit</groupId><artifactId>junit</artifactId><version>4.13.2</version></dependency>
  </dependencies>
</project>
POM
(cd "$work/minidfs" && mvn -B -q dependency:build-classpath -Dmdep.outputFile=classpath.txt)
nn_port=$((20000 + RANDOM % 20000))
(cd "$work/minidfs/data" && exec java -Xmx512m -cp "$(cat "$work/minidfs/classpath.txt")" \
  org.apache.hadoop.mapreduce.MiniHadoopClusterManager -nomr -format -nnport "$nn_port" -datanodes 1 \
  -D dfs.replication=1 -writeDetails "$work/minidfs/details.json" > "$work/minidfs.log" 2>&1) &
dfs_pid=$!
for _ in $(seq 1 120); do [ -s "$work/minidfs/details.json" ] && break; sleep 1; done
[ -s "$work/minidfs/details.json" ] || { tail -50 "$work/minidfs.log"; exit 1; }
hdfs="hdfs://127.0.0.1:$nn_port"
# Hadoop's shell reads its file system from a core-site.xml on the class path.
printf '<configuration><property><name>fs.defaultFS</name><value>%s</value></property></configuration>\n' "$hdfs" \
  > "$work/minidfs/conf/core-site.xml"
fs() { java -cp "$work/minidfs/conf:$SPARK_HOME/jars/*" org.apache.hadoop.fs.FsShell "$@" 2> "$work/fs.log"; }
fs -mkdir -p /crawl
fs -put "$work/local/sample/CC-MAIN-2024-22-sample-00000.warc.gz" "$work/local/sample/benchmark.jsonl" \
  "$work/local/sample/reference.jsonl" /crawl/
SPARK_SUBMIT="$SPARK_HOME/bin/spark-submit" deploy/spark-submit.sh \
  --master "spark://127.0.0.1:$port" --conf spark.ui.enabled=false --executor-memory 768m --executor-cores 1 \
  --driver-java-options -Dlog4j2.level=warn -- \
  run --input "$hdfs/crawl/CC-MAIN-2024-22-sample-00000.warc.gz" --benchmark "sample=$hdfs/crawl/benchmark.jsonl:fields=question+answer" --documents "reference=$hdfs/crawl/reference.jsonl" --out "$hdfs/out" | tee "$work/hdfs.log"
grep -qE "^extract +ran +[0-9]+ +[0-9]+ +[0-9]+ +3 " "$work/hdfs.log" || { echo "no funnel line for extract"; exit 1; }
fs -get /out/pack/shards "$work/hdfs-shards"
# Read whole before grep looks at it: grep -q stops at the first match, and under pipefail the shell it closed
# the pipe on counts as failed.
hdfs_run_json="$(fs -cat /out/run.json)"
grep -q '"status" : "succeeded"' <<< "$hdfs_run_json" || { echo "run.json on HDFS does not say succeeded"; exit 1; }
hdfs_sums="$(cd "$work/hdfs-shards" && sha256sum ./*.parquet | sed 's| \./| shards/|')"
[ "$hdfs_sums" = "$local_sums" ] || { echo "shards on HDFS differ from local mode:"; echo "$hdfs_sums"; echo "$local_sums"; exit 1; }
echo "HDFS: the job read and wrote hdfs:// on the same cluster, shards equal to local mode's"

# One worker: the second stopped, the sample run once more on what is left.
kill "${worker_pids[1]}"
wait "${worker_pids[1]}" 2>/dev/null || true
worker_pids=("${worker_pids[0]}")
SPARK_SUBMIT="$SPARK_HOME/bin/spark-submit" deploy/spark-submit.sh \
  --master "spark://127.0.0.1:$port" --conf spark.ui.enabled=false --executor-memory 768m --executor-cores 1 \
  --driver-java-options -Dlog4j2.level=warn -- \
  run --out "$work/one-worker" > "$work/one-worker.log" 2>&1 || { cat "$work/one-worker.log"; exit 1; }
sums="$(cd "$work/one-worker/pack" && sha256sum shards/*.parquet)"
[ "$sums" = "$local_sums" ] || { echo "shards on one worker differ:"; echo "$sums"; exit 1; }
echo "one worker: shards equal to local mode's"
echo "local cluster test passed"
