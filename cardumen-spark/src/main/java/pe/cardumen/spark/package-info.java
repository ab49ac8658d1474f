/**
 * Cardumen's Apache Spark jobs over national archives: the desktop's science classes (echo
 * integration, zones) run unchanged on the executors; Spark only spreads the files over them and
 * writes Parquet. ADR 0015 says how the module is built and how files are grouped into tasks.
 */
package pe.cardumen.spark;
