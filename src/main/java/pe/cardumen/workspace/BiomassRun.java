package pe.cardumen.workspace;

import java.time.Instant;

/**
 * A stored biomass computation: which parameter set produced it, when, and its total.
 *
 * @param id                  the run's id
 * @param survey              the survey computed ({@code null}: all the workspace's NASC, no survey chosen)
 * @param parameterSetVersion the version of the parameter set used (see {@link Workspace#parameterSet(long)})
 * @param computedAt          when it was computed
 * @param replicates          bootstrap replicates
 * @param seed                bootstrap seed
 * @param totalT              total biomass, t
 * @param cv                  its bootstrap CV
 * @param zones               zones with a result
 */
public record BiomassRun(long id, String survey, long parameterSetVersion, Instant computedAt, int replicates, long seed, double totalT, double cv, int zones) {
}
