package pe.cardumen.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import pe.cardumen.domain.Zone;
import pe.cardumen.report.LatLon;

/** The selected zone's attributes as name–value rows, each value with its unit. */
final class ZoneDetails {
    private ZoneDetails() {
    }

    /**
     * The zone's rows, first the value the map is coloured by (its legend title names the unit and
     * source), then the zone's own attributes.
     */
    static List<Row> of(Zone z, pe.cardumen.ui.map.MapViewModel map, ResourceBundle texts) {
        List<Row> items = new ArrayList<>();
        String[] coloured = pe.cardumen.ui.map.ZoneText.colouredValue(z, map, texts);
        items.add(new Row(coloured[0], coloured[1], true));
        items.add(new Row(texts.getString("details.code"), z.code()));
        items.add(new Row(texts.getString("details.stock"), texts.getString("stock." + z.stock().id())));
        items.add(new Row(texts.getString("details.north"), LatLon.latitude(z.latMaxDegrees(), pe.cardumen.ui.Formats.decimalSeparator())));
        items.add(new Row(texts.getString("details.south"), LatLon.latitude(z.latMinDegrees(), pe.cardumen.ui.Formats.decimalSeparator())));
        if (z.hasDistanceBand()) {
            items.add(new Row(texts.getString("details.distance"),
                    Formats.number(z.distMinNmi(), 0) + "–" + Formats.number(z.distMaxNmi(), 0) + " " + texts.getString("unit.nmi")));
        }
        items.add(new Row(texts.getString("details.areaNmi2"), Formats.number(z.areaNmi2(), 1) + " " + texts.getString("unit.nmi") + "²"));
        items.add(new Row(texts.getString("details.areaKm2"),
                Formats.number(z.areaNmi2() * 1.852 * 1.852, 1) + " km²"));
        items.add(new Row(texts.getString("details.centroidLat"), LatLon.latitude(z.centroidLat(), pe.cardumen.ui.Formats.decimalSeparator())));
        items.add(new Row(texts.getString("details.centroidLon"), LatLon.longitude(z.centroidLon(), pe.cardumen.ui.Formats.decimalSeparator())));
        return items;
    }

    /**
     * One row: the attribute's name and its value with the unit.
     *
     * @param coloured whether it is the value the map is coloured by (shown first and highlighted)
     */
    record Row(String name, String value, boolean coloured) {
        Row(String name, String value) {
            this(name, value, false);
        }
    }
}
