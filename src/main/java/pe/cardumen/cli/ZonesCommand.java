package pe.cardumen.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import pe.cardumen.app.Services;
import pe.cardumen.domain.CancellationToken;
import pe.cardumen.domain.ProgressListener;
import pe.cardumen.domain.Zone;
import pe.cardumen.geo.ZoneLayer;
import pe.cardumen.geo.ZoneLayerBuilder;
import pe.cardumen.io.vector.VectorLayer;
import pe.cardumen.report.LatLon;
import pe.cardumen.workspace.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cardumen zones export|info|import}. */
@Command(name = "zones", mixinStandardHelpOptions = true, description = "The AIP zone grid and official zone layers.",
        subcommands = {ZonesCommand.Export.class, ZonesCommand.Info.class, ZonesCommand.Import.class})
final class ZonesCommand extends CommandGroup {
    ZonesCommand(Supplier<Services> services) {
        super(services);
    }

    /** The zones of a workspace, or the generated grid when no workspace is given. */
    static List<Zone> zones(Services services, Path workspace) throws Exception {
        if (workspace != null) {
            try (Workspace ws = Workspace.open(workspace)) {
                return ws.zones();
            }
        }
        return services.generateZones(ProgressListener.NONE, CancellationToken.NONE).zones();
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Write the zones as GeoJSON (.geojson), GeoPackage (.gpkg) or Shapefile (.shp).")
    static final class Export implements Callable<Integer> {
        @picocli.CommandLine.ParentCommand
        ZonesCommand parent;

        @Option(names = "--out", required = true, description = "Output file; the format follows the extension.")
        Path out;

        @Option(names = "--workspace", description = "Export this workspace's zones instead of generating the grid from the bundled coastline.")
        Path workspace;

        @Override
        public Integer call() throws Exception {
            List<Zone> zones = zones(parent.services(), workspace);
            parent.services().zoneExporter().export(zones, out);
            parent.out().printf(Locale.ROOT, "wrote %d zones to %s%n", zones.size(), out);
            return 0;
        }
    }

    @Command(name = "info", mixinStandardHelpOptions = true, description = "Describe one zone: bands, area, stock, centroid.")
    static final class Info implements Callable<Integer> {
        @picocli.CommandLine.ParentCommand
        ZonesCommand parent;

        @Parameters(index = "0", description = "Zone code, e.g. 1030 or 30073.")
        String code;

        @Option(names = "--workspace", description = "Look the zone up in this workspace instead of the generated grid.")
        Path workspace;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            ZoneLayer layer = new ZoneLayer("zones", zones(parent.services(), workspace));
            Zone z = layer.byCode(code).orElseThrow(() -> new IllegalArgumentException(
                    "no zone " + code + " in " + (workspace == null ? "the generated grid" : workspace.getFileName())
                            + "; codes look like 1030 (0–10 nmi, 3°00′–3°30′S) or 30073"));
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("code", z.code());
            m.put("stock", z.stock().id());
            m.put("lat_min", z.latMinDegrees());
            m.put("lat_max", z.latMaxDegrees());
            m.put("dist_min_nmi", Double.isNaN(z.distMinNmi()) ? null : z.distMinNmi());
            m.put("dist_max_nmi", Double.isNaN(z.distMaxNmi()) ? null : z.distMaxNmi());
            m.put("area_nmi2", z.areaNmi2());
            m.put("centroid_lon", z.centroidLon());
            m.put("centroid_lat", z.centroidLat());
            var out = parent.out();
            if (json) {
                out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(m));
            } else {
                out.printf(Locale.ROOT, "zone          %s%n", z.code());
                out.printf(Locale.ROOT, "stock         %s%n", z.stock().id());
                out.printf(Locale.ROOT, "latitude      %s to %s%n", LatLon.latitude(z.latMaxDegrees()), LatLon.latitude(z.latMinDegrees()));
                if (z.hasDistanceBand()) {
                    out.printf(Locale.ROOT, "distance      %.0f–%.0f nmi from the coast%n", z.distMinNmi(), z.distMaxNmi());
                }
                out.printf(Locale.ROOT, "area          %.1f nmi² (%.1f km²)%n", z.areaNmi2(), z.areaNmi2() * 1.852 * 1.852);
                out.printf(Locale.ROOT, "centroid      %s %s%n", LatLon.latitude(z.centroidLat()), LatLon.longitude(z.centroidLon()));
            }
            return 0;
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Replace a workspace's zones with an official layer (GeoJSON, GeoPackage or Shapefile).")
    static final class Import implements Callable<Integer> {
        @picocli.CommandLine.ParentCommand
        ZonesCommand parent;

        @Parameters(index = "0", description = "The layer: .geojson, .gpkg or .shp (with .shx/.dbf/.prj beside it).")
        Path file;

        @Option(names = "--code-field", required = true, description = "Attribute holding each zone's code.")
        String codeField;

        @Option(names = "--workspace", required = true, description = "Workspace whose zones are replaced.")
        Path workspace;

        @Option(names = "--table", description = "GeoPackage feature table to read when the file has several.")
        String table;

        @Override
        public Integer call() throws Exception {
            Services services = parent.services();
            try (Workspace ws = Workspace.open(workspace)) {
                VectorLayer layer = services.vectorLayerReader().read(file, table);
                ZoneLayer zones = new ZoneLayerBuilder().build(file, layer, codeField);
                ws.replaceZones(zones.source(), zones.zones(), CancellationToken.NONE);
                ws.recordImport("zones", layer.result().provenance(), zones.size(), layer.result().rejects(), layer.result().warnings().size());
                var out = parent.out();
                out.printf(Locale.ROOT, "imported %d zones from %s (%.0f nmi²) into %s%n", zones.size(), file.getFileName(),
                        zones.totalAreaNmi2(), workspace.getFileName());
                layer.result().warnings().forEach(w -> out.println("warning: " + w));
            }
            return 0;
        }
    }
}
