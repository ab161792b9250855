package dev.vzbridge.api.recipes;

/** A setting given as on or off ({@code --stp on}); read by {@link Converters.OnOff}. */
public enum Switch {
    ON, OFF;

    public boolean isOn() {
        return this == ON;
    }

    /** null (not given) stays null. */
    public static Boolean of(Switch s) {
        return s == null ? null : s.isOn();
    }
}
