package pe.cardumen.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import pe.cardumen.domain.Zone;
import pe.cardumen.report.LatLon;

/** The selected zone's attributes as name–value rows, each value with its unit. */
final class ZoneDetails {
    private ZoneDetails() {
    }

    static List<Row> of(Zone z, ResourceBundle texts) {
        List<Row> items = new ArrayList<>();
        items.add(new Row(texts.getString("details.code"), z.code()));
        items.add(new Row(texts.getString("details.stock"), texts.getString("stock." + z.stock().id())));
        items.add(new Row(texts.getString("details.north"), LatLon.latitude(z.latMaxDegrees())));
        items.add(new Row(texts.getString("details.south"), LatLon.latitude(z.latMinDegrees())));
        if (z.hasDistanceBand()) {
            items.add(new Row(texts.getString("details.distance"),
                    String.format(Locale.getDefault(), "%.0f–%.0f %s", z.distMinNmi(), z.distMaxNmi(), texts.getString("unit.nmi"))));
        }
        items.add(new Row(texts.getString("details.areaNmi2"), String.format(Locale.getDefault(), "%,.1f %s²", z.areaNmi2(), texts.getString("unit.nmi"))));
        items.add(new Row(texts.getString("details.areaKm2"),
                String.format(Locale.getDefault(), "%,.1f km²", z.areaNmi2() * 1.852 * 1.852)));
        items.add(new Row(texts.getString("details.centroidLat"), LatLon.latitude(z.centroidLat())));
        items.add(new Row(texts.getString("details.centroidLon"), LatLon.longitude(z.centroidLon())));
        return items;
    }

    /** One row: the attribute's name and its value with the unit. */
    record Row(String name, String value) {
    }
}
