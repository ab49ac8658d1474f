package pe.cardumen.render;

import java.util.ArrayList;
import java.util.List;
import pe.cardumen.domain.LanguageNumbers;

/**
 * A choropleth's legend as the reader sees it: the title and one swatch and label per class, plus the
 * no-data class when some zones have no value. The screen builds its legend nodes from it and the
 * paper draws it with {@link LegendLayer}, so both say the same.
 *
 * @param title   the title with its unit and source
 * @param entries the classes, lowest first
 */
public record Legend(String title, List<Entry> entries) {
    /**
     * One class.
     *
     * @param argb  its colour
     * @param label its limits, e.g. {@code 12.5 – 40.0}, or the single value, or "no data"
     */
    public record Entry(int argb, String label) {
    }

    public Legend {
        entries = List.copyOf(entries);
    }

    /**
     * The legend of a choropleth.
     *
     * @param noData      whether some zones have no value
     * @param noDataLabel the no-data class's label in the reader's language
     * @param numbers     the reader's number format
     */
    public static Legend of(Choropleth c, boolean noData, String noDataLabel, LanguageNumbers numbers) {
        List<Entry> e = new ArrayList<>();
        double[] b = c.breaks();
        int[] colours = c.colours();
        for (int k = 0; k < colours.length; k++) {
            String label = c.singleValue(k) ? number(b[k], numbers) : number(b[k], numbers) + " – " + number(b[k + 1], numbers);
            e.add(new Entry(colours[k], label));
        }
        if (noData) {
            e.add(new Entry(ZoneClasses.NO_DATA, noDataLabel));
        }
        return new Legend(c.title(), e);
    }

    /**
     * A class limit with as many decimals as its size needs to read differently from its neighbours
     * (areas in thousands of nmi², SST in tenths of a degree, densities down to thousandths).
     */
    public static String number(double v, LanguageNumbers numbers) {
        double a = Math.abs(v);
        if (a == 0 || a >= 100) {
            return numbers.number(v, 0);
        }
        if (a >= 0.01) {
            return numbers.number(v, a >= 10 ? 1 : a >= 1 ? 2 : 3);
        }
        return numbers.significant(v, 2);
    }
}
