package io.oregrid.grid.outcome;

/**
 * Kinds of accepted outcome on the {@code outcomes} stream. Travels as its {@link #code()} (an int,
 * stable across releases: new kinds take new codes, none is reused).
 */
public enum OutcomeType {
    /** An accepted location fix ({@code value}: 0). */
    FIX(1),
    /** A credited coin collect ({@code value}: the amount credited, minor units). */
    COLLECT(2);

    private final int code;

    OutcomeType(int code) {
        this.code = code;
    }

    /** @return the wire code */
    public int code() {
        return code;
    }

    /**
     * @return the kind of {@code code}
     * @throws IllegalArgumentException for a code no kind has
     */
    public static OutcomeType of(int code) {
        for (OutcomeType t : values()) {
            if (t.code == code) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown outcome code " + code);
    }
}
