package dev.nn.app.plot;

import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The first layer's weights as pictures: one height×width tile per hidden neuron, showing what it "looks for"
 * (blue: weight below 0, red: above; each tile scaled to its own largest weight), tiles in a grid.
 */
public final class WeightImages {

    private WeightImages() {
    }

    /** The chart for weights stored out×in, where in = height·width. */
    public static HeatMapChart chart(String title, float[] weights, int neurons, int height, int width) {
        int columns = (int) Math.ceil(Math.sqrt(neurons));
        int gridRows = (neurons + columns - 1) / columns;
        int cellsX = columns * (width + 1) - 1;
        int cellsY = gridRows * (height + 1) - 1;
        HeatMapChart chart = new HeatMapChartBuilder().width(Math.max(400, 8 * cellsX + 160))
                .height(Math.max(400, 8 * cellsY + 120)).title(title).build();
        chart.getStyler().setPlotContentSize(1);
        chart.getStyler().setLegendVisible(true); // the colour bar: −1 (blue) … 0 (white) … +1 (red)
        chart.getStyler().setHeatMapDecimalValueFormatter(v -> String.format(Locale.ROOT, "%+.0f", v));
        chart.getStyler().setAxisTicksVisible(false);
        chart.getStyler().setPlotGridLinesVisible(false);
        chart.getStyler().setRangeColors(new Color[]{new Color(0x2166ac), Color.WHITE, new Color(0xb2182b)});
        chart.getStyler().setMin(-1);
        chart.getStyler().setMax(1);
        List<Integer> xs = new ArrayList<>();
        for (int x = 0; x < cellsX; x++) {
            xs.add(x);
        }
        List<Integer> ys = new ArrayList<>();
        for (int y = 0; y < cellsY; y++) {
            ys.add(y);
        }
        List<Number[]> cells = new ArrayList<>();
        int in = height * width;
        for (int n = 0; n < neurons; n++) {
            float largest = 1e-12f;
            for (int i = 0; i < in; i++) {
                largest = Math.max(largest, Math.abs(weights[n * in + i]));
            }
            int x0 = (n % columns) * (width + 1);
            int y0 = (gridRows - 1 - n / columns) * (height + 1);
            for (int r = 0; r < height; r++) {
                for (int c = 0; c < width; c++) {
                    cells.add(new Number[]{x0 + c, y0 + height - 1 - r, weights[n * in + r * width + c] / largest});
                }
            }
        }
        chart.addSeries("weights", xs, ys, cells);
        return chart;
    }
}
