"""A release a week: `corpus refresh --crawl latest` through spark-submit, from Airflow.

Needs apache-airflow-providers-apache-spark and a Spark connection (`spark_default`: the master URL, such as
yarn, and the deploy mode). A week without a new crawl writes nothing; a run after a failed one finishes the
unfinished release; `max_active_runs=1` and the release directory's lock keep two refreshes apart. Change the
jar's location and the bucket below.
"""
import pendulum
from airflow import DAG
from airflow.providers.apache.spark.operators.spark_submit import SparkSubmitOperator

with DAG(
    dag_id="corpus_refresh",
    schedule="0 6 * * 1",
    start_date=pendulum.datetime(2026, 12, 7, tz="UTC"),
    catchup=False,
    max_active_runs=1,
    tags=["corpus"],
) as dag:
    SparkSubmitOperator(
        task_id="refresh",
        conn_id="spark_default",
        name="corpus-refresh",
        application="s3a://my-bucket/jars/corpus-jobs-cluster.jar",
        java_class="org.corpuskit.jobs.cli.Corpus",
        application_args=["refresh", "--crawl", "latest", "--releases", "s3a://my-bucket/corpus/releases"],
        conf={"spark.sql.shuffle.partitions": "2000"},
        executor_memory="14g",
        executor_cores=4,
        retries=2,
        retry_delay=pendulum.duration(minutes=30),
    )
