package dev.nn.app.plot;

import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

/** The confusion matrix as a heat map: actual class down, predicted class across, counts in the cells. */
public final class ConfusionPlot {

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
        chart.getStyler().setRangeColors(new Color[]{Color.WHITE, new Color(0x9ecae1), new Color(0x08306b)});
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
}
