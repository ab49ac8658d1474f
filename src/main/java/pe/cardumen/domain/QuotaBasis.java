package pe.cardumen.domain;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * What a quota plan rests on, chosen by the user and kept until the user changes it: one stored
 * biomass run of a survey (its id, so that computing other surveys — exploring history — never
 * changes it), or a model version's prediction for a month.
 *
 * @param kind   which of the two
 * @param survey the survey of the run ({@code null} for a run of NASC without a survey, or for a model)
 * @param run    the biomass run's id (0 for a model)
 * @param model  the model's {@code ID:VERSION} (null for a run)
 * @param period the month the model predicts (null for a run)
 */
public record QuotaBasis(Kind kind, String survey, long run, String model, YearMonth period) {
    /** A survey's stored run, or a model's prediction. */
    public enum Kind { SURVEY_RUN, MODEL }

    public QuotaBasis {
        Objects.requireNonNull(kind, "kind");
        if (kind == Kind.SURVEY_RUN && !(run > 0)) {
            throw new IllegalArgumentException("a survey basis names a stored biomass run, not " + run);
        }
        if (kind == Kind.MODEL && (model == null || model.isBlank() || period == null)) {
            throw new IllegalArgumentException("a model basis names the model (ID:VERSION) and the month it predicts");
        }
    }

    /** A survey's stored biomass run. */
    public static QuotaBasis surveyRun(String survey, long run) {
        return new QuotaBasis(Kind.SURVEY_RUN, survey, run, null, null);
    }

    /** A model's prediction of a month. */
    public static QuotaBasis model(String model, YearMonth period) {
        return new QuotaBasis(Kind.MODEL, null, 0, model, period);
    }

    /** Whether the plan rests on a model's prediction. */
    public boolean isModel() {
        return kind == Kind.MODEL;
    }

    /**
     * The basis as stored in a workspace: {@code run <id> <survey>} or {@code model <YYYY-MM> <ID:VERSION>}
     * (the free-text part last, so that it may hold spaces).
     */
    public String stored() {
        return kind == Kind.SURVEY_RUN ? "run " + run + (survey == null ? "" : " " + survey) : "model " + period + " " + model;
    }

    /**
     * Parses {@link #stored()}.
     *
     * @throws IllegalArgumentException when the text is not a stored basis
     */
    public static QuotaBasis parse(String text) {
        String[] f = text == null ? new String[0] : text.strip().split(" ", 3);
        try {
            if (f.length >= 2 && f[0].equals("run")) {
                return surveyRun(f.length == 3 ? f[2] : null, Long.parseLong(f[1]));
            }
            if (f.length == 3 && f[0].equals("model")) {
                return model(f[2], YearMonth.parse(f[1]));
            }
        } catch (NumberFormatException | DateTimeParseException e) {
            // fall through to the message below
        }
        throw new IllegalArgumentException("'" + text + "' is not a quota basis (run <id> <survey> or model <YYYY-MM> <ID:VERSION>)");
    }
}
