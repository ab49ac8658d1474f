package pe.cardumen.cli;

import java.io.PrintWriter;
import java.util.function.Supplier;
import pe.cardumen.app.Services;
import picocli.CommandLine;

/**
 * A command that only groups subcommands ({@code zones}, {@code workspace}, …): gives them the shared
 * services and the output streams, and refuses to run without a subcommand.
 */
abstract class CommandGroup implements Runnable {
    private final Supplier<Services> services;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    CommandGroup(Supplier<Services> services) {
        this.services = services;
    }

    /** The shared services, built on first use. */
    Services services() {
        return services.get();
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "a subcommand is required: " + String.join(", ", spec.subcommands().keySet()));
    }
}
