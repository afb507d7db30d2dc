#!/usr/bin/env bash
# Submits the corpus job with spark-submit, using the cluster jar (Spark and Hadoop come from the cluster).
#
#   deploy/spark-submit.sh [spark-submit options] -- [corpus arguments]
#   deploy/spark-submit.sh --master yarn --deploy-mode cluster -- run --crawl CC-MAIN-2024-22 --out s3a://bucket/out
#
# SPARK_SUBMIT names the spark-submit to run (default: spark-submit on the PATH).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$root/jobs/target/corpus-jobs-cluster.jar"
if [ ! -f "$jar" ]; then
  (cd "$root" && mvn -B -q -DskipTests -pl jobs -am package)
fi

submit_args=()
while [ $# -gt 0 ] && [ "$1" != "--" ]; do
  submit_args+=("$1")
  shift
done
[ $# -gt 0 ] && shift

exec ${SPARK_SUBMIT:-spark-submit} --class org.corpuskit.jobs.cli.Corpus "${submit_args[@]}" "$jar" "$@"
