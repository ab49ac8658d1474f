package pe.cardumen.ui.map;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import pe.cardumen.domain.Zone;
import pe.cardumen.report.LatLon;

/** Human-readable descriptions of a zone for tooltips and the details panel. */
public final class ZoneText {
    private ZoneText() {
    }

    /** Several lines: code, latitude band, distance band, area, stock. */
    public static String describe(Zone z, ResourceBundle texts) {
        StringBuilder sb = new StringBuilder();
        sb.append(MessageFormat.format(texts.getString("zone.code"), z.code())).append('\n');
        sb.append(MessageFormat.format(texts.getString("zone.latitudes"), LatLon.latitude(z.latMaxDegrees()), LatLon.latitude(z.latMinDegrees()))).append('\n');
        if (z.hasDistanceBand()) {
            sb.append(MessageFormat.format(texts.getString("zone.distances"), fmt("%.0f", z.distMinNmi()), fmt("%.0f", z.distMaxNmi()))).append('\n');
        }
        sb.append(MessageFormat.format(texts.getString("zone.area"), fmt("%,.1f", z.areaNmi2()), fmt("%,.0f", z.areaNmi2() * 1.852 * 1.852))).append('\n');
        sb.append(MessageFormat.format(texts.getString("zone.stock"), texts.getString("stock." + z.stock().id())));
        return sb.toString();
    }

    private static String fmt(String pattern, double v) {
        return String.format(Locale.getDefault(), pattern, v);
    }
}
