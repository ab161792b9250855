package dev.vzbridge.testkit;

import dev.vzbridge.lab.Lab;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

import java.lang.reflect.AnnotatedElement;
import java.util.Optional;

/**
 * Resolves {@link Lab} parameters: each test method parameter a fresh lab, a
 * constructor or @BeforeAll parameter one lab for the class. JUnit closes the lab
 * (removes its namespaces) when that scope ends, also when the test failed.
 */
public final class LabExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(LabExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext ctx) {
        return p.getParameter().getType() == Lab.class;
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext ctx) {
        boolean classScope = p.getDeclaringExecutable() instanceof java.lang.reflect.Constructor
            || java.lang.reflect.Modifier.isStatic(p.getDeclaringExecutable().getModifiers());
        ExtensionContext scope = classScope ? classContext(ctx) : ctx;
        String key = "lab:" + (classScope ? "class" : p.getDeclaringExecutable().toGenericString());
        return scope.getStore(NS).getOrComputeIfAbsent(key, k -> LabRequirement.build(builderFor(ctx)), Lab.class);
    }

    private static ExtensionContext classContext(ExtensionContext ctx) {
        ExtensionContext c = ctx;
        while (c.getTestMethod().isPresent() && c.getParent().isPresent()) c = c.getParent().get();
        return c;
    }

    private static Lab.Builder builderFor(ExtensionContext ctx) {
        Optional<LabTest> a = ctx.getTestMethod().flatMap(m -> find(m))
            .or(() -> ctx.getTestClass().flatMap(LabExtension::find));
        Lab.Builder b = Lab.builder();
        a.ifPresent(t -> b.containers(t.containers()));
        return b;
    }

    private static Optional<LabTest> find(AnnotatedElement e) {
        return AnnotationSupport.findAnnotation(e, LabTest.class);
    }
}
