package dev.nn.app.plot;

import dev.nn.core.Mlp;
import dev.nn.core.data.Dataset;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

/**
 * What a network with two inputs does with the plane, as the TensorFlow Playground draws it: every cell of a
 * {@value #GRID}×{@value #GRID} grid over the test points' range in the pale colour of the class the network
 * gives it, and the test points on top in their true class's full colour. A learnt spiral shows its arms; an
 * underfit one, straight borders.
 */
public final class DecisionRegions {

    /** Cells along each side. */
    static final int GRID = 120;
    private static final Color[] PALETTE = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
            new Color(0xff7f0e), new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f),
            new Color(0xbcbd22), new Color(0x17becf)};

    private DecisionRegions() {
    }

    /** The chart of {@code mlp} (two inputs) over {@code test}'s points. */
    public static XYChart chart(String title, Mlp mlp, Dataset test) {
        int n = test.size();
        float[] xy = test.samples().data();
        double minX = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, minY = Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            minX = Math.min(minX, xy[2 * i]);
            maxX = Math.max(maxX, xy[2 * i]);
            minY = Math.min(minY, xy[2 * i + 1]);
            maxY = Math.max(maxY, xy[2 * i + 1]);
        }
        double marginX = 0.1 * Math.max(maxX - minX, 1e-3);
        double marginY = 0.1 * Math.max(maxY - minY, 1e-3);
        minX -= marginX;
        maxX += marginX;
        minY -= marginY;
        maxY += marginY;

        float[][] grid = new float[GRID * GRID][2];
        for (int r = 0; r < GRID; r++) {
            for (int c = 0; c < GRID; c++) {
                grid[r * GRID + c][0] = (float) (minX + (maxX - minX) * (c + 0.5) / GRID);
                grid[r * GRID + c][1] = (float) (minY + (maxY - minY) * (r + 0.5) / GRID);
            }
        }
        int[] predicted = mlp.predict(grid);
        int classes = mlp.network().outputSize();

        XYChart chart = new XYChartBuilder().width(760).height(760).title(title).xAxisTitle("x").yAxisTitle("y")
                .build();
        chart.getStyler().setLegendVisible(true);
        chart.getStyler().setPlotGridLinesVisible(false);
        chart.getStyler().setXAxisMin(minX).setXAxisMax(maxX).setYAxisMin(minY).setYAxisMax(maxY);
        chart.getStyler().setMarkerSize(6);
        for (int k = 0; k < classes; k++) {
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            for (int i = 0; i < grid.length; i++) {
                if (predicted[i] == k) {
                    xs.add((double) grid[i][0]);
                    ys.add((double) grid[i][1]);
                }
            }
            if (!xs.isEmpty()) {
                XYSeries region = chart.addSeries("network says " + k, xs, ys);
                region.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                region.setMarker(SeriesMarkers.SQUARE);
                region.setMarkerColor(pale(colour(k)));
            }
        }
        for (int k = 0; k < classes; k++) {
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (test.label(i) == k) {
                    xs.add((double) xy[2 * i]);
                    ys.add((double) xy[2 * i + 1]);
                }
            }
            if (!xs.isEmpty()) {
                XYSeries truth = chart.addSeries("class " + k, xs, ys);
                truth.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                truth.setMarker(SeriesMarkers.CIRCLE);
                truth.setMarkerColor(colour(k));
            }
        }
        return chart;
    }

    private static Color colour(int k) {
        return PALETTE[k % PALETTE.length];
    }

    /** The colour mixed three parts to one with white. */
    private static Color pale(Color c) {
        return new Color((c.getRed() + 3 * 255) / 4, (c.getGreen() + 3 * 255) / 4, (c.getBlue() + 3 * 255) / 4);
    }
}
