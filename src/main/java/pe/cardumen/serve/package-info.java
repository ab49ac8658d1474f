/**
 * {@code cardumen serve}: the prediction service — the same services the CLI and the window use
 * (models, quota, report, monitoring, zones) behind HTTP (Javalin on Jetty) with Prometheus metrics
 * (Micrometer). ADR 0016.
 */
package pe.cardumen.serve;
