package dev.vzbridge.dualnic;

import dev.vzbridge.testkit.PluginBoundary;
import org.junit.jupiter.api.Test;

/** This plugin's main code uses only dev.vzbridge.api (plus the JDK, picocli and PF4J). */
class PluginBoundaryTest {
    @Test
    void usesOnlyThePluginApi() {
        PluginBoundary.check("dev.vzbridge.dualnic");
    }
}
