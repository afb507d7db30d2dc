#!/usr/bin/env bash
# End-to-end check of the cluster jar (jobs/target/corpus-jobs-cluster.jar) on a real standalone Spark cluster:
# a master and two worker processes on this machine (loopback only), the embedded sample submitted with
# deploy/spark-submit.sh, the counts checked, and the shards compared byte for byte with those of a local-mode
# run of the same sample.
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

out="$work/out"
SPARK_SUBMIT="$SPARK_HOME/bin/spark-submit" deploy/spark-submit.sh \
  --master "spark://127.0.0.1:$port" --conf spark.ui.enabled=false --executor-memory 768m --executor-cores 1 \
  --driver-java-options -Dlog4j2.level=warn -- \
  run --out "$out" | tee "$work/run.log"
grep -qE "^extract +ran +[0-9]+ +[0-9]+ +[0-9]+ +3 " "$work/run.log" || { echo "no funnel line for extract"; exit 1; }
grep -q '"status" : "succeeded"' "$out/run.json" || { echo "run.json does not say succeeded"; exit 1; }
for w in 1 2; do
  grep -q "app-" "$work/worker$w.log" || { echo "worker $w ran no executor"; exit 1; }
done

# The same sample in local mode, in a process of its own: its shards must be the same bytes.
bin/corpus run --out "$work/local" > "$work/local.log" 2>&1 || { cat "$work/local.log"; exit 1; }
cluster_sums="$(cd "$out/pack" && sha256sum shards/*.parquet)"
local_sums="$(cd "$work/local/pack" && sha256sum shards/*.parquet)"
[ "$cluster_sums" = "$local_sums" ] || { echo "shards differ from local mode:"; echo "$cluster_sums"; echo "$local_sums"; exit 1; }
echo "standalone cluster: the job ran on a master and two workers, shards equal to local mode's"
echo "$cluster_sums"

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
fs -cat /out/run.json | grep -q '"status" : "succeeded"' || { echo "run.json on HDFS does not say succeeded"; exit 1; }
hdfs_sums="$(cd "$work/hdfs-shards" && sha256sum ./*.parquet | sed 's| \./| shards/|')"
[ "$hdfs_sums" = "$local_sums" ] || { echo "shards on HDFS differ from local mode:"; echo "$hdfs_sums"; echo "$local_sums"; exit 1; }
echo "HDFS: the job read and wrote hdfs:// on the same cluster, shards equal to local mode's"
echo "local cluster test passed"
