#!/usr/bin/env bash
# archive integrate with spark-submit (Spark 4.1.1 installed; its launcher adds Java 17's --add-opens itself).
#   standalone:  packaging/kubernetes/spark-submit-integrate.sh spark://master:7077 hdfs:///acoustics/raw hdfs:///cardumen/archive
#   YARN:        packaging/kubernetes/spark-submit-integrate.sh yarn hdfs:///acoustics/raw hdfs:///cardumen/archive
#   Kubernetes:  packaging/kubernetes/spark-submit-integrate.sh k8s://https://API:6443 s3a://bucket/raw s3a://bucket/cardumen
set -euo pipefail
master="$1"; in="$2"; out="$3"; shift 3
here="$(cd "$(dirname "$0")/../.." && pwd)"
extra=()
case "$master" in
  k8s://*) extra=(--deploy-mode cluster --conf spark.kubernetes.container.image=cardumen-spark:0.1.0
                  --conf spark.kubernetes.namespace=cardumen --conf spark.kubernetes.authenticate.driver.serviceAccountName=cardumen-spark)
           jar=local:///opt/cardumen/cardumen-spark.jar ;;
  *)       jar="$here/cardumen-spark/target/cardumen-spark.jar" ;;
esac
exec "${SPARK_HOME:?set SPARK_HOME to a Spark 4.1 installation}/bin/spark-submit" --master "$master" "${extra[@]}" \
  --class pe.cardumen.spark.ArchiveMain --executor-memory 512m --conf spark.ui.enabled=false \
  --conf spark.executor.extraJavaOptions=-XX:+UseParallelGC \
  "$jar" integrate "$in" --out "$out" --channel 38 "$@"
