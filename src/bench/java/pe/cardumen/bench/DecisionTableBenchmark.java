package pe.cardumen.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import pe.cardumen.planning.BiomassDistribution;
import pe.cardumen.planning.DecisionTable;
import pe.cardumen.planning.HarvestParameters;

/**
 * The decision table with the bundled parameters: 4 scenarios × 50 candidate catches × 10,000 Monte
 * Carlo draws of the start biomass (9 Mt, CV 0.25), each projected over the 4 months of the season.
 * {@code ./mvnw -Pbench -DskipTests package exec:exec -Dbench=DecisionTableBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class DecisionTableBenchmark {
    private final HarvestParameters parameters = HarvestParameters.defaults();
    private final BiomassDistribution biomass = BiomassDistribution.ofMeanAndCv(9e6, 0.25, "benchmark");

    @Benchmark
    public DecisionTable.Table decisionTable() {
        return DecisionTable.compute(biomass, parameters);
    }
}
