package pe.cardumen.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import pe.cardumen.app.SampleData;
import pe.cardumen.app.Services;
import pe.cardumen.features.Enso;
import pe.cardumen.features.EnsoThresholds;
import pe.cardumen.io.indices.EnsoIndexReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code cardumen enso icen|oni}. */
@Command(name = "enso", mixinStandardHelpOptions = true, description = "El Niño indices: Peru's coastal ICEN and NOAA's ONI.",
        subcommands = {EnsoCommand.Icen.class, EnsoCommand.Oni.class})
final class EnsoCommand extends CommandGroup {
    EnsoCommand(Supplier<Services> services) {
        super(services);
    }

    static EnsoThresholds thresholds(Path file) throws Exception {
        return file == null ? EnsoThresholds.defaults() : EnsoThresholds.load(file);
    }

    /** The options both index commands take. */
    static final class Common {
        @Option(names = "--thresholds", description = "A properties file of thresholds (see the bundled enso-thresholds.properties).")
        Path thresholds;

        @Option(names = "--csv", description = "CSV output (the only format; accepted for symmetry).")
        boolean csv;

        EnsoThresholds thresholds() throws Exception {
            return EnsoCommand.thresholds(thresholds);
        }
    }

    @Command(name = "icen", mixinStandardHelpOptions = true,
            description = "ICEN (3-month running mean of the Niño 1+2 anomaly) per month with ENFEN's category and coastal events, as CSV: "
                    + "year_month,nino12_anom_c,icen_c,category,event.")
    static final class Icen implements Callable<Integer> {
        @picocli.CommandLine.ParentCommand
        EnsoCommand parent;

        @Option(names = "--file", description = "NOAA CPC ersst5.nino.mth file (default: the bundled one).")
        Path file;

        @Mixin
        Common common;

        @Override
        public Integer call() throws Exception {
            Path f = file != null ? file : parent.services().sampleData().resolve(SampleData.NINO_REGIONS);
            var months = new EnsoIndexReader().readNinoRegions(f);
            PrintWriter out = parent.out();
            out.println("year_month,nino12_anom_c,icen_c,category,event");
            for (Enso.IcenMonth m : new Enso(common.thresholds()).icen(months)) {
                out.printf(Locale.ROOT, "%s,%.2f,%.3f,%s,%s%n", m.month(), m.anomalyC(), m.icenC(), m.category().id(), m.event());
            }
            return 0;
        }
    }

    @Command(name = "oni", mixinStandardHelpOptions = true,
            description = "ONI per overlapping season with its phase, as CSV: season,year,centre_month,total_c,anom_c,phase.")
    static final class Oni implements Callable<Integer> {
        @picocli.CommandLine.ParentCommand
        EnsoCommand parent;

        @Option(names = "--file", description = "NOAA CPC oni.ascii.txt (default: the bundled one).")
        Path file;

        @Mixin
        Common common;

        @Override
        public Integer call() throws Exception {
            Path f = file != null ? file : parent.services().sampleData().resolve(SampleData.ONI);
            var seasons = new EnsoIndexReader().readOni(f);
            PrintWriter out = parent.out();
            out.println("season,year,centre_month,total_c,anom_c,phase");
            for (Enso.OniPhase p : new Enso(common.thresholds()).oniPhases(seasons)) {
                // CPC labels a season with its centre month's year (NDJ 1997 = Nov 1997 – Jan 1998)
                out.printf(Locale.ROOT, "%s,%d,%s,%.2f,%.2f,%s%n", p.season().season(), p.season().centre().getYear(), p.season().centre(), p.season().totalC(),
                        p.season().anomalyC(), p.phase());
            }
            return 0;
        }
    }
}
