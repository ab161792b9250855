package dev.vzbridge.testkit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a test class (or method) that needs a lab: tags it "lab" and lets it take a
 * {@link dev.vzbridge.lab.Lab} parameter. A parameter of a test method gets a fresh
 * lab removed after that method; one of a static @BeforeAll method or the constructor
 * gets a lab shared by the class. Without root the tests are skipped, except under
 * CI=true, where they fail.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Tag("lab")
@ExtendWith(LabExtension.class)
public @interface LabTest {
    /** Container namespaces to create. */
    int[] containers() default {101, 102};
}
