package pe.cardumen.ui.map;

import java.text.MessageFormat;
import java.util.ResourceBundle;
import pe.cardumen.domain.Zone;
import pe.cardumen.report.LatLon;

/** Human-readable descriptions of a zone for tooltips and the details panel. */
public final class ZoneText {
    private ZoneText() {
    }

    /**
     * The value the map colours a zone by, as {title with unit and source, value}: e.g. {"Biomass
     * density, survey 2025-2 (t nmi⁻²) — SIMULATED data", "12.34"}, or "no value" when it has none.
     */
    public static String[] colouredValue(Zone z, MapViewModel map, ResourceBundle texts) {
        ZoneAttribute a = map.colourByProperty().get();
        String title = map.colourTitle(texts.getString(a.titleKey()));
        double v = map.colourValue(z);
        return new String[] {title, Double.isNaN(v) ? texts.getString("map.noValue") : value(v)};
    }

    /** A value with the decimals its size needs (as the legend's limits). */
    static String value(double v) {
        double a = Math.abs(v);
        if (a == 0 || a >= 100) {
            return pe.cardumen.ui.Formats.number(v, a == 0 ? 0 : 1);
        }
        if (a >= 0.01) {
            return pe.cardumen.ui.Formats.number(v, a >= 10 ? 2 : 3);
        }
        return pe.cardumen.ui.Formats.significant(v, 3);
    }

    /** The tooltip: the value the map is coloured by, then the zone's description. */
    public static String tooltip(Zone z, MapViewModel map, ResourceBundle texts) {
        String[] c = colouredValue(z, map, texts);
        return c[0] + ": " + c[1] + "\n" + describe(z, texts);
    }

    /** Several lines: code, latitude band, distance band, area, stock. */
    public static String describe(Zone z, ResourceBundle texts) {
        StringBuilder sb = new StringBuilder();
        sb.append(MessageFormat.format(texts.getString("zone.code"), z.code())).append('\n');
        sb.append(MessageFormat.format(texts.getString("zone.latitudes"), LatLon.latitude(z.latMaxDegrees(), pe.cardumen.ui.Formats.decimalSeparator()), LatLon.latitude(z.latMinDegrees(), pe.cardumen.ui.Formats.decimalSeparator()))).append('\n');
        if (z.hasDistanceBand()) {
            sb.append(MessageFormat.format(texts.getString("zone.distances"), fmt("%.0f", z.distMinNmi()), fmt("%.0f", z.distMaxNmi()))).append('\n');
        }
        sb.append(MessageFormat.format(texts.getString("zone.area"), fmt("%,.1f", z.areaNmi2()), fmt("%,.0f", z.areaNmi2() * 1.852 * 1.852))).append('\n');
        sb.append(MessageFormat.format(texts.getString("zone.stock"), texts.getString("stock." + z.stock().id())));
        return sb.toString();
    }

    private static String fmt(String pattern, double v) {
        return pe.cardumen.ui.Formats.number(v, pattern.contains(".1") ? 1 : 0);
    }
}
