package dev.nn.app.plot;

import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The confusion matrix as a heat map: actual class down, predicted class across, counts in the cells. The colour
 * follows log(1 + count), so that a handful of errors off the diagonal shows beside a thousand right answers on
 * it; the colour bar is labelled in counts.
 */
public final class ConfusionPlot {

    /** Colour stops of the log scale: enough that a count of 1 of 1,000 gets its own shade. */
    private static final int STOPS = 1024;

    private ConfusionPlot() {
    }

    /** The chart for {@code confusion} ([actual][predicted] counts). */
    public static HeatMapChart chart(String title, int[][] confusion) {
        int n = confusion.length;
        HeatMapChart chart = new HeatMapChartBuilder().width(760).height(680).title(title)
                .xAxisTitle("predicted class").yAxisTitle("actual class").build();
        chart.getStyler().setPlotContentSize(1);
        chart.getStyler().setShowValue(true);
        chart.getStyler().setLegendVisible(true);
        int largest = 1;
        for (int[] row : confusion) {
            for (int count : row) {
                largest = Math.max(largest, count);
            }
        }
        chart.getStyler().setMin(0);
        chart.getStyler().setMax(largest);
        chart.getStyler().setRangeColors(logRamp(largest));
        chart.getStyler().setHeatMapValueDecimalPattern("#,##0");
        chart.getStyler().setHeatMapDecimalValueFormatter(v -> String.format(Locale.ROOT, "%,d", Math.round(v)));
        List<Integer> classes = new ArrayList<>();
        for (int c = 0; c < n; c++) {
            classes.add(c);
        }
        List<Number[]> cells = new ArrayList<>();
        for (int actual = 0; actual < n; actual++) {
            for (int predicted = 0; predicted < n; predicted++) {
                // y grows upwards in a heat map: put class 0 on top, as in the printed table
                cells.add(new Number[]{predicted, n - 1 - actual, confusion[actual][predicted]});
            }
        }
        List<Integer> rows = new ArrayList<>();
        for (int c = n - 1; c >= 0; c--) {
            rows.add(c);
        }
        chart.addSeries("count", classes, rows, cells);
        return chart;
    }

    /**
     * Colour stops, evenly spaced from 0 to {@code largest} as the heat map spaces them, whose colours follow
     * log(1 + count) along white → light blue → dark blue: a log colour scale over counts shown as counts.
     */
    static Color[] logRamp(int largest) {
        Color[] ramp = {Color.WHITE, new Color(0x9ecae1), new Color(0x08306b)};
        Color[] stops = new Color[STOPS];
        for (int i = 0; i < STOPS; i++) {
            double count = (double) largest * i / (STOPS - 1);
            double t = Math.log1p(count) / Math.log1p(largest) * (ramp.length - 1);
            int low = Math.min((int) t, ramp.length - 2);
            double f = t - low;
            stops[i] = new Color(mix(ramp[low].getRed(), ramp[low + 1].getRed(), f),
                    mix(ramp[low].getGreen(), ramp[low + 1].getGreen(), f),
                    mix(ramp[low].getBlue(), ramp[low + 1].getBlue(), f));
        }
        return stops;
    }

    private static int mix(int a, int b, double f) {
        return (int) Math.round(a + (b - a) * f);
    }
}
