package pe.cardumen.workspace;

import java.time.Instant;

/**
 * A model version scored against one survey's observed densities (metrics on log1p density).
 *
 * @param alert why this score crossed a threshold ({@code ""} when it did not)
 */
public record ModelScore(String model, String modelSha256, String survey, String period, Instant computedAt, double rmse, double mae, double r2, double bias,
                         double coverage, double auc, double totalErrorPct, int n, String alert) {
    public boolean alerted() {
        return alert != null && !alert.isEmpty();
    }
}
