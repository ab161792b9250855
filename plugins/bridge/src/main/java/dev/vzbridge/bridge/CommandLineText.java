package dev.vzbridge.bridge;

import dev.vzbridge.api.plan.Exec;

import java.util.ArrayList;
import java.util.List;

/** The command as the admin would type it, for the plan's title and the journal. */
final class CommandLineText {
    private final List<String> words = new ArrayList<>();

    CommandLineText(String... words) {
        this.words.addAll(List.of(words));
    }

    CommandLineText opt(String name, Object value) {
        if (value != null) {
            words.add(name);
            words.add(String.valueOf(value));
        }
        return this;
    }

    CommandLineText opts(String name, List<String> values) {
        if (values != null) values.forEach(v -> opt(name, v));
        return this;
    }

    CommandLineText flag(String name, boolean on) {
        if (on) words.add(name);
        return this;
    }

    @Override
    public String toString() {
        return String.join(" ", words.stream().map(Exec::quote).toList());
    }
}
