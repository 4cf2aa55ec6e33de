package dev.nn.app.plot;

import dev.nn.core.train.EpochStats;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.util.List;

/** Training curves: train and test loss (left axis) and test accuracy (right axis) per epoch. */
public final class TrainingCurves {

    private TrainingCurves() {
    }

    /** The chart for {@code history}, titled {@code title}. */
    public static XYChart chart(String title, List<EpochStats> history) {
        XYChart chart = new XYChartBuilder().width(900).height(520).title(title).xAxisTitle("epoch")
                .yAxisTitle("mean loss").build();
        chart.getStyler().setTheme(new org.knowm.xchart.style.theme.MatlabTheme());
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        chart.getStyler().setYAxisGroupPosition(1, Styler.YAxisPosition.Right);
        chart.setYAxisGroupTitle(1, "accuracy (%)");
        double[] epochs = history.stream().mapToDouble(EpochStats::epoch).toArray();
        chart.addSeries("train loss", epochs, history.stream().mapToDouble(EpochStats::trainLoss).toArray())
                .setMarker(SeriesMarkers.CIRCLE);
        chart.addSeries("test loss", epochs, history.stream().mapToDouble(EpochStats::testLoss).toArray())
                .setMarker(SeriesMarkers.DIAMOND);
        if (history.stream().noneMatch(s -> Double.isNaN(s.trainAccuracy()))) {
            XYSeries trainAccuracy = chart.addSeries("train accuracy",
                    epochs, history.stream().mapToDouble(s -> 100 * s.trainAccuracy()).toArray());
            trainAccuracy.setYAxisGroup(1);
            trainAccuracy.setMarker(SeriesMarkers.TRIANGLE_UP);
        }
        XYSeries accuracy = chart.addSeries("test accuracy",
                epochs, history.stream().mapToDouble(s -> 100 * s.testAccuracy()).toArray());
        accuracy.setYAxisGroup(1);
        accuracy.setMarker(SeriesMarkers.SQUARE);
        return chart;
    }
}
