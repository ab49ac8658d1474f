/**
 * Harvest control: the decision table of projected spawning biomass per scenario and catch, the
 * recommended catch limit, its allocation by zone and the supply plan (DOMAIN.md §6).
 *
 * <p>May depend on {@code model} and every layer below it.
 */
package pe.cardumen.planning;
