package pe.cardumen.planning;

import java.util.ArrayList;
import java.util.List;

/**
 * Expected landings by month and region over the season, with fishmeal and fish oil: the catch is
 * landed month by month after the season's profile, and in each region (north, centre, south by
 * latitude) in proportion to the catch allocated to its zones; fishmeal = landings / (fish per meal),
 * fish oil = landings × yield.
 */
public final class SupplyPlan {
    /** Regions by latitude. */
    public static final List<String> REGIONS = List.of("north", "centre", "south");

    /**
     * One month.
     *
     * @param landingsT by region in {@link #REGIONS} order, t
     * @param cumulativeT landings up to and including this month, t
     */
    public record Month(int month, double[] landingsT, double totalT, double fishmealT, double fishOilT, double cumulativeT) {
    }

    private SupplyPlan() {
    }

    /**
     * @param regionShare share of the catch in each region, {@link #REGIONS} order, summing to 1
     */
    public static List<Month> plan(double catchT, double[] regionShare, int[] months, double[] profile, double fishPerMeal, double oilYield) {
        List<Month> out = new ArrayList<>();
        double cum = 0;
        for (int i = 0; i < months.length; i++) {
            double total = catchT * profile[i];
            double[] byRegion = new double[regionShare.length];
            for (int r = 0; r < byRegion.length; r++) {
                byRegion[r] = total * regionShare[r];
            }
            cum += total;
            out.add(new Month(months[i], byRegion, total, total / fishPerMeal, total * oilYield, cum));
        }
        return out;
    }

    /** The share of an allocation in each region, by the zones' latitudes (north to {@code northTo}°S, centre to {@code centreTo}°S). */
    public static double[] regionShares(Allocation.Result allocation, java.util.Map<String, Double> latByZone, double northTo, double centreTo) {
        double[] s = new double[3];
        double total = 0;
        for (Allocation.ZoneShare z : allocation.zones()) {
            double south = -latByZone.get(z.zone());
            int r = south < northTo ? 0 : south < centreTo ? 1 : 2;
            s[r] += z.catchT();
            total += z.catchT();
        }
        for (int r = 0; r < 3; r++) {
            s[r] = total > 0 ? s[r] / total : 0;
        }
        return s;
    }
}
