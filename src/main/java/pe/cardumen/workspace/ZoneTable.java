package pe.cardumen.workspace;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.ParseException;
import pe.cardumen.domain.CancellationToken;
import pe.cardumen.domain.Stock;
import pe.cardumen.domain.Zone;

/**
 * The zone layer as a GeoPackage feature table ({@code MULTIPOLYGON}, WGS 84) with the attributes
 * QGIS users see: {@code code, stock, lat_min, lat_max, dist_min_nmi, dist_max_nmi, area_nmi2,
 * centroid_lon, centroid_lat}. Used by the workspace and by the GeoPackage export.
 */
public final class ZoneTable {
    /** Name of the zone table in a workspace and in an exported GeoPackage. */
    public static final String NAME = "zones";

    private ZoneTable() {
    }

    /** Creates and registers an empty zone table. */
    public static void create(Connection c, String description) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE " + NAME + " (fid INTEGER PRIMARY KEY AUTOINCREMENT, geom MULTIPOLYGON, "
                    + "code TEXT NOT NULL UNIQUE, stock TEXT NOT NULL, lat_min DOUBLE, lat_max DOUBLE, "
                    + "dist_min_nmi DOUBLE, dist_max_nmi DOUBLE, area_nmi2 DOUBLE NOT NULL, centroid_lon DOUBLE, centroid_lat DOUBLE)");
        }
        GeoPackageSchema.registerFeatureTable(c, NAME, NAME, description, "geom", "MULTIPOLYGON", null);
    }

    /**
     * Replaces every row with {@code zones}, checking {@code cancel} between rows. Runs inside the
     * caller's transaction.
     */
    public static void replace(Connection c, List<Zone> zones, CancellationToken cancel) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("DELETE FROM " + NAME);
        }
        GeometryFactory gf = new GeometryFactory();
        Envelope extent = new Envelope();
        try (PreparedStatement p = c.prepareStatement("INSERT INTO " + NAME + " (geom, code, stock, lat_min, lat_max, dist_min_nmi, "
                + "dist_max_nmi, area_nmi2, centroid_lon, centroid_lat) VALUES (?,?,?,?,?,?,?,?,?,?)")) {
            for (Zone z : zones) {
                cancel.throwIfCancelled();
                Geometry g = asMultiPolygon(z.geometry(), gf);
                extent.expandToInclude(g.getEnvelopeInternal());
                p.setBytes(1, GeoPackageGeometry.encode(g, GeoPackageSchema.WGS84_SRS_ID));
                p.setString(2, z.code());
                p.setString(3, z.stock().id());
                SqlValues.setDouble(p, 4, z.latMinDegrees());
                SqlValues.setDouble(p, 5, z.latMaxDegrees());
                SqlValues.setDouble(p, 6, z.distMinNmi());
                SqlValues.setDouble(p, 7, z.distMaxNmi());
                p.setDouble(8, z.areaNmi2());
                SqlValues.setDouble(p, 9, z.centroidLon());
                SqlValues.setDouble(p, 10, z.centroidLat());
                p.addBatch();
            }
            p.executeBatch();
        }
        GeoPackageSchema.updateExtent(c, NAME, extent);
    }

    /** Reads every zone, in insertion order. */
    public static List<Zone> read(Connection c) throws SQLException {
        List<Zone> zones = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT geom, code, stock, lat_min, lat_max, "
                + "dist_min_nmi, dist_max_nmi, area_nmi2, centroid_lon, centroid_lat FROM " + NAME + " ORDER BY fid")) {
            while (r.next()) {
                Geometry g;
                try {
                    g = GeoPackageGeometry.decode(r.getBytes(1));
                } catch (ParseException e) {
                    throw new SQLException("zone " + r.getString(2) + " has a corrupt geometry: " + e.getMessage(), e);
                }
                zones.add(new Zone(r.getString(2), Stock.parse(r.getString(3)), SqlValues.getDouble(r, 4), SqlValues.getDouble(r, 5),
                        SqlValues.getDouble(r, 6), SqlValues.getDouble(r, 7), r.getDouble(8), SqlValues.getDouble(r, 9), SqlValues.getDouble(r, 10), g));
            }
        }
        return zones;
    }

    static Geometry asMultiPolygon(Geometry g, GeometryFactory gf) {
        if (g instanceof MultiPolygon) {
            return g;
        }
        if (g instanceof Polygon) {
            return gf.createMultiPolygon(new Polygon[] {(Polygon) g});
        }
        List<Polygon> polys = new ArrayList<>();
        for (int i = 0; i < g.getNumGeometries(); i++) {
            if (g.getGeometryN(i) instanceof Polygon) {
                polys.add((Polygon) g.getGeometryN(i));
            }
        }
        return gf.createMultiPolygon(polys.toArray(new Polygon[0]));
    }
}
