package pe.cardumen.ui.map;

import java.util.function.ToDoubleFunction;
import pe.cardumen.domain.Zone;

/** Numeric zone attributes the map can colour zones by; the title key names a resource-bundle text. */
public enum ZoneAttribute {
    /** Geodesic area, nmi². */
    AREA("attribute.area", Zone::areaNmi2),
    /** Outer edge of the distance band, nmi from the coast. */
    DISTANCE("attribute.distance", Zone::distMaxNmi),
    /** Centroid latitude, degrees. */
    LATITUDE("attribute.latitude", Zone::centroidLat),
    /** Mean NASC of the imported echosounder intervals in the zone, m² nmi⁻² (from the view model). */
    NASC("attribute.nasc", z -> Double.NaN),
    /** The satellite field's zonal mean or anomaly at the selected time (from the view model). */
    SATELLITE("attribute.satellite", z -> Double.NaN),
    /** Biomass density of the workspace's latest stored biomass run, t nmi⁻² (from the view model). */
    BIOMASS("attribute.biomass", z -> Double.NaN),
    /** A model's prediction, its interval width or the difference of two versions (from the view model). */
    MODEL("attribute.model", z -> Double.NaN);

    private final String titleKey;
    private final ToDoubleFunction<Zone> value;

    ZoneAttribute(String titleKey, ToDoubleFunction<Zone> value) {
        this.titleKey = titleKey;
        this.value = value;
    }

    /** Resource-bundle key of the legend title (which includes the unit). */
    public String titleKey() {
        return titleKey;
    }

    /** The attribute's value for a zone. */
    public double valueOf(Zone z) {
        return value.applyAsDouble(z);
    }
}
