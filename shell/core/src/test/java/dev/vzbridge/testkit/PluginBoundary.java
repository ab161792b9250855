package dev.vzbridge.testkit;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/**
 * The rule every shipped plugin's test suite checks: its main code uses only the
 * plugin API (dev.vzbridge.api), the JDK, picocli and PF4J, like a third party's
 * plugin built against vzbridge-api alone.
 *
 * <pre>{@code
 * @Test
 * void usesOnlyThePluginApi() {
 *     PluginBoundary.check("dev.vzbridge.bridge");
 * }
 * }</pre>
 */
public final class PluginBoundary {
    private PluginBoundary() {
    }

    /** @throws AssertionError naming every class of {@code pluginPackage} that reaches past the API */
    public static void check(String pluginPackage) {
        JavaClasses plugin = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS).importPackages(pluginPackage);
        if (plugin.isEmpty()) throw new AssertionError("no main classes found in " + pluginPackage);
        classes().should().onlyDependOnClassesThat()
            .resideInAnyPackage(pluginPackage + "..", "dev.vzbridge.api..", "java..", "javax.annotation..", "picocli..",
                "org.pf4j..")
            .because("plugins build against vzbridge-api alone")
            .check(plugin);
    }
}
