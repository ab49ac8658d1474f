package pe.cardumen.cli;

import java.io.PrintWriter;
import java.util.concurrent.CancellationException;
import java.util.function.Supplier;
import pe.cardumen.app.Services;
import pe.cardumen.domain.AppInfo;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root {@code cardumen} command. */
@Command(name = "cardumen", mixinStandardHelpOptions = true, versionProvider = CardumenCommand.Version.class,
        description = "Decision support for Peru's anchoveta fishery (headless commands).",
        subcommands = {ZonesCommand.class, WorkspaceCommand.class, SonarCommand.class, ImportCommand.class, EnsoCommand.class,
            SatelliteCommand.class, BiomassCommand.class, SimulateHistoryCommand.class, FeaturesCommand.class, TrainCommand.class, PredictCommand.class, ModelsCommand.class, QuotaCommand.class, ReportCommand.class, ServeCommand.class, ArchiveCommand.class, CommandLine.HelpCommand.class})
public final class CardumenCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required; see 'cardumen --help'");
    }

    /** Prints the version. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {AppInfo.NAME + " " + AppInfo.version(), AppInfo.platform()};
        }
    }

    /**
     * Runs the command line and returns the exit status: 0 on success, 1 when the work failed (bad file,
     * unreadable workspace …), 2 for a usage error.
     *
     * @param services built on first use, so that {@code --help} works even without sample data
     */
    public static int run(Supplier<Services> services, PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = new CommandLine(new CardumenCommand(), new Factory(services));
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println("cardumen: " + oneLine(ex));
            commandLine.getErr().flush();
            return 1;
        });
        try {
            return cl.execute(args);
        } catch (OutOfMemoryError e) {
            err.println("cardumen: ran out of memory (the Java heap holds at most " + Runtime.getRuntime().maxMemory() / (1 << 20)
                    + " MB); the input needs more — give Java more (e.g. JAVA_TOOL_OPTIONS=-Xmx4g) or process a smaller part");
            err.flush();
            return 1;
        }
    }

    /** The failure as one line: the message of the most specific cause that has one. */
    static String oneLine(Throwable ex) {
        if (ex instanceof CancellationException) {
            return "cancelled";
        }
        String msg = ex.getMessage();
        Throwable t = ex;
        while ((msg == null || msg.isBlank()) && t.getCause() != null) {
            t = t.getCause();
            msg = t.getMessage();
        }
        if (msg == null || msg.isBlank()) {
            msg = ex.getClass().getSimpleName();
        }
        if (isProgrammingError(t)) {
            // an exception no input should cause: say so instead of printing its bare message (a number, say)
            return "internal error (" + t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage().strip())
                    + "); please report it with the command and the input files";
        }
        // multi-line messages (e.g. every problem of a zone layer) keep their first line on the status
        // line and the rest below it
        return msg.strip();
    }

    /** Runtime exceptions that mean a bug rather than bad input or a refused request. */
    private static boolean isProgrammingError(Throwable t) {
        return t instanceof NullPointerException || t instanceof IndexOutOfBoundsException || t instanceof ClassCastException
                || t instanceof NegativeArraySizeException || t instanceof ArithmeticException || t instanceof java.nio.BufferUnderflowException
                || t instanceof java.nio.BufferOverflowException;
    }

    /** Creates commands with the shared services injected. */
    private static final class Factory implements CommandLine.IFactory {
        private final Supplier<Services> services;
        private final CommandLine.IFactory fallback = CommandLine.defaultFactory();
        private Services built;

        Factory(Supplier<Services> services) {
            this.services = services;
        }

        @Override
        public <K> K create(Class<K> cls) throws Exception {
            if (cls == ZonesCommand.class) {
                return cls.cast(new ZonesCommand(this::services));
            }
            if (cls == ServeCommand.class) {
                return cls.cast(new ServeCommand(this::services));
            }
            if (cls == WorkspaceCommand.class) {
                return cls.cast(new WorkspaceCommand(this::services));
            }
            if (cls == SatelliteCommand.class) {
                return cls.cast(new SatelliteCommand(this::services));
            }
            if (cls == EnsoCommand.class) {
                return cls.cast(new EnsoCommand(this::services));
            }
            if (cls == ReportCommand.class) {
                return cls.cast(new ReportCommand(this::services));
            }
            if (cls == QuotaCommand.class) {
                return cls.cast(new QuotaCommand(this::services));
            }
            if (cls == ImportCommand.class) {
                return cls.cast(new ImportCommand(this::services));
            }
            if (cls == TrainCommand.class) {
                return cls.cast(new TrainCommand(this::services));
            }
            if (cls == PredictCommand.class) {
                return cls.cast(new PredictCommand(this::services));
            }
            if (cls == ModelsCommand.class) {
                return cls.cast(new ModelsCommand(this::services));
            }
            if (cls == FeaturesCommand.class) {
                return cls.cast(new FeaturesCommand(this::services));
            }
            if (cls == SimulateHistoryCommand.class) {
                return cls.cast(new SimulateHistoryCommand(this::services));
            }
            if (cls == SonarCommand.class) {
                return cls.cast(new SonarCommand(this::services));
            }
            return fallback.create(cls);
        }

        private synchronized Services services() {
            if (built == null) {
                built = services.get();
            }
            return built;
        }
    }
}
