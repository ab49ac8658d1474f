package pe.cardumen.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layering of docs/architecture.md, enforced. */
class LayeringTest {
    private static JavaClasses classes;
    /** Top first. */
    private static final String[] LAYERS = {"ui", "cli", "serve", "app", "report", "render", "planning", "model", "features", "acoustics", "ocean",
        "geo", "io", "workspace", "domain"};

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("pe.cardumen");
    }

    /**
     * The rules below fail through ArchUnit's {@code check}; they would pass vacuously if nothing were
     * imported, so the import itself is checked: every layer the rules name has classes.
     */
    @Test
    void theRulesSeeEveryLayer() {
        for (String layer : LAYERS) {
            assertThat(classes.stream().filter(c -> c.getPackageName().startsWith("pe.cardumen." + layer)).count()).as(layer).isPositive();
        }
        // and every package belongs to a layer: a new top-level package must be placed in the rules
        assertThat(classes.stream().map(c -> c.getPackageName()).filter(p -> p.startsWith("pe.cardumen."))
                .map(p -> p.substring("pe.cardumen.".length()).split("\\.")[0]).distinct())
                .allSatisfy(top -> assertThat(LAYERS).as("layers").contains(top));
        assertThat(classes.contain("pe.cardumen.ui.MainViewModel")).isTrue();
    }

    @Test
    void layersDependDownwardsOnly() {
        // acoustics, ocean, features, model and planning are filled by later capabilities
        layeredArchitecture().consideringOnlyDependenciesInLayers().withOptionalLayers(true)
                .layer("ui").definedBy("pe.cardumen.ui..")
                .layer("cli").definedBy("pe.cardumen.cli..")
                .layer("serve").definedBy("pe.cardumen.serve..")
                .layer("app").definedBy("pe.cardumen.app..")
                .layer("report").definedBy("pe.cardumen.report..")
                .layer("render").definedBy("pe.cardumen.render..")
                .layer("planning").definedBy("pe.cardumen.planning..")
                .layer("model").definedBy("pe.cardumen.model..")
                .layer("features").definedBy("pe.cardumen.features..")
                .layer("acoustics").definedBy("pe.cardumen.acoustics..")
                .layer("ocean").definedBy("pe.cardumen.ocean..")
                .layer("geo").definedBy("pe.cardumen.geo..")
                .layer("io").definedBy("pe.cardumen.io..")
                .layer("workspace").definedBy("pe.cardumen.workspace..")
                .layer("domain").definedBy("pe.cardumen.domain..")
                .whereLayer("ui").mayNotBeAccessedByAnyLayer()
                .whereLayer("cli").mayNotBeAccessedByAnyLayer()
                .whereLayer("serve").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("app").mayOnlyBeAccessedByLayers("ui", "cli", "serve")
                .whereLayer("report").mayOnlyBeAccessedByLayers("ui", "cli", "serve", "app")
                .whereLayer("render").mayOnlyBeAccessedByLayers("ui", "cli", "serve", "app", "report")
                .whereLayer("planning").mayOnlyBeAccessedByLayers("ui", "cli", "serve", "app", "report", "render")
                .whereLayer("model").mayOnlyBeAccessedByLayers("ui", "cli", "serve", "app", "report", "render", "planning")
                .whereLayer("features").mayOnlyBeAccessedByLayers("ui", "cli", "serve", "app", "report", "render", "planning", "model")
                .whereLayer("acoustics").mayOnlyBeAccessedByLayers("ui", "cli", "serve", "app", "report", "render", "planning", "model", "features")
                .whereLayer("ocean").mayOnlyBeAccessedByLayers("ui", "cli", "serve", "app", "report", "render", "planning", "model", "features", "acoustics")
                .whereLayer("geo").mayOnlyBeAccessedByLayers("ui", "cli", "serve", "app", "report", "render", "planning", "model", "features", "acoustics", "ocean")
                .whereLayer("io").mayOnlyBeAccessedByLayers("ui", "cli", "serve", "app", "report", "render", "planning", "model", "features", "acoustics", "ocean", "geo")
                .whereLayer("workspace").mayOnlyBeAccessedByLayers("ui", "cli", "serve", "app", "report", "render", "planning", "model", "features",
                        "acoustics", "ocean", "geo", "io")
                .check(classes);
    }

    @Test
    void domainDependsOnNothingOfOurs() {
        noClasses().that().resideInAPackage("pe.cardumen.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("pe.cardumen.workspace..", "pe.cardumen.io..", "pe.cardumen.geo..",
                        "pe.cardumen.ocean..", "pe.cardumen.acoustics..", "pe.cardumen.features..", "pe.cardumen.model..",
                        "pe.cardumen.planning..", "pe.cardumen.render..", "pe.cardumen.report..", "pe.cardumen.app..", "pe.cardumen.cli..", "pe.cardumen.ui..")
                .check(classes);
    }

    @Test
    void javaFxOnlyInUi() {
        noClasses().that().resideOutsideOfPackage("pe.cardumen.ui..").and().doNotHaveFullyQualifiedName("pe.cardumen.Launcher")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..")
                .check(classes);
    }

    @Test
    void djlOnlyInModel() {
        noClasses().that().resideOutsideOfPackage("pe.cardumen.model..")
                .should().dependOnClassesThat().resideInAnyPackage("ai.djl..", "org.tensorflow..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void noServiceLocatorsOrUtilPackages() {
        noClasses().should().resideInAnyPackage("..util..", "..helpers..", "..manager..").allowEmptyShould(true).check(classes);
    }
}
