package pe.cardumen.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import pe.cardumen.app.Services;
import pe.cardumen.domain.CancellationToken;
import pe.cardumen.workspace.ImportRecord;
import pe.cardumen.workspace.Workspace;
import pe.cardumen.workspace.WorkspaceSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cardumen workspace demo|info}. */
@Command(name = "workspace", mixinStandardHelpOptions = true, description = "Create and inspect workspace files (*.cardumen.gpkg).",
        subcommands = {WorkspaceCommand.Demo.class, WorkspaceCommand.Info.class})
final class WorkspaceCommand extends CommandGroup {
    WorkspaceCommand(Supplier<Services> services) {
        super(services);
    }

    @Command(name = "demo", mixinStandardHelpOptions = true, description = "Build the demo workspace from the bundled sample data.")
    static final class Demo implements Callable<Integer> {
        @picocli.CommandLine.ParentCommand
        WorkspaceCommand parent;

        @Option(names = "--out", required = true, description = "The workspace to create (must not exist), e.g. demo.cardumen.gpkg.")
        Path out;

        @Option(names = "--quiet", description = "Do not print progress.")
        boolean quiet;

        @Override
        public Integer call() throws Exception {
            var err = parent.err();
            int[] lastPercent = {-1};
            parent.services().demoWorkspace().build(out, (done, total, message) -> {
                int pct = total > 0 ? (int) (100 * done / total) : 0;
                if (!quiet && pct / 10 != lastPercent[0] / 10) {
                    lastPercent[0] = pct;
                    err.printf(Locale.ROOT, "%3d%% %s%n", pct, message);
                    err.flush();
                }
            }, CancellationToken.NONE);
            try (Workspace ws = Workspace.open(out)) {
                WorkspaceSummary s = ws.summary();
                parent.out().printf(Locale.ROOT, "created %s: %d zones (%.0f nmi²)%n", out, s.zones(), s.totalAreaNmi2());
            }
            return 0;
        }
    }

    @Command(name = "info", mixinStandardHelpOptions = true, description = "Summarise a workspace: zones, imports, results, audit log.")
    static final class Info implements Callable<Integer> {
        @picocli.CommandLine.ParentCommand
        WorkspaceCommand parent;

        @Parameters(index = "0", description = "The workspace file.")
        Path file;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            var out = parent.out();
            try (Workspace ws = Workspace.open(file)) {
                WorkspaceSummary s = ws.summary();
                if (json) {
                    var m = new java.util.LinkedHashMap<String, Object>();
                    m.put("file", s.file());
                    m.put("created_by", s.createdBy());
                    m.put("zone_source", s.zoneSource());
                    m.put("zones", s.zones());
                    m.put("total_area_nmi2", s.totalAreaNmi2());
                    var imports = new java.util.ArrayList<java.util.Map<String, Object>>();
                    for (ImportRecord r : ws.imports()) {
                        var i = new java.util.LinkedHashMap<String, Object>();
                        i.put("id", r.id());
                        i.put("kind", r.kind());
                        i.put("file_name", r.fileName());
                        i.put("size_bytes", r.sizeBytes());
                        i.put("sha256", r.sha256());
                        i.put("reader", r.reader());
                        i.put("reader_version", r.readerVersion());
                        i.put("imported_at", r.importedAt().toString());
                        i.put("accepted", r.accepted());
                        i.put("rejected", r.rejected());
                        i.put("warnings", r.warnings());
                        i.put("survey", r.survey());
                        i.put("superseded_by", r.supersededBy());
                        imports.add(i);
                    }
                    m.put("imports", imports);
                    m.put("audit_entries", s.auditEntries());
                    m.put("results", s.results());
                    out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(m));
                    return 0;
                }
                out.printf(Locale.ROOT, "workspace     %s%n", s.file());
                out.printf(Locale.ROOT, "created by    %s%n", s.createdBy());
                out.printf(Locale.ROOT, "zones         %d from %s, %.0f nmi² in all%n", s.zones(), s.zoneSource(), s.totalAreaNmi2());
                out.printf(Locale.ROOT, "imports       %d%n", s.imports());
                for (ImportRecord r : ws.imports()) {
                    out.printf(Locale.ROOT, "  #%d %-10s %s  %d bytes  sha256 %s  %d accepted, %d rejected  %s%s%n", r.id(), r.kind(), r.fileName(),
                            r.sizeBytes(), r.sha256().substring(0, 16), r.accepted(), r.rejected(), r.importedAt(),
                            r.superseded() ? "  (superseded by #" + r.supersededBy() + ")" : "");
                }
                var surveys = ws.surveys();
                if (!surveys.isEmpty()) {
                    long simulated = surveys.stream().filter(pe.cardumen.workspace.SurveyInfo::simulated).count();
                    out.printf(Locale.ROOT, "surveys       %d (%s … %s)%s%n", surveys.size(), surveys.get(0).id(), surveys.get(surveys.size() - 1).id(),
                            simulated == 0 ? "" : ", " + simulated + " SIMULATED");
                }
                out.printf(Locale.ROOT, "results       %s%n", s.results().isEmpty() ? "none yet" : s.results().toString());
                out.printf(Locale.ROOT, "audit log     %d entries%n", s.auditEntries());
            }
            return 0;
        }
    }
}
