package pe.cardumen.ui.map;

import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import pe.cardumen.domain.Zone;
import pe.cardumen.geo.Coastline;
import pe.cardumen.render.RasterLegend;
import pe.cardumen.geo.ZoneLayer;
import pe.cardumen.report.LatLon;

/**
 * The map's state, without any Node: the coast and zones shown, the attribute zones are coloured by,
 * the zone under the pointer and the selected zone, and the status text for the pointer position.
 * Testable without a toolkit; every method runs on the JavaFX thread.
 */
public final class MapViewModel {
    private final ObjectProperty<Coastline> coastline = new SimpleObjectProperty<>(this, "coastline");
    private final ObjectProperty<ZoneLayer> zones = new SimpleObjectProperty<>(this, "zones");
    private final ObjectProperty<ZoneAttribute> colourBy = new SimpleObjectProperty<>(this, "colourBy", ZoneAttribute.AREA);
    private final ReadOnlyObjectWrapper<Zone> hovered = new ReadOnlyObjectWrapper<>(this, "hovered");
    private final ObjectProperty<Zone> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyStringWrapper pointerText = new ReadOnlyStringWrapper(this, "pointerText", "");
    private final ObjectProperty<java.util.List<double[]>> track = new SimpleObjectProperty<>(this, "track", java.util.List.of());
    private final ObjectProperty<java.util.List<double[]>> nascPoints = new SimpleObjectProperty<>(this, "nascPoints", java.util.List.of());
    private final ObjectProperty<java.util.Map<String, Double>> zoneNasc = new SimpleObjectProperty<>(this, "zoneNasc", java.util.Map.of());
    private final ObjectProperty<java.util.Map<String, Double>> zoneBiomass = new SimpleObjectProperty<>(this, "zoneBiomass", java.util.Map.of());
    private final ObjectProperty<Raster> raster = new SimpleObjectProperty<>(this, "raster");
    private final ObjectProperty<java.util.Map<String, Double>> zoneSatellite = new SimpleObjectProperty<>(this, "zoneSatellite", java.util.Map.of());
    private final ObjectProperty<ModelLayer> zoneModel = new SimpleObjectProperty<>(this, "zoneModel");
    private final javafx.beans.property.StringProperty zoneBiomassTitle = new javafx.beans.property.SimpleStringProperty(this, "zoneBiomassTitle", "");
    private final javafx.beans.property.StringProperty zoneSatelliteTitle = new javafx.beans.property.SimpleStringProperty(this, "zoneSatelliteTitle", "");

    /**
     * A gridded field to draw under the zones.
     *
     * @param lat    cell-centre latitudes
     * @param lon    cell-centre longitudes
     * @param values lat-major values
     * @param legend colour mapping
     */
    public record Raster(double[] lat, double[] lon, float[] values, RasterLegend legend) {
    }

    /** Biomass density per zone of the latest stored biomass run, t nmi⁻². */
    public ObjectProperty<java.util.Map<String, Double>> zoneBiomassProperty() {
        return zoneBiomass;
    }

    /**
     * Zone values from a model: a prediction, its interval width, or the difference of two versions.
     *
     * @param values    value per zone code
     * @param title     legend title with the unit
     * @param diverging whether the values are differences (a blue–white–red ramp centred on zero)
     */
    public record ModelLayer(java.util.Map<String, Double> values, String title, boolean diverging) {
    }

    /** The model values the zones show with {@link ZoneAttribute#MODEL}; {@code null} for none. */
    public ObjectProperty<ModelLayer> zoneModelProperty() {
        return zoneModel;
    }

    /**
     * Class limits fixed for a whole satellite grid (every date), so that Play never changes what a
     * colour means.
     *
     * @param breaks    ascending limits
     * @param diverging whether they are symmetric about zero (anomalies: blue–white–red)
     */
    public record ZoneScale(double[] breaks, boolean diverging) {
        public ZoneScale {
            breaks = breaks.clone();
        }

        @Override
        public double[] breaks() {
            return breaks.clone();
        }
    }

    private final ObjectProperty<ZoneScale> zoneSatelliteScale = new SimpleObjectProperty<>(this, "zoneSatelliteScale");
    private final javafx.beans.property.BooleanProperty legendDescribesGrid = new javafx.beans.property.SimpleBooleanProperty(this,
            "legendDescribesGrid");

    /** The fixed classes of the satellite field per zone; {@code null}: classes of the values shown. */
    public ObjectProperty<ZoneScale> zoneSatelliteScaleProperty() {
        return zoneSatelliteScale;
    }

    /**
     * With a grid under the zones: {@code false} (the default) fills the zones by their attribute and the
     * legend describes them, the grid showing around them; {@code true} draws the zones as outlines over
     * the grid and the legend describes the grid. Whichever is chosen, the other layer stays visible.
     */
    public javafx.beans.property.BooleanProperty legendDescribesGridProperty() {
        return legendDescribesGrid;
    }

    /** Legend title of the biomass choropleth, naming its survey ("" for the generic title). */
    public javafx.beans.property.StringProperty zoneBiomassTitleProperty() {
        return zoneBiomassTitle;
    }

    /** The raster underlay, or {@code null} for none. */
    public ObjectProperty<Raster> rasterProperty() {
        return raster;
    }

    /** Per-zone values of the satellite field (zonal mean or anomaly) for the choropleth. */
    public ObjectProperty<java.util.Map<String, Double>> zoneSatelliteProperty() {
        return zoneSatellite;
    }

    /** The legend title of {@link #zoneSatelliteProperty()}, with its unit. */
    public javafx.beans.property.StringProperty zoneSatelliteTitleProperty() {
        return zoneSatelliteTitle;
    }

    /** The ship's track as {lon, lat} points, drawn as a line. */
    public ObjectProperty<java.util.List<double[]>> trackProperty() {
        return track;
    }

    /** NASC per interval as {lon, lat, NASC m² nmi⁻²}, drawn as proportional circles. */
    public ObjectProperty<java.util.List<double[]>> nascPointsProperty() {
        return nascPoints;
    }

    /** Mean NASC per zone code, m² nmi⁻², for the NASC choropleth. */
    public ObjectProperty<java.util.Map<String, Double>> zoneNascProperty() {
        return zoneNasc;
    }

    public ObjectProperty<Coastline> coastlineProperty() {
        return coastline;
    }

    public ObjectProperty<ZoneLayer> zonesProperty() {
        return zones;
    }

    public ObjectProperty<ZoneAttribute> colourByProperty() {
        return colourBy;
    }

    public ReadOnlyObjectProperty<Zone> hoveredProperty() {
        return hovered.getReadOnlyProperty();
    }

    public ObjectProperty<Zone> selectedProperty() {
        return selected;
    }

    /** The pointer's position and zone for the status bar, e.g. {@code 12°03.00′S 77°10.20′W · 2120}. */
    public ReadOnlyStringProperty pointerTextProperty() {
        return pointerText.getReadOnlyProperty();
    }

    /**
     * The value a zone is coloured by under the current attribute (NaN when it has none: no NASC
     * interval, no satellite cell, no stored biomass, no prediction).
     */
    public double colourValue(Zone z) {
        ZoneAttribute a = colourBy.get();
        return switch (a) {
            case NASC -> zoneNasc.get().getOrDefault(z.code(), Double.NaN);
            case SATELLITE -> zoneSatellite.get().getOrDefault(z.code(), Double.NaN);
            case BIOMASS -> zoneBiomass.get().getOrDefault(z.code(), Double.NaN);
            case MODEL -> zoneModel.get() == null ? Double.NaN : zoneModel.get().values().getOrDefault(z.code(), Double.NaN);
            default -> a.valueOf(z);
        };
    }

    /**
     * The legend's title of the current colouring, with its unit and source (the survey, the grid's
     * date, the model version), or {@code fallback} — the attribute's generic title — when the view
     * model has no specific one.
     */
    public String colourTitle(String fallback) {
        ZoneAttribute a = colourBy.get();
        if (a == ZoneAttribute.SATELLITE && !zoneSatelliteTitle.get().isEmpty()) {
            return zoneSatelliteTitle.get();
        }
        if (a == ZoneAttribute.BIOMASS && !zoneBiomassTitle.get().isEmpty()) {
            return zoneBiomassTitle.get();
        }
        if (a == ZoneAttribute.MODEL && zoneModel.get() != null) {
            return zoneModel.get().title();
        }
        return fallback;
    }

    /** The pointer is at (lon, lat) degrees; NaN when it left the map. */
    public void pointerAt(double lon, double lat) {
        if (Double.isNaN(lon) || Double.isNaN(lat)) {
            hovered.set(null);
            pointerText.set("");
            return;
        }
        Zone z = zoneAt(lon, lat).orElse(null);
        hovered.set(z);
        pointerText.set(LatLon.format(lat, lon, pe.cardumen.ui.Formats.decimalSeparator()) + (z == null ? "" : " · " + z.code()));
    }

    /** Selects the zone at (lon, lat), or clears the selection when there is none. */
    public void selectAt(double lon, double lat) {
        selected.set(zoneAt(lon, lat).orElse(null));
    }

    private Optional<Zone> zoneAt(double lon, double lat) {
        ZoneLayer layer = zones.get();
        return layer == null ? Optional.empty() : layer.zoneAt(lon, lat);
    }
}
