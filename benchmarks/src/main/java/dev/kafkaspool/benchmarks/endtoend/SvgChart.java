package dev.kafkaspool.benchmarks.endtoend;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A line chart as SVG text, the part the runner's plots share ({@link PercentilePlot},
 * {@link ThroughputPlot}): a title, a plot area with two axes (linear or log, {@link Scale}), tick
 * labels with grid lines, vertical marks, one line per series in its own colour (broken where a
 * value is NaN), and a legend to the right of the plot area. Lines are clipped to the plot area.
 */
final class SvgChart {
    private static final int WIDTH = 1080;
    private static final int HEIGHT = 560;
    private static final int LEFT = 90;
    private static final int RIGHT = 730;
    private static final int TOP = 60;
    private static final int BOTTOM = 480;
    private static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b",
        "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"};

    /**
     * An axis's range and kind; {@link #fraction} places a value along it, 0 at {@code min} and 1 at
     * {@code max} (on a log axis both must be above zero).
     */
    record Scale(double min, double max, boolean log) {

        double fraction(double value) {
            return log ? (Math.log10(value) - Math.log10(min)) / (Math.log10(max) - Math.log10(min))
                    : (value - min) / (max - min);
        }

        /** The powers of ten from {@code min} to {@code max} (a log axis's ticks). */
        List<Double> decades() {
            List<Double> ticks = new ArrayList<>();
            for (int power = (int) Math.ceil(Math.log10(min) - 1e-9); power <= Math.log10(max) + 1e-9; power++) {
                ticks.add(Math.pow(10, power));
            }
            return ticks;
        }

        /** Round ticks from {@code min} to {@code max}, at most about {@code count} of them (a linear axis's). */
        List<Double> steps(int count) {
            double raw = (max - min) / count;
            double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
            double step = raw / magnitude <= 1 ? magnitude : raw / magnitude <= 2 ? 2 * magnitude
                    : raw / magnitude <= 5 ? 5 * magnitude : 10 * magnitude;
            List<Double> ticks = new ArrayList<>();
            for (double tick = Math.ceil(min / step) * step; tick <= max + step * 1e-9; tick += step) {
                ticks.add(tick);
            }
            return ticks;
        }

        /** A linear axis from 0 to a round value at or above {@code highest} (1 if it is not above 0). */
        static Scale fromZero(double highest) {
            if (!(highest > 0)) {
                return new Scale(0, 1, false);
            }
            double magnitude = Math.pow(10, Math.floor(Math.log10(highest)));
            return new Scale(0, Math.ceil(highest / magnitude * 2) / 2 * magnitude, false);
        }
    }

    private final Scale x;
    private final Scale y;
    private final StringBuilder grid = new StringBuilder();
    private final StringBuilder lines = new StringBuilder();
    private final StringBuilder legend = new StringBuilder();
    private final String header;
    private int series;

    SvgChart(String title, Scale x, String xTitle, Scale y, String yTitle) {
        this.x = x;
        this.y = y;
        this.header = String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
                        + "font-family=\"sans-serif\" font-size=\"13\">%n"
                        + "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n"
                        + "<text x=\"%d\" y=\"30\" font-size=\"16\" font-weight=\"bold\" text-anchor=\"middle\">%s</text>%n"
                        + "<clipPath id=\"plot-area\"><rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\"/></clipPath>%n"
                        + "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>%n"
                        + "<text x=\"20\" y=\"%d\" text-anchor=\"middle\" transform=\"rotate(-90 20 %d)\">%s</text>%n",
                WIDTH, HEIGHT, WIDTH, HEIGHT, WIDTH, HEIGHT, (LEFT + RIGHT) / 2, escape(title), LEFT, TOP,
                RIGHT - LEFT, BOTTOM - TOP, (LEFT + RIGHT) / 2, BOTTOM + 45, escape(xTitle), (TOP + BOTTOM) / 2,
                (TOP + BOTTOM) / 2, escape(yTitle));
    }

    /** A tick on the x axis: a grid line and its label below the axis. */
    void xTick(double value, String label) {
        double px = px(value);
        grid.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#dddddd\"/>%n"
                + "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
                px, TOP, px, BOTTOM, px, BOTTOM + 20, escape(label)));
    }

    /** A tick on the y axis: a grid line and its label left of the axis. */
    void yTick(double value, String label) {
        double py = py(value);
        grid.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#dddddd\"/>%n"
                + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n",
                LEFT, py, RIGHT, py, LEFT - 8, py + 4, escape(label)));
    }

    /** A dashed vertical line across the plot area at {@code value} on the x axis, labelled at its top. */
    void verticalMark(double value, String label) {
        double px = px(value);
        lines.append(String.format(Locale.ROOT,
                "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"black\" stroke-dasharray=\"6 4\"/>%n"
                        + "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" font-size=\"12\">%s</text>%n",
                px, TOP, px, BOTTOM, px, TOP - 6, escape(label)));
    }

    /** One series: a line through the points in its own colour, broken at NaN, and its legend entry. */
    void line(String name, double[] xs, double[] ys) {
        String colour = COLOURS[series % COLOURS.length];
        StringBuilder points = new StringBuilder();
        for (int i = 0; i <= xs.length; i++) {
            boolean defined = i < xs.length && !Double.isNaN(xs[i]) && !Double.isNaN(ys[i]);
            if (defined) {
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", px(xs[i]), py(ys[i])));
            } else if (points.length() > 0) {
                lines.append("<polyline clip-path=\"url(#plot-area)\" fill=\"none\" stroke=\"").append(colour)
                        .append("\" stroke-width=\"2\" points=\"").append(points.toString().strip()).append("\"/>\n");
                points.setLength(0);
            }
        }
        int ly = TOP + 10 + 22 * series;
        legend.append(String.format(Locale.ROOT,
                "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"3\"/>%n"
                        + "<text x=\"%d\" y=\"%d\">%s</text>%n",
                RIGHT + 15, ly, RIGHT + 40, ly, colour, RIGHT + 47, ly + 4, escape(name)));
        series++;
    }

    /** The chart's SVG text. */
    String svg() {
        String axes = String.format(Locale.ROOT,
                "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"black\"/>%n",
                LEFT, TOP, RIGHT - LEFT, BOTTOM - TOP);
        return header + grid + axes + lines + legend + "</svg>\n";
    }

    void write(Path file) {
        try {
            Files.writeString(file, svg(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private double px(double value) {
        return LEFT + x.fraction(value) * (RIGHT - LEFT);
    }

    private double py(double value) {
        return BOTTOM - y.fraction(value) * (BOTTOM - TOP);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
