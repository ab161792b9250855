package dev.vzbridge.arch;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The layers point one way: shell → engine → host → exec, and inside the engine,
 * engine → engine.journal. Commands and all output live in the shell; the engine
 * returns values; the journal only records them; the host knows nothing of
 * transactions. Main code only: tests may reach across to drive the real thing.
 */
@AnalyzeClasses(packages = "dev.vzbridge", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {
    @ArchTest
    static final ArchRule nothingBelowTheShellUsesIt = noClasses()
        .that().resideInAnyPackage("dev.vzbridge.engine..", "dev.vzbridge.host..", "dev.vzbridge.exec..",
            "dev.vzbridge.tools..", "dev.vzbridge.lab..", "dev.vzbridge.plugins..")
        .should().dependOnClassesThat().resideInAPackage("dev.vzbridge.shell..")
        .because("commands and output belong to the shell; the layers below return values");

    @ArchTest
    static final ArchRule theHostKnowsNoTransactions = noClasses()
        .that().resideInAPackage("dev.vzbridge.host..")
        .should().dependOnClassesThat().resideInAPackage("dev.vzbridge.engine..")
        .because("the engine uses the host, never the other way round");

    @ArchTest
    static final ArchRule theJournalKnowsNoEngine = noClasses()
        .that().resideInAPackage("dev.vzbridge.engine.journal..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.vzbridge.engine", "dev.vzbridge.exec..",
            "dev.vzbridge.tools..", "dev.vzbridge.lab..", "dev.vzbridge.plugins..")
        .because("the journal records transactions as values; the engine runs them, never the other way round");

    @ArchTest
    static final ArchRule runnersStandAlone = noClasses()
        .that().resideInAPackage("dev.vzbridge.exec..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.vzbridge.engine..", "dev.vzbridge.host..",
            "dev.vzbridge.tools..", "dev.vzbridge.lab..", "dev.vzbridge.shell..", "dev.vzbridge.plugins..")
        .because("exec is the bottom layer: it runs argv lists and knows nothing above it");

    @ArchTest
    static final ArchRule theApiStandsAlone = noClasses()
        .that().resideInAPackage("dev.vzbridge.api..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.vzbridge.engine..", "dev.vzbridge.host..",
            "dev.vzbridge.exec..", "dev.vzbridge.tools..", "dev.vzbridge.lab..", "dev.vzbridge.shell..",
            "dev.vzbridge.plugins..")
        .because("plugins build against the API alone");
}
