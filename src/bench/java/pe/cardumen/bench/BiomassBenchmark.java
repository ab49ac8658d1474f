package pe.cardumen.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import pe.cardumen.acoustics.biomass.BiomassBootstrap;
import pe.cardumen.acoustics.biomass.BiomassParameters;
import pe.cardumen.acoustics.biomass.LengthDistribution;
import pe.cardumen.acoustics.biomass.ZoneBiomass;
import pe.cardumen.app.Services;
import pe.cardumen.domain.CancellationToken;
import pe.cardumen.domain.ProgressListener;
import pe.cardumen.domain.Zone;
import pe.cardumen.geo.ZoneLayer;

/**
 * Biomass of a synthetic survey: 5,000 intervals × 20 layers (summed to the water column) over the
 * AIP zones, 40 length distributions of 25 classes, then 1,000 bootstrap replicates.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class BiomassBenchmark {
    private final BiomassParameters params = BiomassParameters.defaults();
    private double[][] layers;
    private String[] zoneOf;
    private LengthDistribution[] lengthsOf;
    private Map<String, Double> areas;

    @Setup
    public void setUp() throws Exception {
        ZoneLayer zones = Services.standard().generateZones(ProgressListener.NONE, CancellationToken.NONE);
        areas = new HashMap<>();
        for (Zone z : zones.zones()) {
            areas.put(z.code(), z.areaNmi2());
        }
        SplittableRandom random = new SplittableRandom(2026);
        LengthDistribution[] hauls = new LengthDistribution[40];
        double[] classes = new double[25];
        for (int c = 0; c < classes.length; c++) {
            classes[c] = 5 + 0.5 * c;
        }
        for (int h = 0; h < hauls.length; h++) {
            double[] counts = new double[classes.length];
            for (int c = 0; c < counts.length; c++) {
                counts[c] = random.nextInt(30);
            }
            counts[12] += 1;
            hauls[h] = LengthDistribution.ofCounts(classes, counts);
        }
        layers = new double[5000][20];
        zoneOf = new String[5000];
        lengthsOf = new LengthDistribution[5000];
        for (int i = 0; i < 5000; i++) {
            for (int l = 0; l < 20; l++) {
                layers[i][l] = random.nextInt(4) == 0 ? -Math.log(random.nextDouble()) * 150 : 0;
            }
            zoneOf[i] = zones.zones().get(random.nextInt(300)).code();
            lengthsOf[i] = hauls[random.nextInt(hauls.length)];
        }
    }

    @Benchmark
    public void biomassAndBootstrap(Blackhole sink) {
        List<ZoneBiomass.Interval> intervals = new ArrayList<>(layers.length);
        for (int i = 0; i < layers.length; i++) {
            double column = 0;
            for (double nasc : layers[i]) {
                column += nasc;
            }
            intervals.add(new ZoneBiomass.Interval(zoneOf[i], column, lengthsOf[i]));
        }
        sink.consume(new ZoneBiomass(params).compute(intervals, areas));
        sink.consume(new BiomassBootstrap(params).run(intervals, areas, 1000, 1));
    }
}
