package dev.osprey.optimizer.trial;

/** Whether an objective is to be made as small or as large as possible. */
public enum Direction {
    MINIMIZE,
    MAXIMIZE;

    /** Whether {@code a} is strictly better than {@code b} in this direction. */
    public boolean isBetter(double a, double b) {
        return this == MINIMIZE ? a < b : a > b;
    }

    /** Parses {@code minimize}/{@code maximize} in any case (also {@code min}/{@code max}). */
    public static Direction parse(String text) {
        return switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "minimize", "min", "minimise" -> MINIMIZE;
            case "maximize", "max", "maximise" -> MAXIMIZE;
            default -> throw new IllegalArgumentException(
                    "unknown direction '" + text + "'; expected 'minimize' or 'maximize'");
        };
    }
}
