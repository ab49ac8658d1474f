package pe.cardumen.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import javafx.beans.value.ObservableValue;
import org.controlsfx.control.PropertySheet;
import pe.cardumen.domain.Zone;
import pe.cardumen.report.LatLon;

/** The selected zone's attributes as read-only property-sheet rows, each value with its unit. */
final class ZoneDetails {
    private ZoneDetails() {
    }

    static List<PropertySheet.Item> of(Zone z, ResourceBundle texts) {
        String category = texts.getString("details.title");
        List<PropertySheet.Item> items = new ArrayList<>();
        items.add(new Row(category, texts.getString("details.code"), z.code()));
        items.add(new Row(category, texts.getString("details.stock"), texts.getString("stock." + z.stock().id())));
        items.add(new Row(category, texts.getString("details.north"), LatLon.latitude(z.latMaxDegrees())));
        items.add(new Row(category, texts.getString("details.south"), LatLon.latitude(z.latMinDegrees())));
        if (z.hasDistanceBand()) {
            items.add(new Row(category, texts.getString("details.distance"),
                    String.format(Locale.getDefault(), "%.0f–%.0f %s", z.distMinNmi(), z.distMaxNmi(), texts.getString("unit.nmi"))));
        }
        items.add(new Row(category, texts.getString("details.areaNmi2"), String.format(Locale.getDefault(), "%,.1f %s²", z.areaNmi2(), texts.getString("unit.nmi"))));
        items.add(new Row(category, texts.getString("details.areaKm2"),
                String.format(Locale.getDefault(), "%,.1f km²", z.areaNmi2() * 1.852 * 1.852)));
        items.add(new Row(category, texts.getString("details.centroidLat"), LatLon.latitude(z.centroidLat())));
        items.add(new Row(category, texts.getString("details.centroidLon"), LatLon.longitude(z.centroidLon())));
        return items;
    }

    /** One read-only row. */
    private record Row(String category, String name, String value) implements PropertySheet.Item {
        @Override
        public Class<?> getType() {
            return String.class;
        }

        @Override
        public String getCategory() {
            return category;
        }

        @Override
        public String getName() {
            return name;
        }

        @Override
        public String getDescription() {
            return name + ": " + value;
        }

        @Override
        public Object getValue() {
            return value;
        }

        @Override
        public void setValue(Object v) {
            throw new UnsupportedOperationException("zone attributes are read-only");
        }

        @Override
        public Optional<ObservableValue<? extends Object>> getObservableValue() {
            return Optional.empty();
        }

        @Override
        public boolean isEditable() {
            return false;
        }
    }
}
