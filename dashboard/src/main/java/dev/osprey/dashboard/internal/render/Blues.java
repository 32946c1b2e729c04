package dev.osprey.dashboard.internal.render;

import java.util.Locale;

/** The ColorBrewer Blues scale Optuna colours by, light (0) to dark (1). */
final class Blues {

    private static final int[][] STOPS = {{247, 251, 255}, {222, 235, 247}, {198, 219, 239}, {158, 202, 225},
            {107, 174, 214}, {66, 146, 198}, {33, 113, 181}, {8, 81, 156}, {8, 48, 107}};

    private Blues() {
    }

    static String at(double t) {
        double clamped = Double.isNaN(t) ? 0 : Math.max(0, Math.min(1, t));
        double position = clamped * (STOPS.length - 1);
        int low = (int) Math.floor(position);
        int high = Math.min(low + 1, STOPS.length - 1);
        double f = position - low;
        int[] rgb = new int[3];
        for (int c = 0; c < 3; c++) {
            rgb[c] = (int) Math.round(STOPS[low][c] + (STOPS[high][c] - STOPS[low][c]) * f);
        }
        return String.format(Locale.ROOT, "#%02x%02x%02x", rgb[0], rgb[1], rgb[2]);
    }
}
